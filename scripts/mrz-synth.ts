// CLI: renders synthetic webcam photos of documents with an OCR-B MRZ (every format, random valid
// data) plus frames without any MRZ, JPEG-compressed like a webcam stream, with ground-truth JSON.
// Usage: npx tsx scripts/mrz-synth.ts [OUT_DIR=test-output/synth] [--count N=300] [--empty N=60]
//        [--seed S=1] [--width 1280] [--height 720] [--large N=24: extra 2560×1440 frames with 30-60 px text]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesiseFrame, SYNTH_FORMATS } from './synth/document';
import { Rng } from './synth/render';
import { writeImage } from './image-io';

export interface SynthTruth {
  file: string;
  format: string | null;
  lines: string[] | null;
  width: number;
  height: number;
  capHeight: number;
  angleDeg: number;
  mrzQuad: [number, number][] | null;
  jpegQuality: number | null;
  degradations: Record<string, number>;
}

export function runSynth(argv: string[]): number {
  let out = 'test-output/synth', count = 300, empty = 60, seed = 1, width = 1280, height = 720, large = 24;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--count') count = Number(argv[++i]);
    else if (a === '--empty') empty = Number(argv[++i]);
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '--width') width = Number(argv[++i]);
    else if (a === '--height') height = Number(argv[++i]);
    else if (a === '--large') large = Number(argv[++i]);
    else if (!a.startsWith('--')) out = a;
  }
  mkdirSync(out, { recursive: true });
  const rng = new Rng(seed);
  const manifest: SynthTruth[] = [];
  const total = count + empty + large;
  for (let i = 0; i < total; i++) {
    const withMrz = i < count || i >= count + empty;
    const big = i >= count + empty;
    const w = big ? 2560 : width, h = big ? 1440 : height;
    const frame = synthesiseFrame(rng, {
      width: w, height: h, withMrz,
      format: SYNTH_FORMATS[i % SYNTH_FORMATS.length]!,
      ...(big ? { capHeight: rng.range(30, 60) } : {}),
    });
    const jpeg = rng.next() < 0.85;
    const quality = jpeg ? Math.round(rng.range(40, 92)) : null;
    const name = `${withMrz ? 'mrz' : 'empty'}-${String(i + 1).padStart(4, '0')}.${jpeg ? 'jpg' : 'png'}`;
    writeImage(join(out, name), frame.image, quality ?? 90);
    const truth: SynthTruth = {
      file: name, format: frame.format, lines: frame.lines, width: w, height: h,
      capHeight: Number(frame.capHeight.toFixed(2)), angleDeg: Number(frame.angleDeg.toFixed(2)),
      mrzQuad: frame.mrzQuad?.map(([x, y]) => [Number(x.toFixed(1)), Number(y.toFixed(1))] as [number, number]) ?? null,
      jpegQuality: quality, degradations: Object.fromEntries(Object.entries(frame.degradations).map(([k, v]) => [k, Number(v.toFixed(3))])),
    };
    writeFileSync(join(out, name.replace(/\.(jpg|png)$/, '.json')), JSON.stringify(truth, null, 1));
    manifest.push(truth);
    if ((i + 1) % 50 === 0) console.error(`${i + 1}/${total}`);
  }
  writeFileSync(join(out, 'truth.json'), JSON.stringify(manifest));
  console.log(`wrote ${total} frames (${count} with an MRZ, ${empty} without${large ? `, ${large} large` : ''}) to ${out}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = runSynth(process.argv.slice(2));
