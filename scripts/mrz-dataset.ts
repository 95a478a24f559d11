// Access to ../shared/datasets/mrz-lines (used in place, never copied) and the text metrics the
// trainer and the benchmark report: Levenshtein distance and character error rate.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The folder beside the checkout that holds what stays out of the repository (datasets/, peers/):
 * MK_SHARED_DIR when set; else ../shared beside the main checkout, found through git's common
 * directory, so a linked worktree (/work/wt/x) finds the same folder as the main checkout does;
 * else ../shared beside this checkout.
 */
export function sharedDir(): string {
  if (process.env.MK_SHARED_DIR) return resolve(process.env.MK_SHARED_DIR);
  const root = resolve(new URL('.', import.meta.url).pathname, '..');
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const beside = resolve(dirname(common), '../shared');
    if (existsSync(beside)) return beside;
  } catch { /* not a git checkout (an unpacked copy): fall back to the folder beside it */ }
  return resolve(root, '../shared');
}

export const DATASET_DIR = join(sharedDir(), 'datasets/mrz-lines');

export interface LineSample { file: string; path: string; text: string; synthetic: boolean; sourceKey: string }

export function datasetAvailable(dir = DATASET_DIR): boolean {
  return existsSync(join(dir, 'labels.tsv'));
}

export function loadLineDataset(dir = DATASET_DIR): LineSample[] {
  const rows = readFileSync(join(dir, 'labels.tsv'), 'utf8').split('\n').slice(1).filter((l) => l.trim());
  return rows.map((r) => {
    const [file = '', text = '', synthetic = '0', sourceKey = ''] = r.split('\t');
    return { file, path: join(dir, 'images', file), text: text.trim(), synthetic: synthetic === '1', sourceKey };
  });
}

/** Deterministic split by source document (FNV-1a of source_key), so one document's lines stay on one side. */
export function isValidationSample(s: LineSample, fraction = 0.3): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.sourceKey.length; i++) { h ^= s.sourceKey.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return (h % 1000) / 1000 < fraction;
}

export function levenshtein(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1), cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j]!;
  }
  return prev[b.length]!;
}

/** Accumulates edit distance over reference length. */
export class CerMeter {
  edits = 0; chars = 0; lines = 0; exact = 0;
  add(truth: string, got: string): void {
    this.edits += levenshtein(got, truth); this.chars += truth.length; this.lines++;
    if (got === truth) this.exact++;
  }
  get cer(): number { return this.chars ? this.edits / this.chars : 0; }
  summary(): string {
    return `lines ${this.lines}, CER ${(100 * this.cer).toFixed(2)}%, exact lines ${(100 * this.exact / Math.max(1, this.lines)).toFixed(1)}%`;
  }
}
