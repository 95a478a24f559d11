// Owns the recipe of hard webcam frames (issue 15): print size bands, quarter turns, perspective, every
// format, security print, phone photos, glare and JPEG, drawn from a seed base so that the benchmarks'
// condition set and the trainer's hard lines are the same kind of frame on seeds apart.
import { decodeImage, decodeRgba, encodeJpeg, encodeRgbaJpeg } from '../image-io';
import { synthesiseFrame, SYNTH_FORMATS, type HardConditions } from './document';
import { Rng } from './render';
import type { GrayImage } from '../../shared/mrz/reader/gray';
import type { MrzFormat } from '../../shared/mrz/types';

/** Capital-height bands of the conditions tables (px in a 1280×720 frame), lower bounds; the last ends at 60. */
export const CAP_BANDS: readonly number[] = [10, 14, 20, 30, 45];
export const TURNS = [0, 90, 180, 270] as const;
export interface ConditionFrame {
  image: GrayImage;
  lines: string[];
  format: MrzFormat;
  turn: (typeof TURNS)[number];
  /** The band of the capitals as they are in the frame (a size drawn larger than fits was shrunk to fit). */
  band: number;
  capHeight: number;
  /** What made it hard, for the failure list: tilt, bleed, phone, glare, JPEG quality. */
  conditions: string;
  /** Corners of the MRZ text block in the frame (top-left, top-right, bottom-right, bottom-left as the text reads). */
  mrzQuad: [number, number][];
}

/**
 * Frame i of a set of hard frames drawn from seeds seedBase + i (the benchmarks' condition set, the trainer's
 * hard lines), harder than a desk: capitals drawn 10-60 px (a whole MRZ fits a 1280×720
 * frame only up to about 26 px for TD3, 32 for TD2/MRV-B, 38 for TD1, less turned sideways: larger ones are
 * shrunk until the MRZ fits, and counted where they end up), the document turned by quarter turns on top of
 * an in-plane tilt up to 20°, tilted out of the plane up to 30° in perspective, every format in turn,
 * difficulty 0.3-1, and on their own seeds: security print under the MRZ (half the frames), a phone photo's look
 * (half), a glare streak across the MRZ (a quarter), and JPEG at quality 30-90 (half). Every 120 frames hold each
 * format × turn × band once.
 */
export function hardConditionFrame(seedBase: number, i: number): ConditionFrame {
  const { frame, quality } = drawConditionFrame(seedBase, i, 1);
  const image = quality ? decodeImage(new Uint8Array(encodeJpeg(frame.image, quality))) : frame.image;
  return { ...frame, image };
}

/** Frame i of the set before its JPEG step (with the quality it takes, if any), its security print `bleedStrength` dark. */
function drawConditionFrame(seedBase: number, i: number, bleedStrength: number): { frame: ConditionFrame; quality: number | null } {
  const rng = new Rng(seedBase + i);
  const format = SYNTH_FORMATS[i % SYNTH_FORMATS.length]!;
  const turn = TURNS[Math.floor(i / SYNTH_FORMATS.length) % TURNS.length]!;
  const lo = CAP_BANDS[Math.floor(i / (SYNTH_FORMATS.length * TURNS.length)) % CAP_BANDS.length]!;
  const hi = CAP_BANDS[CAP_BANDS.indexOf(lo) + 1] ?? 60;
  const hard: HardConditions = { tiltDeg: rng.range(0, 30), bleed: rng.next() < 0.5, phone: rng.next() < 0.5, glare: rng.next() < 0.25, bleedStrength };
  const quality = rng.next() < 0.5 ? Math.round(rng.range(30, 90)) : null;
  const f = synthesiseFrame(rng, { format, turn, capHeight: rng.range(lo, hi), difficulty: rng.range(0.3, 1), hard });
  const band = [...CAP_BANDS].reverse().find((b) => f.capHeight >= b) ?? CAP_BANDS[0]!;
  const conditions = [`tilt ${hard.tiltDeg!.toFixed(0)}°`, hard.bleed ? 'bleed' : '', hard.phone ? 'phone' : '', hard.glare ? 'glare' : '', quality ? `q${quality}` : ''].filter(Boolean).join(' ');
  return { frame: { image: f.image, lines: f.lines!, format, turn, band, capHeight: f.capHeight, conditions, mrzQuad: f.mrzQuad! }, quality };
}

/**
 * Inks security print is printed in, as how much of the print's darkness each of red, green and blue keeps:
 * pink (takes green), blue, green (takes red and blue), orange (takes blue, some green), deep blue. Saturated
 * inks: lighter ones leave less of themselves in luma, and are easier.
 */
export const PRINT_TINTS: readonly (readonly [number, number, number])[] = [[0.15, 1, 0.55], [1, 0.75, 0.2], [0.9, 0.35, 1], [0.3, 0.5, 1], [1, 1, 0.1]];

/**
 * Frame i of the set in colour, for frames with security print: the print in `tint` (security print is
 * seldom black; the MRZ always is), everything else grey as drawn, then JPEG at the frame's quality.
 * Null when the frame has no security print. Interleaved RGBA, as a decoded photo is.
 */
export function tintedConditionFrame(seedBase: number, i: number, tint: readonly [number, number, number]): (Omit<ConditionFrame, 'image'> & { rgba: Uint8Array; width: number; height: number }) | null {
  const printed = drawConditionFrame(seedBase, i, 1);
  if (!printed.frame.conditions.includes('bleed')) return null;
  // The same frame without the print: the same random numbers drawn, so the two differ by the print alone.
  const plain = drawConditionFrame(seedBase, i, 0).frame.image.data;
  const { width, height, data } = printed.frame.image;
  let rgba: Uint8Array = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const darker = plain[p]! - data[p]!;
    for (let c = 0; c < 3; c++) rgba[p * 4 + c] = Math.max(0, Math.min(255, Math.round(plain[p]! - tint[c]! * darker)));
    rgba[p * 4 + 3] = 255;
  }
  if (printed.quality) rgba = decodeRgba(encodeRgbaJpeg(rgba, width, height, printed.quality));
  const { image: _grey, ...rest } = printed.frame;
  return { ...rest, rgba, width, height };
}

/** RGBA pixels as grey was made before the brightest channel: luma, with integer BT.601 weights (what the colour frames are measured against). */
export function lumaOf(rgba: Uint8Array, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let p = 0; p < data.length; p++) data[p] = (rgba[p * 4]! * 77 + rgba[p * 4 + 1]! * 150 + rgba[p * 4 + 2]! * 29) >> 8;
  return { width, height, data };
}
