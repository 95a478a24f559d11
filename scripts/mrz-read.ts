// `mrz read`: reads MRZs from image files with the same engine as the kiosk's worker.
//   read FILE...         → {"file","lines":[...]|null,"format","valid","ms"} per file
//   read --line FILE...  → {"file","text","ms"} per cropped line image
// An unreadable file gives {"file","error"}; the exit code is non-zero only when some file could
// not be read at all (a frame without an MRZ is a normal answer, not an error).
import { readFileSync } from 'node:fs';
import type { GrayImage } from '../shared/mrz/reader/gray';
import { readMrzFrame } from '../shared/mrz/reader/read-frame';
import { readLineText } from '../shared/mrz/reader/recognise-line';
import { decodeImage } from './image-io';

function load(file: string): GrayImage | { error: string } {
  try {
    return decodeImage(readFileSync(file));
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export async function runRead(args: string[]): Promise<number> {
  const lineMode = args.includes('--line');
  const files = args.filter((a) => a !== '--line' && a !== '--');
  if (files.length === 0) {
    process.stderr.write('usage: mrz read [--line] FILE...\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const img = load(file);
    if ('error' in img) {
      failed++;
      process.stdout.write(JSON.stringify({ file, error: img.error }) + '\n');
      continue;
    }
    const t0 = performance.now();
    if (lineMode) {
      const text = readLineText(img);
      const ms = performance.now() - t0;
      process.stdout.write(JSON.stringify({ file, text: text ?? '', ms: Number(ms.toFixed(2)) }) + '\n');
    } else {
      // Any size and any angle: the reader itself enlarges a small scan, steps a large still down, and turns
      // a still whose MRZ runs diagonally (scales.ts).
      const r = readMrzFrame(img, { anyAngle: true });
      const ms = performance.now() - t0;
      // `valid`: the camera would accept the reading; `refusal`: why it would not. `errors` say what is
      // wrong with the reading, `notices` what is true of a document read correctly (expired, minor …).
      const judged = { valid: r.valid, refusal: r.refusal, errors: r.result?.errors ?? [], notices: r.result?.notices ?? [] };
      process.stdout.write(JSON.stringify({ file, lines: r.lines, format: r.format, ...judged, ms: Number(ms.toFixed(2)) }) + '\n');
    }
  }
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void runRead(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
