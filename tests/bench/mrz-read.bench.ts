// Benchmark (not a test): our MRZ reader against Tesseract (mrz.traineddata) on the same inputs.
// Synthetic 1280×720 webcam frames (made by scripts/mrz-synth.ts into test-output/synth when
// missing) and, when present, ../shared/datasets/mrz-lines. Prints document exact-match rate,
// character error rate, false accepts (reported valid but not the truth), and ms per frame
// p50/p95 with and without an MRZ, on one core, with the ratios; and the first 60 documents upside down;
// and every 3rd real line crop shrunk to webcam print, for both engines; and the real lines stacked again into whole
// documents and photographed (mrz-real-documents.ts).
// Each frame is timed --repeat times (ours and Tesseract alike) and its median kept: a shared machine's
// stalls then do not pass for the cost of reading a frame.
// Usage: npm run bench:mrz [-- --synth DIR] [--tess-frames N=120] [--tess-lines N=600] [--repeat N=3] [--no-tesseract]
//        [--harsh N=250: harsh small-print frames per print size, 0 to skip]
//        [--conditions N=240: frames of the condition set (print sizes, rotations, formats, harder than a desk), 0 to skip;
//         its frames with security print are read again with that print in colour]
//        [--tess-conditions N=60: of those, how many Tesseract reads too]
//        [--conditions-only: just the condition set]
//        [--bands N=12: frames per band of print sizes and angles outside webcam print (large stills, small scans, stills turned askew), 0 to skip]
//        [--baseline DIR: another checkout's root (e.g. `git worktree add /tmp/before main`); its reader reads the bands too]
//        [--bands-only: just the bands]
//        [--real-only: just the real-print documents (../shared/datasets/mrz-lines, when present)]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMrz } from '../../shared/mrz/index';
import { readMrzFrame } from '../../shared/mrz/reader/read-frame';
import { readLineText } from '../../shared/mrz/reader/recognise-line';
import { decodeImage, encodeJpeg, readImage, writeImage } from '../../scripts/image-io';
import { rectify } from '../../shared/mrz/reader/rectify';
import { blurFloat, Rng, turnedStill } from '../../scripts/synth/render';
import { synthesiseFrame, synthesiseScan, SYNTH_FORMATS, type SynthFrame } from '../../scripts/synth/document';
import { cropGray, rgbaToGray, type GrayImage } from '../../shared/mrz/reader/gray';
import { lumaOf, PRINT_TINTS, tintedConditionFrame } from '../../scripts/synth/conditions';
import { tmpdir } from 'node:os';
import { CerMeter, datasetAvailable, sharedDir, isValidationSample, levenshtein, loadLineDataset } from '../../scripts/mrz-dataset';
import { benchFrames, conditionFrame, ConditionTables, CONDITION_SEED, pct } from './mrz-bench-set';
import { DATASET_TEXT_CORRECTIONS, realDocumentFrame, realDocuments } from './mrz-real-documents';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1]! : def; };
const synthDir = resolve(opt('--synth', 'test-output/synth'));
const tessFrames = Number(opt('--tess-frames', '120'));
const tessLines = Number(opt('--tess-lines', '600'));
const repeat = Math.max(1, Number(opt('--repeat', '3')));
const harshPerSize = Number(opt('--harsh', '250'));
const conditionFrames = Number(opt('--conditions', '240'));
const tessConditions = Number(opt('--tess-conditions', '60'));
const bandFrames = Number(opt('--bands', '12'));
const baselineDir = opt('--baseline', '') ? resolve(opt('--baseline', '')) : null;
const PEERS = join(sharedDir(), 'peers');
const useTess = !args.includes('--no-tesseract') && existsSync(join(PEERS, 'mrz.traineddata')) && spawnSync('tesseract', ['--version']).status === 0;
const TESS_ENV = { ...process.env, OMP_THREAD_LIMIT: '1' };
/** Synthetic expiry dates are drawn around 2026: judged against a fixed day, the figures do not drift with the calendar. */
const HARSH_REFERENCE_DATE = new Date('2026-06-01T00:00:00Z');

class DocMeter {
  docs = 0; exact = 0; validReported = 0; falseAccepts = 0; edits = 0; chars = 0;
  msMrz: number[] = []; msEmpty: number[] = []; cpuMrz: number[] = []; cpuEmpty: number[] = [];
  add(truth: string[] | null, got: string[] | null, valid: boolean, ms: number, cpu: number): void {
    (truth ? this.cpuMrz : this.cpuEmpty).push(cpu);
    if (truth) {
      this.docs++;
      const t = truth.join('\n'), g = (got ?? []).join('\n');
      this.edits += levenshtein(g, t); this.chars += t.length;
      if (g === t) this.exact++;
      this.msMrz.push(ms);
    } else this.msEmpty.push(ms);
    if (valid) {
      this.validReported++;
      if (!truth || (got ?? []).join('\n') !== truth.join('\n')) this.falseAccepts++;
    }
  }
}

/** Tesseract's text → the MRZ-looking lines (2 or 3 consecutive lines of 30/36/44 symbols). */
function mrzFromText(text: string): string[] | null {
  const lines = text.split('\n').map((l) => l.replace(/\s+/g, '').toUpperCase()).filter((l) => /^[A-Z0-9<]{25,50}$/.test(l));
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!, b = lines[i + 1], c = lines[i + 2];
    if (b && c && [a, b, c].every((l) => Math.abs(l.length - 30) <= 1)) return [a, b, c];
    if (b && Math.abs(a.length - b.length) <= 1 && (Math.abs(a.length - 44) <= 2 || Math.abs(a.length - 36) <= 2)) return [a, b];
  }
  return null;
}

const HAVE_TIME = existsSync('/usr/bin/time');
/** Runs the Tesseract CLI; cpu is its user+system time (from /usr/bin/time), so machine load does not inflate it. */
function tesseract(file: string, psm: string): { text: string; ms: number; cpu: number } {
  const t0 = performance.now();
  const cmd = ['tesseract', file, 'stdout', '--tessdata-dir', PEERS, '-l', 'mrz', '--psm', psm];
  const r = HAVE_TIME
    ? spawnSync('/usr/bin/time', ['-f', '@@%U %S', ...cmd], { env: TESS_ENV, encoding: 'utf8' })
    : spawnSync(cmd[0]!, cmd.slice(1), { env: TESS_ENV, encoding: 'utf8' });
  const ms = performance.now() - t0;
  const m = /@@([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return { text: r.stdout ?? '', ms, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : ms };
}

/**
 * Runs `read` --repeat times; the result of the first run, and the median wall and CPU ms. CPU is
 * this process's own user+system time unless `ownCpu` reads it from the result (a child process).
 */
function timedMedian<T>(read: () => T, ownCpu?: (result: T) => number): { result: T; ms: number; cpu: number } {
  let result: T | undefined;
  const ms: number[] = [], cpu: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = read();
    ms.push(performance.now() - t0);
    const cu = process.cpuUsage(c0);
    cpu.push(ownCpu ? ownCpu(r) : (cu.user + cu.system) / 1000);
    if (i === 0) result = r;
  }
  return { result: result!, ms: pct(ms, 0.5), cpu: pct(cpu, 0.5) };
}

/** a of b as a percentage with `digits` decimals. */
function p(a: number, b: number, digits = 1): string {
  return `${(100 * a / Math.max(1, b)).toFixed(digits)}%`;
}

/** Tesseract's text for a single line, as one line of symbols. */
function asOneLine(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

function row(label: string, a: string, b: string, ratio = ''): void {
  console.log(`  ${label.padEnd(44)} ${a.padStart(14)} ${b.padStart(14)} ${ratio.padStart(10)}`);
}

async function main(): Promise<void> {
  if (args.includes('--bands-only')) { await outsideWebcamPrint(bandFrames); return; }
  if (args.includes('--real-only')) { if (datasetAvailable()) realPrint(); else console.log('no ../shared/datasets/mrz-lines here'); return; }
  if (args.includes('--conditions-only')) { byCondition(conditionFrames); colourPrint(conditionFrames); return; }
  const frames = benchFrames(synthDir);
  console.log(`MRZ reading benchmark — ${new Date().toISOString()}, node ${process.version}, one core (JS is single-threaded; Tesseract with OMP_THREAD_LIMIT=1); CPU = user+system time, wall = elapsed on a shared machine; each frame timed ${repeat} times, median kept`);
  console.log(`synthetic frames: ${frames.filter((f) => f.lines).length} with an MRZ, ${frames.filter((f) => !f.lines).length} without (1280×720, ${synthDir})`);

  // Warm-up so that JIT compilation is not billed to the first frames.
  for (const t of frames.slice(0, 5)) readMrzFrame(readImage(join(synthDir, t.file)));

  const ours = new DocMeter(), oursSub = new DocMeter(), tess = new DocMeter(), tessCrop = new DocMeter();
  const tessSet = new Set<string>();
  const withMrz = frames.filter((f) => f.lines), without = frames.filter((f) => !f.lines);
  const nEmpty = Math.max(1, Math.round((tessFrames * without.length) / frames.length));
  for (const f of [...withMrz.slice(0, tessFrames - nEmpty), ...without.slice(0, nEmpty)]) tessSet.add(f.file);
  const failures: string[] = [];
  // The first 60 documents also laid upside down (the frame turned half a turn): not in the targets, but officers do it.
  const flipped = new DocMeter();
  const flipSet = new Set(withMrz.slice(0, 60).map((f) => f.file));
  for (const t of frames) {
    const img = readImage(join(synthDir, t.file));
    const { result: r, ms, cpu } = timedMedian(() => readMrzFrame(img));
    ours.add(t.lines, r.lines, r.valid, ms, cpu);
    if (tessSet.has(t.file)) oursSub.add(t.lines, r.lines, r.valid, ms, cpu);
    if (flipSet.has(t.file)) {
      const turned = readMrzFrame({ ...img, data: img.data.slice().reverse() });
      flipped.add(t.lines, turned.lines, turned.valid, 0, 0);
    }
    if (t.lines && (r.lines ?? []).join('|') !== t.lines.join('|')) failures.push(`${t.file} (${t.format}, cap ${t.capHeight}px, ${t.angleDeg}°): ${r.lines ? r.lines.join('|') : 'no MRZ'}${r.valid ? ' [valid]' : ''}`);
  }
  let startupMs = NaN;
  if (useTess) {
    startupMs = pct(Array.from({ length: 5 }, () => tesseract(join(synthDir, frames[0]!.file).replace(/\.(jpg|png)$/, '.json'), '6').cpu), 0.5);
    for (const t of frames) {
      if (!tessSet.has(t.file)) continue;
      const { result: { text }, ms, cpu } = timedMedian(() => tesseract(join(synthDir, t.file), '6'), (x) => x.cpu);
      const lines = mrzFromText(text);
      const valid = lines ? parseMrz(lines).valid : false;
      tess.add(t.lines, lines, valid, ms, cpu);
      if (t.mrzQuad) {
        // Tesseract given the true MRZ region (an oracle locator): recogniser against recogniser.
        const img = readImage(join(synthDir, t.file));
        const xs = t.mrzQuad.map((q) => q[0]), ys = t.mrzQuad.map((q) => q[1]), pad = t.capHeight;
        const crop = cropGray(img, Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) - Math.min(...xs) + 2 * pad, Math.max(...ys) - Math.min(...ys) + 2 * pad);
        const tmp = join(tmpdir(), `mrz-bench-crop-${process.pid}.png`);
        writeImage(tmp, crop);
        const c = tesseract(tmp, '6');
        const cl = mrzFromText(c.text);
        tessCrop.add(t.lines, cl, cl ? parseMrz(cl).valid : false, c.ms, c.cpu);
      }
    }
  }
  const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
  const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && a > 0 ? `${(b / a).toFixed(1)}x` : '');

  console.log(`\nDocuments: all ${frames.length} frames (ours)`);
  row('', 'ours', '', '');
  row('document exact-match rate', p(ours.exact, ours.docs), '');
  row('character error rate', p(ours.edits, ours.chars), '');
  row(`false accepts (of ${ours.validReported} reported valid)`, String(ours.falseAccepts), '');
  row('ms/frame with MRZ p50 / p95 (wall)', `${f1(pct(ours.msMrz, 0.5))} / ${f1(pct(ours.msMrz, 0.95))}`, '');
  row('ms/frame without MRZ p50 / p95 (wall)', `${f1(pct(ours.msEmpty, 0.5))} / ${f1(pct(ours.msEmpty, 0.95))}`, '');
  row('ms/frame with MRZ p50 / p95 (CPU)', `${f1(pct(ours.cpuMrz, 0.5))} / ${f1(pct(ours.cpuMrz, 0.95))}`, '');
  row('ms/frame without MRZ p50 / p95 (CPU)', `${f1(pct(ours.cpuEmpty, 0.5))} / ${f1(pct(ours.cpuEmpty, 0.95))}`, '');
  row(`upside down: exact (first ${flipped.docs} documents)`, p(flipped.exact, flipped.docs), '');
  row('upside down: false accepts', `${flipped.falseAccepts}/${flipped.validReported}`, '');
  if (useTess) {
    console.log(`\nSide by side on the same ${tessSet.size} frames (${tess.docs} with an MRZ, ${tess.msEmpty.length} without)`);
    row('', 'ours', 'tesseract', 'ratio');
    row('document exact-match rate', p(oursSub.exact, oursSub.docs), p(tess.exact, tess.docs));
    row('character error rate', p(oursSub.edits, oursSub.chars), p(tess.edits, tess.chars));
    row('false accepts', `${oursSub.falseAccepts}/${oursSub.validReported}`, `${tess.falseAccepts}/${tess.validReported}`);
    row('tesseract on the true MRZ crop: exact', '', p(tessCrop.exact, tessCrop.docs));
    row('tesseract on the true MRZ crop: CER', '', p(tessCrop.edits, tessCrop.chars));
    row('tesseract on the true MRZ crop: false acc.', '', `${tessCrop.falseAccepts}/${tessCrop.validReported}`);
    row('tesseract on the true MRZ crop: CPU ms p50', '', f1(pct(tessCrop.cpuMrz, 0.5)));
    for (const [label, a, b] of [
      ['CPU ms/frame with MRZ p50', pct(oursSub.cpuMrz, 0.5), pct(tess.cpuMrz, 0.5)],
      ['CPU ms/frame with MRZ p95', pct(oursSub.cpuMrz, 0.95), pct(tess.cpuMrz, 0.95)],
      ['CPU ms/frame without MRZ p50', pct(oursSub.cpuEmpty, 0.5), pct(tess.cpuEmpty, 0.5)],
      ['CPU ms/frame without MRZ p95', pct(oursSub.cpuEmpty, 0.95), pct(tess.cpuEmpty, 0.95)],
      ['wall ms/frame with MRZ p50', pct(oursSub.msMrz, 0.5), pct(tess.msMrz, 0.5)],
      ['wall ms/frame without MRZ p50', pct(oursSub.msEmpty, 0.5), pct(tess.msEmpty, 0.5)],
    ] as const) row(label, f1(a), f1(b), ratio(a, b));
    console.log(`  (Tesseract times are per process, as a CLI would run it; its start-up alone (CPU, on a non-image file) takes ${f1(startupMs)} ms.`);
    console.log(`   Tesseract's MRZ is the first 2-3 consecutive MRZ-shaped lines of its text, judged valid by parseMrz: it has no check-digit correction.)`);
  }
  if (failures.length) console.log(`\nSynthetic frames not read exactly (${failures.length}):\n  ${failures.slice(0, 25).join('\n  ')}`);
  if (harshPerSize > 0) harshSmallPrint(harshPerSize);
  if (conditionFrames > 0) byCondition(conditionFrames);
  if (conditionFrames > 0) colourPrint(conditionFrames);
  if (bandFrames > 0) await outsideWebcamPrint(bandFrames);

  if (datasetAvailable()) {
    realPrint();
    const ds = loadLineDataset().filter((s) => /^[A-Z0-9<]+$/.test(s.text));
    const meters = { real: new CerMeter(), synthetic: new CerMeter(), realVal: new CerMeter(), synthVal: new CerMeter() };
    const sub = { oursReal: new CerMeter(), oursSynth: new CerMeter(), tessReal: new CerMeter(), tessSynth: new CerMeter() };
    const lineMs: number[] = [], tessMs: number[] = [];
    const step = Math.max(1, Math.floor(ds.length / Math.max(1, tessLines)));
    ds.forEach((s, i) => {
      const img = readImage(s.path);
      const c0 = process.cpuUsage();
      const text = readLineText(img) ?? '';
      const cu = process.cpuUsage(c0);
      lineMs.push((cu.user + cu.system) / 1000);
      (s.synthetic ? meters.synthetic : meters.real).add(s.text, text);
      if (isValidationSample(s)) (s.synthetic ? meters.synthVal : meters.realVal).add(s.text, text);
      if (useTess && i % step === 0) {
        const tr = tesseract(s.path, '7');
        tessMs.push(tr.cpu);
        (s.synthetic ? sub.oursSynth : sub.oursReal).add(s.text, text);
        (s.synthetic ? sub.tessSynth : sub.tessReal).add(s.text, asOneLine(tr.text));
      }
    });
    console.log(`\nLine crops: ../shared/datasets/mrz-lines (${ds.length} lines; --line mode, CPU ms per line p50 ${f1(pct(lineMs, 0.5))}, p95 ${f1(pct(lineMs, 0.95))})`);
    console.log(`  ours, real crops:            ${meters.real.summary()}`);
    console.log(`  ours, synthetic crops:       ${meters.synthetic.summary()}`);
    console.log(`  ours, real, validation side: ${meters.realVal.summary()}  (documents never used in training, split by source_key)`);
    console.log(`  ours, synthetic, validation: ${meters.synthVal.summary()}`);
    if (useTess) {
      console.log(`  side by side on every ${step}th line (${sub.oursReal.lines} real, ${sub.oursSynth.lines} synthetic); note: mrz.traineddata comes from the same upstream repository as these lines, so it has likely seen them in training:`);
      row('', 'ours', 'tesseract', '');
      row('CER real crops', p(sub.oursReal.edits, sub.oursReal.chars), p(sub.tessReal.edits, sub.tessReal.chars));
      row('CER synthetic crops', p(sub.oursSynth.edits, sub.oursSynth.chars), p(sub.tessSynth.edits, sub.tessSynth.chars));
      row('exact lines real', p(sub.oursReal.exact, sub.oursReal.lines), p(sub.tessReal.exact, sub.tessReal.lines));
      row('CPU ms per line p50', f1(pct(lineMs, 0.5)), f1(pct(tessMs, 0.5)), ratio(pct(lineMs, 0.5), pct(tessMs, 0.5)));
    }
    webcamSizedRealLines(ds.filter((s) => !s.synthetic));
  } else console.log('\n../shared/datasets/mrz-lines not present: line-crop figures skipped.');
  void execFileSync;
}

/**
 * False accepts where they are likeliest: small print at the harshest degradation the synthetic
 * frames have (difficulty 0.9), 960×540, every format in turn, seeds 1..n per print size. Not in the
 * targets' exact-read figure: many of these frames are not legible, and what counts is that none is
 * reported valid wrongly.
 */
function harshSmallPrint(perSize: number): void {
  console.log(`\nHarsh small print (ours; ${perSize} frames per size, difficulty 0.9, 960×540, seeds 1-${perSize})`);
  row('capitals', 'read exactly', 'valid', 'false acc.');
  let falseAccepts = 0;
  for (const capHeight of [12.5, 14, 16, 18]) {
    const m = new DocMeter();
    for (let seed = 1; seed <= perSize; seed++) {
      const f = synthesiseFrame(new Rng(seed), { format: SYNTH_FORMATS[seed % SYNTH_FORMATS.length]!, capHeight, difficulty: 0.9, width: 960, height: 540 });
      const r = readMrzFrame(f.image, { referenceDate: HARSH_REFERENCE_DATE });
      m.add(f.lines, r.lines, r.valid, 0, 0);
    }
    falseAccepts += m.falseAccepts;
    row(`${capHeight} px`, p(m.exact, m.docs), p(m.validReported, m.docs), String(m.falseAccepts));
  }
  console.log(`  false accepts over all ${4 * perSize} frames: ${falseAccepts}`);
}

/**
 * Reach and safety across the conditions a desk sees, made harder than a desk (the shared condition set,
 * mrz-bench-set.ts: print size, quarter turns, tilt out of the plane, every format, security print under the
 * MRZ, phone photos, glare, JPEG q30-90), read by the reader alone; bench:mrz-browser reads the same set in
 * the Chromium worker and times it. With Tesseract, its exact rate and CPU ms on the same frames beside ours.
 */
function byCondition(n: number): void {
  const tables = new ConditionTables();
  const tess = new ConditionTables();
  const oursCpu: number[] = [], tessCpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = conditionFrame(i);
    const { result: r, cpu } = timedMedian(() => readMrzFrame(f.image, { referenceDate: HARSH_REFERENCE_DATE }));
    tables.add(f, r, cpu);
    if (useTess && i < tessConditions) {
      oursCpu.push(cpu);
      const tmp = join(tmpdir(), `mrz-bench-cond-${process.pid}.png`);
      writeImage(tmp, f.image);
      const t = tesseract(tmp, '6');
      const lines = mrzFromText(t.text);
      tess.add(f, { lines, valid: lines ? parseMrz(lines, { referenceDate: HARSH_REFERENCE_DATE }).valid : false }, t.cpu);
      tessCpu.push(t.cpu);
    }
  }
  console.log(`\nBy condition (ours; ${n} frames of the condition set, 1280×720, seeds ${CONDITION_SEED}-${CONDITION_SEED + n - 1}; CPU ms per frame, median of ${repeat})`);
  tables.print();
  if (tables.failures.length) console.log(`  not read exactly and accepted (${tables.failures.length}):\n    ${tables.failures.slice(0, 40).join('\n    ')}`);
  if (useTess && tessCpu.length) {
    console.log(`\nTesseract (mrz.traineddata, --psm 6, whole frame) on the first ${tessCpu.length} frames of the same set; valid = parseMrz (no correction, no acceptance rules)`);
    tess.print();
    const ratio = (q: number): string => `${(pct(tessCpu, q) / pct(oursCpu, q)).toFixed(1)}x`;
    console.log(`  CPU ms per frame p50 / p95: ours ${pct(oursCpu, 0.5).toFixed(1)} / ${pct(oursCpu, 0.95).toFixed(1)}, tesseract ${pct(tessCpu, 0.5).toFixed(0)} / ${pct(tessCpu, 0.95).toFixed(0)} (tesseract/ours ${ratio(0.5)} / ${ratio(0.95)})`);
  }
}

/**
 * The condition set's frames with security print, that print in colour (scripts/synth/conditions.ts PRINT_TINTS, one
 * ink per frame in turn; the MRZ stays black): read from the brightest channel (rgbaToGray, as the CLI and the
 * camera make grey) and from luma (as grey was made before), among the first n frames of the set.
 */
function colourPrint(n: number): void {
  const meters = { brightest: new DocMeter(), luma: new DocMeter() };
  const accepted = { brightest: 0, luma: 0 };
  let frames = 0;
  for (let i = 0; i < n; i++) {
    const f = tintedConditionFrame(CONDITION_SEED, i, PRINT_TINTS[i % PRINT_TINTS.length]!);
    if (!f) continue;
    frames++;
    for (const [name, gray] of [['brightest', rgbaToGray(f.rgba, f.width, f.height)], ['luma', lumaOf(f.rgba, f.width, f.height)]] as const) {
      const t0 = performance.now();
      const r = readMrzFrame(gray, { referenceDate: HARSH_REFERENCE_DATE });
      meters[name].add(f.lines, r.lines, r.valid, performance.now() - t0, 0);
      if (r.valid && (r.lines ?? []).join('|') === f.lines.join('|')) accepted[name]++;
    }
  }
  console.log(`\nSecurity print in colour (${frames} frames of the first ${n} of the condition set, the print tinted, the MRZ black; wall ms, one read)`);
  console.log(`  ${'grey made as'.padEnd(44)} ${'exact'.padStart(8)} ${'accepted'.padStart(9)} ${'false acc.'.padStart(10)} ${'ms p50'.padStart(8)} ${'ms p95'.padStart(8)}`);
  for (const [name, label] of [['brightest', 'brightest channel (rgbaToGray, yuvToGray)'], ['luma', 'luma (before)']] as const) {
    const m = meters[name];
    console.log(`  ${label.padEnd(44)} ${p(m.exact, m.docs).padStart(8)} ${p(accepted[name], m.docs).padStart(9)} ${String(m.falseAccepts).padStart(10)} ${pct(m.msMrz, 0.5).toFixed(0).padStart(8)} ${pct(m.msMrz, 0.95).toFixed(0).padStart(8)}`);
  }
}

/**
 * Real print (mrz-real-documents.ts): the validation side's source images whose whole zone the dataset cropped,
 * photographed again as a webcam would. Exact and accepted against the dataset's text, by format, and every
 * reading accepted that differs from that text, listed (the text is not checked: some of it is wrong, and a
 * reader that reads what is printed differs from it there).
 */
function realPrint(): void {
  const docs = realDocuments();
  const rows = new Map<string, { docs: number; checksHold: number; exact: number; accepted: number; acceptedHolding: number; ms: number[] }>();
  const differing: string[] = [];
  for (let i = 0; i < docs.length; i++) {
    const f = realDocumentFrame(docs, i);
    const t0 = performance.now();
    const r = readMrzFrame(f.image, { referenceDate: HARSH_REFERENCE_DATE });
    const ms = performance.now() - t0;
    const exact = (r.lines ?? []).join('|') === f.lines.join('|');
    for (const key of [f.format, 'all']) {
      const row = rows.get(key) ?? { docs: 0, checksHold: 0, exact: 0, accepted: 0, acceptedHolding: 0, ms: [] };
      rows.set(key, row);
      row.docs++; row.ms.push(ms);
      if (f.checksHold) row.checksHold++;
      if (exact) row.exact++;
      if (exact && r.valid) row.accepted++;
      if (exact && r.valid && f.checksHold) row.acceptedHolding++;
    }
    if (r.valid && !exact) {
      const at = f.lines.flatMap((line, k) => [...line].flatMap((c, j) => (r.lines![k]![j] === c ? [] : [`line ${k + 1} col ${j + 1}: read ${r.lines![k]![j]}, text ${c}`])));
      differing.push(`document ${i} (${f.format}, ${f.turn}°, ${f.capHeight.toFixed(1)} px${f.checksHold ? '' : ', its text fails check digits'}): ${at.join('; ')}`);
    }
  }
  console.log(`\nReal print (${docs.length} documents: the real lines of mrz-lines' validation side, two or three of one source image, photographed again at 12-30 px, quarter turns ± 12°, blur, noise, JPEG 45-90; ${Object.keys(DATASET_TEXT_CORRECTIONS).length} dataset texts corrected against their crops; "of holding": accepted among the documents whose text holds its check digits, which alone can be; wall ms, one read)`);
  console.log(`  ${'format'.padEnd(20)} ${'documents'.padStart(9)} ${'text holds'.padStart(10)} ${'exact'.padStart(8)} ${'accepted'.padStart(9)} ${'of holding'.padStart(10)} ${'ms p50'.padStart(8)} ${'ms p95'.padStart(8)}`);
  for (const key of ['TD1', 'TD2', 'TD3', 'all']) {
    const row = rows.get(key);
    if (row) console.log(`  ${key.padEnd(20)} ${String(row.docs).padStart(9)} ${String(row.checksHold).padStart(10)} ${p(row.exact, row.docs).padStart(8)} ${p(row.accepted, row.docs).padStart(9)} ${p(row.acceptedHolding, row.checksHold).padStart(10)} ${pct(row.ms, 0.5).toFixed(0).padStart(8)} ${pct(row.ms, 0.95).toFixed(0).padStart(8)}`);
  }
  console.log(`  accepted, not the dataset's text (${differing.length}; judge each against its crop):${differing.map((d) => `\n    ${d}`).join('')}`);
}

/**
 * Print sizes outside webcam print (issue 15), n frames per band, seeds 950001 on (apart from the
 * trainer's and the other sets'): large print in stills (TD1, the only format whose line fits 2560 px
 * with capitals over 64 px) and phone photos, small low-resolution scans
 * as scanned and enlarged afterwards, all formats in turn, every scan through JPEG q30; and small
 * images without an MRZ, which the reader also reads enlarged (what they cost, and that nothing is
 * accepted). ms is one read per frame, wall time (the frames are too slow to make for repeats).
 */
async function outsideWebcamPrint(n: number): Promise<void> {
  type Read = typeof readMrzFrame;
  const readers: [string, Read][] = [['ours', readMrzFrame]];
  if (baselineDir) readers.push(['baseline', ((await import(pathToFileURL(join(baselineDir, 'shared/mrz/reader/read-frame.ts')).href)) as { readMrzFrame: Read }).readMrzFrame]);
  const formats = ['TD1', 'TD2', 'TD3'] as const;
  const q30 = (img: GrayImage): GrayImage => decodeImage(new Uint8Array(encodeJpeg(img, 30)));
  const turned = (f: SynthFrame, deg: number): SynthFrame => ({ ...f, image: turnedStill(f.image, deg).image });
  const bands: { label: string; make: (rng: Rng, i: number) => SynthFrame; jpeg: boolean; anyAngle?: boolean }[] = [
    // Only a TD1 line (30 characters) fits 2560 px with capitals over 64 px.
    { label: 'TD1 in a 2560×1440 still, capitals 65-85 px', jpeg: false, make: (rng) => synthesiseFrame(rng, { format: 'TD1', capHeight: rng.range(65, 85), width: 2560, height: 1440, difficulty: rng.range(0.3, 0.8) }) },
    { label: 'phone photo 4000×3000, capitals 90-125 px', jpeg: false, make: (rng, i) => synthesiseFrame(rng, { format: formats[i % 3]!, capHeight: rng.range(90, 125), width: 4000, height: 3000, difficulty: rng.range(0.3, 0.8) }) },
    { label: 'small scan, capitals 7-10 px, q30', jpeg: true, make: (rng, i) => synthesiseScan(rng, { format: formats[i % 3]!, capHeight: rng.range(7, 10) }) },
    { label: 'small scan enlarged 2-3×, q30', jpeg: true, make: (rng, i) => synthesiseScan(rng, { format: formats[i % 3]!, capHeight: rng.range(7, 10), upscale: rng.range(2, 3) }) },
    { label: 'no MRZ, 320×240 to 640×480, q30', jpeg: true, make: (rng) => { const w = Math.round(rng.range(320, 640)); return synthesiseFrame(rng, { withMrz: false, width: w, height: Math.round(w * 0.75) }); } },
    // Read as `mrz read` reads stills (anyAngle); the camera does not look diagonally.
    { label: 'still turned 25-65° off level (any quarter)', jpeg: false, anyAngle: true, make: (rng, i) => turned(synthesiseFrame(rng, { format: formats[i % 3]!, capHeight: rng.range(12, 30), difficulty: rng.range(0.3, 0.8) }), 90 * (i % 4) + rng.range(25, 65)) },
    { label: 'no MRZ, turned 25-65°', jpeg: false, anyAngle: true, make: (rng, i) => turned(synthesiseFrame(rng, { withMrz: false }), 90 * (i % 4) + rng.range(25, 65)) },
  ];
  console.log(`\nOutside webcam print (${n} frames per band, TD1/TD2/TD3 in turn, seeds 950001 on; wall ms, one read per frame${baselineDir ? `; baseline: ${baselineDir}` : ''})`);
  console.log(`  ${''.padEnd(44)} ${'reader'.padStart(8)} ${'exact'.padStart(8)} ${'accepted'.padStart(9)} ${'false acc.'.padStart(10)} ${'ms p50'.padStart(8)} ${'ms p95'.padStart(8)}`);
  bands.forEach((band, b) => {
    const meters = readers.map(() => ({ m: new DocMeter(), accepted: 0 }));
    for (let i = 0; i < n; i++) {
      const f = band.make(new Rng(950001 + b * 10000 + i), i);
      const image = band.jpeg ? q30(f.image) : f.image;
      readers.forEach(([, read], k) => {
        const options = { referenceDate: HARSH_REFERENCE_DATE, anyAngle: band.anyAngle ?? false };
        read(image, options); // warm (and any lazy setup) outside the timing
        const t0 = performance.now();
        const r = read(image, options);
        const ms = performance.now() - t0;
        meters[k]!.m.add(f.lines, r.lines, r.valid, ms, 0);
        if (r.valid && f.lines && (r.lines ?? []).join('|') === f.lines.join('|')) meters[k]!.accepted++;
      });
    }
    readers.forEach(([name], k) => {
      const { m, accepted } = meters[k]!;
      const all = [...m.msMrz, ...m.msEmpty];
      console.log(`  ${(k === 0 ? `${band.label} (${n})` : '').padEnd(44)} ${name.padStart(8)} ${(m.docs ? p(m.exact, m.docs) : '-').padStart(8)} ${(m.docs ? p(accepted, m.docs) : '-').padStart(9)} ${String(m.falseAccepts).padStart(10)} ${pct(all, 0.5).toFixed(0).padStart(8)} ${pct(all, 0.95).toFixed(0).padStart(8)}`);
    });
  });
}

/**
 * A real crop as a desk webcam would see it: shrunk so its capitals are 12-20 px (the crops are
 * 41-63 px high, about 1.6 cap heights), blurred, noised and JPEG-compressed. Tesseract's model was
 * likely trained on all the clean crops, ours on the training side (shrunk copies among them), so
 * these copies are new pixels to both, and the validation side's documents are new to ours only.
 */
function webcamSized(img: GrayImage, rng: Rng): Buffer {
  const scale = rng.range(12, 20) / (img.height / 1.6);
  const small = rectify(img, { cx: img.width / 2, cy: img.height / 2, angle: 0, length: img.width, height: img.height }, scale).image;
  const f = Float32Array.from(small.data);
  blurFloat(f, small.width, small.height, rng.range(0.5, 1.1));
  const noise = rng.range(2, 7);
  const data = Uint8Array.from(f, (v) => Math.max(0, Math.min(255, Math.round(v + rng.gauss() * noise))));
  return encodeJpeg({ width: small.width, height: small.height, data }, Math.round(rng.range(50, 90)));
}

/** Every 3rd real line (of those with a clean label), shrunk to webcam print (same copies for both engines, seed 5). */
function webcamSizedRealLines(real: ReturnType<typeof loadLineDataset>): void {
  const rng = new Rng(5);
  const ours = new CerMeter(), oursVal = new CerMeter(), tess = new CerMeter(), tessVal = new CerMeter();
  const tmp = join(tmpdir(), `mrz-bench-webcam-${process.pid}.jpg`);
  real.forEach((s, i) => {
    if (i % 3 !== 0) return;
    const jpeg = webcamSized(readImage(s.path), rng);
    const text = readLineText(decodeImage(new Uint8Array(jpeg))) ?? '';
    const validation = isValidationSample(s);
    ours.add(s.text, text);
    if (validation) oursVal.add(s.text, text);
    if (useTess) {
      writeFileSync(tmp, jpeg);
      const t = asOneLine(tesseract(tmp, '7').text);
      tess.add(s.text, t);
      if (validation) tessVal.add(s.text, t);
    }
  });
  console.log(`\nReal crops shrunk to webcam print (every 3rd real line: capitals 12-20 px, blur, noise, JPEG 50-90; ${ours.lines} lines)`);
  row('', 'ours', useTess ? 'tesseract' : '', '');
  row('CER, all', p(ours.edits, ours.chars, 2), useTess ? p(tess.edits, tess.chars, 2) : '');
  row('CER, validation side', p(oursVal.edits, oursVal.chars, 2), useTess ? p(tessVal.edits, tessVal.chars, 2) : '');
  row('exact lines, all', p(ours.exact, ours.lines), useTess ? p(tess.exact, tess.lines) : '');
}

void main();
