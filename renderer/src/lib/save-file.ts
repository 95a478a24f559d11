// Owns saving a file from the page where the supervisor chooses, in the browser host: Chromium's save picker (the
// File System Access API) first, while the click still counts as the supervisor's, then the bytes once they exist.
// The page knows, as the host cannot, whether the file was written: only then is an export reported to the core.

interface SaveFilePickerOptions {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}
declare global {
  interface Window {
    /** Chromium's save picker (not in TypeScript's DOM library yet). */
    showSaveFilePicker?: (options: SaveFilePickerOptions) => Promise<FileSystemFileHandle>;
  }
}

export type PickedFile = { picked: FileSystemFileHandle } | { cancelled: true } | { unsupported: true };

/** Asks where to save `suggestedName`; a closed or cancelled picker is `cancelled` (the API's AbortError). */
export async function pickSaveFile(suggestedName: string, type: { description: string; mime: string; extension: string }): Promise<PickedFile> {
  if (typeof window.showSaveFilePicker !== 'function') return { unsupported: true };
  try {
    const picked = await window.showSaveFilePicker({ suggestedName, types: [{ description: type.description, accept: { [type.mime]: [type.extension] } }] });
    return { picked };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { cancelled: true };
    throw error;
  }
}

/** Writes the whole file; resolves only once it is closed (written), rejects if it could not be. */
export async function writePickedFile(file: FileSystemFileHandle, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const stream = await file.createWritable();
  try {
    await stream.write(bytes);
    await stream.close();
  } catch (error) {
    await stream.abort().catch(() => undefined);
    throw error;
  }
}

/** Bytes from the base64 the contract carries them in. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
