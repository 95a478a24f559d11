// Owns what the MRZ reading benchmarks share: the synthetic 1280×720 frames they read (made once,
// seed 1, by scripts/mrz-synth.ts), the condition set (harder than a desk) with its tables by print size,
// rotation and format, and the percentile they report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSynth, type SynthTruth } from '../../scripts/mrz-synth';
import { decodeImage, encodeJpeg } from '../../scripts/image-io';
import { synthesiseFrame, SYNTH_FORMATS, type HardConditions } from '../../scripts/synth/document';
import { Rng } from '../../scripts/synth/render';
import type { GrayImage } from '../../shared/mrz/reader/gray';
import type { MrzFormat } from '../../shared/mrz/types';

/** The set's webcam-sized frames with their truth, made first when the folder has none. */
export function benchFrames(synthDir: string): SynthTruth[] {
  if (!existsSync(join(synthDir, 'truth.json'))) {
    console.log(`making the synthetic set in ${synthDir} (scripts/mrz-synth.ts) ...`);
    runSynth([synthDir, '--count', '300', '--empty', '60', '--large', '0', '--seed', '1']);
  }
  const truth = JSON.parse(readFileSync(join(synthDir, 'truth.json'), 'utf8')) as SynthTruth[];
  return truth.filter((t) => t.width === 1280 && t.height === 720);
}

/** The q-quantile (0..1) of xs, nearest rank; NaN when empty. */
export function pct(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** Capital-height bands of the conditions tables (px in a 1280×720 frame), lower bounds; the last ends at 60. */
export const CAP_BANDS: readonly number[] = [10, 14, 20, 30, 45];
export const TURNS = [0, 90, 180, 270] as const;
/** Seeds of the condition set: apart from the trainer's (7), the bench set's (1), the tests' and the other sets'. */
export const CONDITION_SEED = 910001;

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
}

/**
 * Frame i of the condition set, harder than a desk: capitals drawn 10-60 px (a whole MRZ fits a 1280×720
 * frame only up to about 26 px for TD3, 32 for TD2/MRV-B, 38 for TD1, less turned sideways: larger ones are
 * shrunk until the MRZ fits, and counted where they end up), the document turned by quarter turns on top of
 * an in-plane tilt up to 20°, tilted out of the plane up to 30° in perspective, every format in turn,
 * difficulty 0.3-1, and on their own seeds: security print under the MRZ (half the frames), a phone photo's look
 * (half), a glare streak across the MRZ (a quarter), and JPEG at quality 30-90 (half). Every 120 frames hold each
 * format × turn × band once.
 */
export function conditionFrame(i: number): ConditionFrame {
  const rng = new Rng(CONDITION_SEED + i);
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
  return { image, lines: f.lines!, format, turn, band, capHeight: f.capHeight, conditions };
}

interface Tally { frames: number; exact: number; accepted: number; exactRefused: number; falseAccepts: number; ms: number[] }

/**
 * The condition set's tables by print-size band, rotation and format: exact (the lines read are the truth),
 * accepted (exact and accepted by the camera's rules, as every exact reading of a check-digit-valid MRZ should
 * be), exact but refused, false accepts (accepted but not the truth), and ms per frame p50/p95 when timed.
 */
export class ConditionTables {
  private readonly rows = new Map<string, Tally>();
  readonly failures: string[] = [];
  add(f: ConditionFrame, got: { lines: string[] | null; valid: boolean }, ms = NaN): void {
    const exact = (got.lines ?? []).join('|') === f.lines.join('|');
    const extras = f.conditions.split(' ').filter((c) => ['bleed', 'phone', 'glare'].includes(c));
    const steep = Number(/tilt (\d+)/.exec(f.conditions)?.[1] ?? 0) >= 20, jpeg = /q\d+/.test(f.conditions);
    const kinds = [...extras, ...(steep ? ['tilt'] : []), ...(jpeg ? ['jpeg'] : []), ...(extras.length === 0 && !steep ? ['plain'] : [])];
    for (const key of ['all', `band ${f.band}`, `turn ${f.turn}`, `format ${f.format}`, ...kinds.map((k) => `kind ${k}`)]) {
      const t = this.rows.get(key) ?? { frames: 0, exact: 0, accepted: 0, exactRefused: 0, falseAccepts: 0, ms: [] };
      this.rows.set(key, t);
      t.frames++;
      if (exact) t.exact++;
      if (exact && got.valid) t.accepted++;
      if (exact && !got.valid) t.exactRefused++;
      if (got.valid && !exact) t.falseAccepts++;
      if (Number.isFinite(ms)) t.ms.push(ms);
    }
    if (!exact || !got.valid) this.failures.push(`${f.format} ${f.turn}° ${f.capHeight.toFixed(1)} px ${f.conditions}: ${got.lines ? got.lines.join('|') : 'no MRZ'}${got.valid ? ' [accepted]' : exact ? ' [exact, not accepted]' : ''}`);
  }
  print(log: (line: string) => void = console.log): void {
    const timed = [...this.rows.values()].some((t) => t.ms.length > 0);
    const pc = (a: number, b: number): string => `${(100 * a / Math.max(1, b)).toFixed(1)}%`;
    const head = (title: string): void => log(`  ${title.padEnd(22)} ${'frames'.padStart(6)} ${'exact'.padStart(7)} ${'accepted'.padStart(9)} ${'exact,refused'.padStart(13)} ${'false acc.'.padStart(10)}${timed ? ` ${'ms p50'.padStart(7)} ${'ms p95'.padStart(7)}` : ''}`);
    const line = (label: string, t: Tally | undefined): void => {
      if (!t) return;
      log(`  ${label.padEnd(22)} ${String(t.frames).padStart(6)} ${pc(t.exact, t.frames).padStart(7)} ${pc(t.accepted, t.frames).padStart(9)} ${String(t.exactRefused).padStart(13)} ${String(t.falseAccepts).padStart(10)}${timed ? ` ${pct(t.ms, 0.5).toFixed(1).padStart(7)} ${pct(t.ms, 0.95).toFixed(1).padStart(7)}` : ''}`);
    };
    head('capitals (in frame)');
    for (const b of CAP_BANDS) line(`${b}-${CAP_BANDS[CAP_BANDS.indexOf(b) + 1] ?? 60} px`, this.rows.get(`band ${b}`));
    head('rotation');
    for (const t of TURNS) line(`${t}° (± tilt)`, this.rows.get(`turn ${t}`));
    head('format');
    for (const f of SYNTH_FORMATS) line(f === 'MRVA' ? 'MRV-A' : f === 'MRVB' ? 'MRV-B' : f, this.rows.get(`format ${f}`));
    head('condition (may overlap)');
    for (const [k, label] of [['plain', 'none (tilt < 20°)'], ['tilt', 'tilt 20-30°'], ['bleed', 'print under the MRZ'], ['phone', 'phone photo'], ['glare', 'glare streak'], ['jpeg', 'JPEG q30-90']] as const) line(label, this.rows.get(`kind ${k}`));
    line('all', this.rows.get('all'));
  }
}
