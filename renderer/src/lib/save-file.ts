// Owns saving a file from the page where the supervisor chooses, in the browser host: Chromium's save picker (the
// File System Access API) first, while the click still counts as the supervisor's, then the bytes once they exist.
// The page knows, as the host cannot, whether the file was written: only then is an export reported to the core
// (and audited there). The report's PDF and the review's CSV are saved this way.

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

/** What became of a save through the picker. `refused`: the core said no (its error is the screen's); `saved`: written and reported. */
export type PickerSave<T> = { cancelled: true } | { unsupported: true } | { refused: true } | { writeFailed: string } | { saved: T };

/**
 * Saves a file the core makes, where the supervisor chooses: the picker first (while the click still counts as the
 * supervisor's), then `make` asks the core for the bytes, the page writes them, and `report` tells the core the file
 * is written, which is when the core audits it. Nothing is reported unless the whole file was written.
 */
export async function saveThroughPicker<M, T>(
  suggestedName: string,
  type: { description: string; mime: string; extension: string },
  steps: {
    /** The supervisor picked `name`: the file is being made. */
    picked(name: string): void;
    /** The file's bytes from the core and what `report` needs; null when the core refused. */
    make(): Promise<{ bytes: Uint8Array<ArrayBuffer>; made: M } | null>;
    /** Tells the core the file is written as `savedAs`; null when the core refused. */
    report(made: M, savedAs: string): Promise<T | null>;
  },
): Promise<PickerSave<T>> {
  const target = await pickSaveFile(suggestedName, type);
  if (!('picked' in target)) return target;
  steps.picked(target.picked.name);
  const made = await steps.make();
  if (made === null) return { refused: true };
  try {
    await writePickedFile(target.picked, made.bytes);
  } catch (problem) {
    return { writeFailed: problem instanceof Error ? problem.message : String(problem) };
  }
  const reported = await steps.report(made.made, target.picked.name);
  return reported === null ? { refused: true } : { saved: reported };
}

/**
 * What a screen says after a save through the picker, the same rule for every export: the notice beside the button
 * (cancelled, or saved) and the error, when there is a new one (a refusal keeps the error the core's answer set).
 */
export function pickerSaveWords<T>(
  result: PickerSave<T>,
  words: { noPicker: string; cancelled: string; writeFailed: (problem: string) => string; saved: (saved: T) => string },
): { notice: string | null; error?: string } {
  if ('unsupported' in result) return { notice: null, error: words.noPicker };
  if ('cancelled' in result) return { notice: words.cancelled };
  if ('refused' in result) return { notice: null };
  if ('writeFailed' in result) return { notice: null, error: words.writeFailed(result.writeFailed) };
  return { notice: words.saved(result.saved) };
}

/** Bytes from the base64 the contract carries them in. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
