// Owns reading 2D codes from a grey image with @zxing/library's core readers (the camera worker's and the tests'
// way in): which formats to look for, and telling "no code here" from "a code seen but not readable".
import { zxing, type zxingModule } from './zxing';

export type GrayPixels = { width: number; height: number; data: Uint8Array | Uint8ClampedArray };

export type CodeFormat = 'qr' | 'pdf417' | 'aztec';

export type CodeReading =
  | { found: 'text'; text: string; format: CodeFormat }
  /** A code was located but its error correction could not restore it (torn, creased, glare, a finger over it). */
  | { found: 'damaged'; format: CodeFormat }
  | { found: 'none' };

/** One reader per format, made once: zxing's readers keep no state between images once reset. */
const READERS: Record<CodeFormat, zxingModule.Reader> = {
  qr: new zxing.QRCodeReader(),
  pdf417: new zxing.PDF417Reader(),
  aztec: new zxing.AztecCodeReader(),
};

/**
 * The first code of the given formats in the image, tried in the order given. Never throws: whatever zxing makes
 * of a frame is an answer. The formats share one binarised image, so a second and third format cost only their
 * detectors.
 */
export function readCode(gray: GrayPixels, formats: readonly CodeFormat[]): CodeReading {
  // A Uint8ClampedArray over the same buffer is taken as luminance as it is: no copy of the pixels.
  const luminance = new Uint8ClampedArray(gray.data.buffer, gray.data.byteOffset, gray.width * gray.height);
  const bitmap = new zxing.BinaryBitmap(new zxing.HybridBinarizer(new zxing.RGBLuminanceSource(luminance, gray.width, gray.height)));
  let damaged: CodeFormat | null = null;
  for (const format of formats) {
    const reader = READERS[format];
    try {
      return { found: 'text', text: reader.decode(bitmap).getText(), format };
    } catch (error) {
      // Checksum and format failures come from a symbol that was located and then decoded wrongly; anything else
      // (NotFound, or an internal error on a strange frame) is no code of this format as far as the officer is concerned.
      if (damaged === null && (error instanceof zxing.ChecksumException || error instanceof zxing.FormatException)) damaged = format;
    } finally {
      reader.reset();
    }
  }
  return damaged ? { found: 'damaged', format: damaged } : { found: 'none' };
}
