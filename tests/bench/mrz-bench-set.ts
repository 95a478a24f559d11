// Owns what the MRZ reading benchmarks share: the synthetic 1280×720 frames they read (made once,
// seed 1, by scripts/mrz-synth.ts), the condition set (harder than a desk) with its tables by print size,
// rotation and format, and the percentile they report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSynth, type SynthTruth } from '../../scripts/mrz-synth';
import { SYNTH_FORMATS } from '../../scripts/synth/document';
import { CAP_BANDS, hardConditionFrame, TURNS, type ConditionFrame } from '../../scripts/synth/conditions';

export { CAP_BANDS, TURNS, type ConditionFrame };

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

/** Seeds of the condition set: apart from the trainer's (7, and its hard frames from 610001), the bench set's (1), the tests' and the other sets'. */
export const CONDITION_SEED = 910001;

/** Frame i of the condition set (scripts/synth/conditions.ts says what makes it hard). */
export function conditionFrame(i: number): ConditionFrame {
  return hardConditionFrame(CONDITION_SEED, i);
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
