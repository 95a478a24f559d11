// Decodes and encodes PNG/JPEG files to and from the reader's grey buffers (Node only: scripts, CLI, bench).
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { rgbaToGray, type GrayImage } from '../shared/mrz/reader/gray';

export function decodeImage(bytes: Uint8Array): GrayImage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 8 && buf[0] === 0x89 && buf[1] === 0x50 && buf[2] === 0x4e && buf[3] === 0x47) {
    // Decoding to RGBA keeps grey, palette and 16-bit PNGs on one path.
    const png = decodeOrSay('PNG', () => PNG.sync.read(buf));
    return rgbaToGray(png.data, png.width, png.height, 4);
  }
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8) {
    const img = decodeOrSay('JPEG', () => jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 }));
    return rgbaToGray(img.data, img.width, img.height, 4);
  }
  throw new Error('not a PNG or JPEG file');
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
  return Buffer.from(jpeg.encode({ data: grayToRgba(img), width: img.width, height: img.height }, quality).data);
}

export function writeImage(file: string, img: GrayImage, quality = 85): void {
  writeFileSync(file, /\.jpe?g$/i.test(file) ? encodeJpeg(img, quality) : encodePng(img));
}
