// Owns reading a slip's QR code from a grey image, for the desk camera's worker and the slip tests.
import { readCode, type GrayPixels } from '../barcodes/read';

/** The text of a QR code in the image, or null when there is none (or it cannot be read). */
export function readQr(gray: GrayPixels): string | null {
  const reading = readCode(gray, ['qr']);
  return reading.found === 'text' ? reading.text : null;
}
