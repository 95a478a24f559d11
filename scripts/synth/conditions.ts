// Owns the recipe of hard webcam frames (issue 15): print size bands, quarter turns, perspective, every
// format, security print, phone photos, glare and JPEG, drawn from a seed base so that the benchmarks'
// condition set and the trainer's hard lines are the same kind of frame on seeds apart.
import { decodeImage, encodeJpeg } from '../image-io';
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
  const rng = new Rng(seedBase + i);
  const format = SYNTH_FORMATS[i % SYNTH_FORMATS.length]!;
  const turn = TURNS[Math.floor(i / SYNTH_FORMATS.length) % TURNS.length]!;
  const lo = CAP_BANDS[Math.floor(i / (SYNTH_FORMATS.length * TURNS.length)) % CAP_BANDS.length]!;
  const hi = CAP_BANDS[CAP_BANDS.indexOf(lo) + 1] ?? 60;
  const hard: HardConditions = { tiltDeg: rng.range(0, 30), bleed: rng.next() < 0.5, phone: rng.next() < 0.5, glare: rng.next() < 0.25 };
  const quality = rng.next() < 0.5 ? Math.round(rng.range(30, 90)) : null;
  const f = synthesiseFrame(rng, { format, turn, capHeight: rng.range(lo, hi), difficulty: rng.range(0.3, 1), hard });
  const image = quality ? decodeImage(new Uint8Array(encodeJpeg(f.image, quality))) : f.image;
  const band = [...CAP_BANDS].reverse().find((b) => f.capHeight >= b) ?? CAP_BANDS[0]!;
  const conditions = [`tilt ${hard.tiltDeg!.toFixed(0)}°`, hard.bleed ? 'bleed' : '', hard.phone ? 'phone' : '', hard.glare ? 'glare' : '', quality ? `q${quality}` : ''].filter(Boolean).join(' ');
  return { image, lines: f.lines!, format, turn, band, capHeight: f.capHeight, conditions, mrzQuad: f.mrzQuad! };
}
