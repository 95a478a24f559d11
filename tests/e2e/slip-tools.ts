// Helpers for the slip tests: PDF to text and PNG with poppler, and the QR code read back from the PNG with
// @zxing/library, as the desk camera (and the office receiving the traveller) would read it.
import { execFileSync } from 'node:child_process';
import { readImage } from '../../scripts/image-io';
import { readQr } from '../../shared/slips/qr-read';

export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Page size in millimetres, from pdfinfo's points. */
export function pdfPageSizeMm(pdf: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const toMm = (pts: string | undefined) => Math.round((Number(pts) * 25.4) / 72);
  return { width: toMm(match?.[1]), height: toMm(match?.[2]) };
}

/** Renders the first page to PNG (returns its path). */
export function pdfToPng(pdf: string, dpi = 150, topMm?: number): string {
  const base = pdf.replace(/\.pdf$/, '');
  // topMm keeps only the top of the page: what a scanner held over a long roll's QR code sees.
  const crop = topMm === undefined ? [] : ['-H', String(Math.round((topMm / 25.4) * dpi))];
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', ...crop, '-singlefile', pdf, base]);
  return `${base}.png`;
}

/** Reads the QR code back with the same zxing reader the desk camera's worker uses. */
export function decodeQr(pngPath: string): string {
  const text = readQr(readImage(pngPath));
  if (text === null) throw new Error(`No QR code found in ${pngPath}`);
  return text;
}
