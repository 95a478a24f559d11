// Owns reading a slip's QR code from a grey image with @zxing/library's reader, for the desk camera's worker.
import * as zxingModule from '@zxing/library';

// Node loads the package's CommonJS build (names under `default`); bundlers load its ES build (names at the top).
const zxing = (Reflect.get(zxingModule, 'default') ?? zxingModule) as typeof zxingModule;
const reader = new zxing.QRCodeReader();

/** The text of a QR code in the image, or null when there is none (or it cannot be read). */
export function readQr(gray: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }): string | null {
  // A Uint8ClampedArray is taken as luminance as it is; no copy of the pixels.
  const luminance = new Uint8ClampedArray(gray.data.buffer, gray.data.byteOffset, gray.width * gray.height);
  const source = new zxing.RGBLuminanceSource(luminance, gray.width, gray.height);
  try {
    return reader.decode(new zxing.BinaryBitmap(new zxing.HybridBinarizer(source))).getText();
  } catch {
    return null;
  } finally {
    reader.reset();
  }
}
