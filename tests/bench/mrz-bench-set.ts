// Owns what the MRZ reading benchmarks share: the synthetic 1280×720 frames they read (made once,
// seed 1, by scripts/mrz-synth.ts) and the percentile they report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSynth, type SynthTruth } from '../../scripts/mrz-synth';

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
