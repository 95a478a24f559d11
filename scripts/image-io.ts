// Decodes and encodes PNG/JPEG files to and from the reader's grey buffers (Node only: scripts, CLI, bench).
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { rgbaToGray, type GrayImage } from '../shared/mrz/reader/gray';

/**
 * The largest image decoded, in pixels: a whole A4 page scanned at 1200 dpi is 140 million. Decoding
 * takes four bytes a pixel before the grey copy, so a file that says it is larger (a 20000×20000 PNG
 * of blank paper is 80 kB) would take gigabytes and many seconds to say "no MRZ": it is refused first.
 */
export const MAX_IMAGE_PIXELS = 150_000_000;

export function decodeImage(bytes: Uint8Array): GrayImage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isPng = buf.length >= 8 && buf[0] === 0x89 && buf[1] === 0x50 && buf[2] === 0x4e && buf[3] === 0x47;
  const isJpeg = buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8;
  if (!isPng && !isJpeg) throw new Error('not a PNG or JPEG file');
  const size = isPng ? pngSize(buf) : jpegSize(buf);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new Error(`image too large: ${size.width}×${size.height} pixels (${Math.round(size.width * size.height / 1e6)} million; at most ${MAX_IMAGE_PIXELS / 1e6} million): scan at a lower resolution`);
  }
  if (isPng) {
    // Decoding to RGBA keeps grey, palette and 16-bit PNGs on one path.
    const png = decodeOrSay('PNG', () => PNG.sync.read(buf));
    return rgbaToGray(png.data, png.width, png.height, 4);
  }
  const img = decodeOrSay('JPEG', () => jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: 4 * MAX_IMAGE_PIXELS / 1e6 + 512 }));
  return rgbaToGray(img.data, img.width, img.height, 4);
}

/** A PNG's size from its header chunk (IHDR, always first); null when the file is too short to say. */
function pngSize(buf: Buffer): { width: number; height: number } | null {
  return buf.length >= 24 ? { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) } : null;
}

/** A JPEG's size from its frame header (the SOFn marker before the first scan); null when none is found. */
function jpegSize(buf: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < buf.length && buf[at] === 0xff) {
    const marker = buf[at + 1]!;
    if (marker === 0xff) { at++; continue; }
    // SOF0-SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC); the scan (DA) ends the headers.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: buf.readUInt16BE(at + 7), height: buf.readUInt16BE(at + 5) };
    }
    if (marker === 0xda) return null;
    at += 2 + buf.readUInt16BE(at + 2);
  }
  return null;
}

/** The decoders' own messages ("marker was not found") mean nothing to a user: say what is wrong first. */
function decodeOrSay<T>(kind: string, decode: () => T): T {
  try {
    return decode();
  } catch (e) {
    throw new Error(`damaged or incomplete ${kind} file (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function readImage(file: string): GrayImage {
  return decodeImage(readFileSync(file));
}

function grayToRgba(img: GrayImage): Buffer {
  const out = Buffer.alloc(img.width * img.height * 4);
  for (let i = 0; i < img.data.length; i++) {
    const v = img.data[i]!;
    out[i * 4] = v; out[i * 4 + 1] = v; out[i * 4 + 2] = v; out[i * 4 + 3] = 255;
  }
  return out;
}

export function encodePng(img: GrayImage): Buffer {
  const png = new PNG({ width: img.width, height: img.height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  png.data = Buffer.from(img.data);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

export function encodeJpeg(img: GrayImage, quality: number): Buffer {
  return encodeRgbaJpeg(grayToRgba(img), img.width, img.height, quality);
}

/** Interleaved RGBA pixels as a PNG file (colour test frames). */
export function encodeRgbaPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  return PNG.sync.write(png);
}

/** Interleaved RGBA pixels as a JPEG file (colour test frames). */
export function encodeRgbaJpeg(rgba: Uint8Array, width: number, height: number, quality: number): Buffer {
  return Buffer.from(jpeg.encode({ data: rgba, width, height }, quality).data);
}

/** A JPEG file's pixels as interleaved RGBA, before any conversion to grey (colour test frames). */
export function decodeRgba(bytes: Uint8Array): Uint8Array {
  return jpeg.decode(Buffer.from(bytes), { useTArray: true, formatAsRGBA: true }).data;
}

export function writeImage(file: string, img: GrayImage, quality = 85): void {
  writeFileSync(file, /\.jpe?g$/i.test(file) ? encodeJpeg(img, quality) : encodePng(img));
}
