// Owns drawing 2D codes into grey camera-sized images for tests: a boarding pass's PDF417, Aztec or QR code as
// printed (dark modules on light paper), at a chosen size and place, and the symbols' modules from zxing's writers
// (QR, Aztec) or the test PDF417 encoder.
import { zxing } from '../../shared/barcodes/zxing';
import type { CodeFormat } from '../../shared/barcodes/read';
import { qrMatrix } from '../../shared/slips/qr-matrix';
import { blurFloat, Rng } from '../../scripts/synth/render';
import { pdf417Rows } from './pdf417';

export interface GrayImage { width: number; height: number; data: Uint8Array }

/** Modules of a symbol, rows of booleans (true is dark), without a quiet zone unless the writer adds one. */
export function codeModules(format: CodeFormat, text: string): boolean[][] {
  if (format === 'qr') return qrMatrix(text);
  if (format === 'pdf417') return pdf417Rows(text);
  const matrix = new zxing.AztecCodeWriter().encode(text, zxing.BarcodeFormat.AZTEC, 0, 0);
  return Array.from({ length: matrix.getHeight() }, (_, y) => Array.from({ length: matrix.getWidth() }, (_, x) => matrix.get(x, y)));
}

export interface Placement {
  left: number;
  top: number;
  /** Pixels per module across. */
  scale: number;
  /** Pixels per module row (PDF417 rows are at least three modules high); scale when not given. */
  rowHeight?: number;
}

/** A light page of the given size (a little grey, like paper under a desk lamp). */
export function blankImage(width: number, height: number, shade = 215): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(shade) };
}

/** Draws the modules onto the image with a white quiet zone of four modules around them. */
export function drawModules(image: GrayImage, modules: boolean[][], { left, top, scale, rowHeight = scale }: Placement): GrayImage {
  const quiet = 4 * scale;
  const width = (modules[0]?.length ?? 0) * scale;
  const height = modules.length * rowHeight;
  for (let y = top - quiet; y < top + height + quiet; y++) {
    for (let x = left - quiet; x < left + width + quiet; x++) {
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      const inside = x >= left && y >= top && x < left + width && y < top + height;
      const dark = inside && modules[Math.floor((y - top) / rowHeight)]![Math.floor((x - left) / scale)]!;
      image.data[y * image.width + x] = dark ? 25 : 245;
    }
  }
  return image;
}

/** What a webcam does to print: a little optical blur and sensor noise (seeded, so a test sees the same frame). */
export function webcamLook(image: GrayImage, seed = 1, sigma = 0.8, noise = 3): GrayImage {
  const rng = new Rng(seed);
  const values = Float32Array.from(image.data);
  blurFloat(values, image.width, image.height, sigma);
  const data = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(values[i]! + rng.gauss() * noise)));
  return { ...image, data };
}

/**
 * A 1280×720 webcam frame with the code of the text printed in it, in the middle of the picture unless placed
 * elsewhere (zxing's Aztec detector looks for the bull's-eye from the middle of the image).
 */
export function codeFrame(format: CodeFormat, text: string, placement: Partial<Placement> = {}): GrayImage {
  const modules = codeModules(format, text);
  const scale = placement.scale ?? (format === 'pdf417' ? 3 : 5);
  const rowHeight = placement.rowHeight ?? (format === 'pdf417' ? scale * 3 : scale);
  const left = placement.left ?? Math.round(640 - (modules[0]!.length * scale) / 2);
  const top = placement.top ?? Math.round(360 - (modules.length * rowHeight) / 2);
  return webcamLook(drawModules(blankImage(1280, 720), modules, { left, top, scale, rowHeight }));
}

/**
 * A smudged print of the code in a webcam frame: a fifth of the data modules flipped, beyond the error correction,
 * while the finder patterns (QR) or start and stop patterns and row indicators (PDF417) are left, so that the symbol
 * is found and cannot be decoded.
 */
export function smudgedCodeFrame(format: 'qr' | 'pdf417', text: string): GrayImage {
  const rng = new Rng(5);
  const edge = format === 'qr' ? 10 : 40;
  const modules = codeModules(format, text).map((row, y, rows) =>
    row.map((dark, x) => (x > edge && x < row.length - edge && (format === 'pdf417' || (y > edge && y < rows.length - edge)) && rng.next() < 0.2 ? !dark : dark)),
  );
  return webcamLook(drawModules(blankImage(1280, 720), modules, { left: 300, top: 200, scale: format === 'qr' ? 4 : 3, rowHeight: format === 'qr' ? 4 : 9 }));
}
