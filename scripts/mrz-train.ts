// Trains the OCR-B character recogniser (shared/mrz/reader/model/ocrb-mlp.ts) from lines drawn with
// the fonts-ocr-b glyph atlas under webcam-like degradations, cut by the reader's own segmenter so
// that training sees exactly what reading sees; then validates on ../shared/datasets/mrz-lines.
// Run: npx tsx scripts/mrz-train.ts [--lines N] [--epochs N] [--hidden N] [--with-dataset] [--real-repeat N]
//   [--real-small S] [--hard N] [--smooth E] [--seed N] [--out FILE]
// --hard N also learns the MRZ lines of N hard frames (scripts/synth/conditions.ts: perspective, security
// print, phone photos, glare, JPEG; a quarter of them small scans enlarged; seeds HARD_TRAINING_SEED on,
// apart from the benchmarks'), cut out where the frame's truth puts them the way the frame reader cuts a
// located line.
// --real-repeat N learns each real (camera) line of the dataset's training side N times, the extra
// copies with blurred/bolder/thinner/noisier ink, and a share S of them (--real-small S) shrunk to
// webcam-sized print; --smooth E is label smoothing (keeps look-alike
// alternatives scored for the check-digit correction).
// --with-dataset also learns from the dataset's training side (split by source_key; validation
// lines stay unseen). Regenerate the glyph atlas first with scripts/mrz-font-atlas.ts if the font changes.
import { writeFileSync } from 'node:fs';
import { encodeBase64 } from '../shared/mrz/reader/base64';
import type { Mlp, MlpModelSpec } from '../shared/mrz/reader/classifier';
import { enlarge, type GrayImage } from '../shared/mrz/reader/gray';
import { CELL_H, CELL_W, cellFeatures, segmentLine, type LineLayout } from '../shared/mrz/reader/line-segment';
import { CAP_OF_THICKNESS, CUT_HEIGHT_OF_THICKNESS, lookScales } from '../shared/mrz/reader/read-frame';
import { rectify } from '../shared/mrz/reader/rectify';
import { classifyLayout, getDefaultModel, readLineText } from '../shared/mrz/reader/recognise-line';
import { blurFloat, renderLineImage, Rng } from './synth/render';
import { MRZ_CHARSET } from '../shared/mrz/reader/types';
import { CerMeter, datasetAvailable, isValidationSample, loadLineDataset } from './mrz-dataset';
import { decodeImage, encodeJpeg, readImage } from './image-io';
import { hardConditionFrame } from './synth/conditions';
import { synthesiseScan } from './synth/document';

interface Args { lines: number; epochs: number; hidden: number; withDataset: boolean; seed: number; out: string; evalOnly: boolean; realRepeat: number; realSmall: number; hard: number; smooth: number }
function parseArgs(argv: string[]): Args {
  const a: Args = { lines: 4000, epochs: 10, hidden: 96, withDataset: false, seed: 7, out: new URL('../shared/mrz/reader/model/ocrb-mlp.ts', import.meta.url).pathname, evalOnly: false, realRepeat: 1, realSmall: 0, hard: 0, smooth: 0 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--lines') a.lines = Number(argv[++i]);
    else if (k === '--epochs') a.epochs = Number(argv[++i]);
    else if (k === '--hidden') a.hidden = Number(argv[++i]);
    else if (k === '--seed') a.seed = Number(argv[++i]);
    else if (k === '--out') a.out = String(argv[++i]);
    else if (k === '--real-repeat') a.realRepeat = Number(argv[++i]);
    else if (k === '--real-small') a.realSmall = Number(argv[++i]);
    else if (k === '--smooth') a.smooth = Number(argv[++i]);
    else if (k === '--hard') a.hard = Number(argv[++i]);
    else if (k === '--with-dataset') a.withDataset = true;
    else if (k === '--eval-only') a.evalOnly = true;
  }
  return a;
}

/** MRZ-like text: runs of letters, digits and fillers, so '<' runs and digit blocks are common. */
export function randomMrzText(rng: Rng, length: number): string {
  let s = '';
  while (s.length < length) {
    const kind = rng.next();
    const run = rng.int(1, 8);
    for (let i = 0; i < run && s.length < length; i++) {
      if (kind < 0.35) s += MRZ_CHARSET[rng.int(0, 25)];
      else if (kind < 0.65) s += MRZ_CHARSET[rng.int(26, 35)];
      else if (kind < 0.85) s += '<';
      else s += MRZ_CHARSET[rng.int(0, 36)];
    }
  }
  return s;
}

interface Sample { x: Float32Array; y: number }

function syntheticSamples(n: number, rng: Rng): { samples: Sample[]; dropped: number } {
  const samples: Sample[] = [];
  let dropped = 0;
  for (let l = 0; l < n; l++) {
    const len = rng.pick([30, 36, 44, 20]);
    const text = randomMrzText(rng, len);
    const cap = rng.next() < 0.4 ? rng.range(9, 16) : rng.range(16, 44);
    const img = renderLineImage(text, {
      capHeight: cap,
      stretch: rng.range(0.8, 1.2),
      pitchScale: rng.range(0.95, 1.08),
      weight: Math.exp(rng.range(-0.7, 0.7)),
      angle: rng.range(-0.04, 0.04),
      blur: rng.range(0, 0.09) * cap,
      noise: rng.range(0, 14),
      paper: rng.range(140, 250),
      inkLevel: rng.range(0, 90),
      gradient: rng.range(-60, 60),
      marginX: rng.range(0.1, 0.8) * cap,
      marginY: rng.range(0.15, 0.6) * cap,
    }, rng);
    const layout = segmentLine(img);
    if (!layout || layout.cells.length !== text.length) { dropped++; continue; }
    const feats = cellFeatures(jitterLayout(layout, rng));
    feats.forEach((x, i) => samples.push({ x, y: MRZ_CHARSET.indexOf(text[i]!) }));
  }
  return { samples, dropped };
}

/**
 * Segmentation is never exact on camera frames: train on cells cut with a slightly wrong cap
 * height, baseline and centre, so the model does not depend on pixel-perfect windows.
 */
function jitterLayout(layout: LineLayout, rng: Rng): LineLayout {
  const capHeight = layout.capHeight * rng.range(0.9, 1.1), pitch = layout.pitch * rng.range(0.94, 1.06);
  const dy = rng.range(-0.06, 0.06) * layout.capHeight;
  return {
    ...layout, capHeight, pitch,
    cells: layout.cells.map((c) => ({ ...c, cx: c.cx + rng.range(-0.07, 0.07) * layout.pitch, baseline: c.baseline + dy + rng.range(-0.03, 0.03) * layout.capHeight })),
  };
}

/**
 * Another look at a real crop: the same segmented ink, a little blurred or sharpened, bolder or
 * thinner, with less contrast and some noise, as other cameras and prints would give it.
 */
function augmentInk(layout: LineLayout, rng: Rng): LineLayout {
  const ink = Float32Array.from(layout.ink);
  const sigma = rng.next() < 0.5 ? rng.range(0, 0.08) * layout.capHeight : 0;
  blurFloat(ink, layout.width, layout.height, sigma);
  const gamma = Math.exp(rng.range(-0.5, 0.5)), gain = rng.range(0.7, 1), noise = rng.range(0, 0.08);
  for (let i = 0; i < ink.length; i++) {
    const v = Math.pow(ink[i]!, gamma) * gain + (noise > 0 ? rng.gauss() * noise : 0);
    ink[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  return { ...layout, ink };
}

/**
 * A real crop as a desk webcam would see it: shrunk to 10-18 px capitals (box-averaged), with
 * sensor noise, then enlarged 1.25x as the frame reader's rectifier does for small print.
 */
function smallPrint(img: GrayImage, capHeight: number, rng: Rng): GrayImage {
  const whole = (g: GrayImage) => ({ cx: g.width / 2, cy: g.height / 2, angle: 0, length: g.width, height: g.height });
  const small = rectify(img, whole(img), Math.min(1, rng.range(10, 18) / capHeight)).image;
  const noise = rng.range(0, 6);
  for (let i = 0; i < small.data.length; i++) small.data[i] = Math.max(0, Math.min(255, Math.round(small.data[i]! + rng.gauss() * noise)));
  return rectify(small, whole(small), 1.25).image;
}

/**
 * The dataset's lines on one side of the split; real (camera) lines `realRepeat` times, the extra
 * copies augmented, and with `realSmall` the share of those copies redrawn as small webcam print.
 */
function datasetSamples(train: boolean, rng: Rng, realRepeat = 1, realSmall = 0): Sample[] {
  const out: Sample[] = [];
  for (const s of loadLineDataset()) {
    if (isValidationSample(s) === train) continue;
    if (!/^[A-Z0-9<]+$/.test(s.text)) continue;
    const img = readImage(s.path);
    const layout = segmentLine(img);
    if (!layout || layout.cells.length !== s.text.length) continue;
    const copies = s.synthetic ? 1 : realRepeat;
    for (let r = 0; r < copies; r++) {
      if (r > 0 && rng.next() < realSmall) {
        const small = segmentLine(smallPrint(img, layout.capHeight, rng));
        if (small && small.cells.length === s.text.length) {
          cellFeatures(jitterLayout(small, rng)).forEach((x, i) => out.push({ x, y: MRZ_CHARSET.indexOf(s.text[i]!) }));
          continue;
        }
      }
      const l = r === 0 ? layout : augmentInk(layout, rng);
      cellFeatures(jitterLayout(l, rng)).forEach((x, i) => out.push({ x, y: MRZ_CHARSET.indexOf(s.text[i]!) }));
    }
  }
  return out;
}

/** Seeds of the trainer's hard frames (and, from HARD_TRAINING_SEED + 100000, its small scans): apart from the benchmarks' (910001 on, 950001 on) and the other sets'. */
export const HARD_TRAINING_SEED = 610001;

/** A frame with the truth needed to cut its MRZ lines out: the text block's corners as the text reads. */
interface TruthFrame { image: GrayImage; lines: string[]; capHeight: number; mrzQuad: [number, number][] }

/**
 * Hard frame k of the trainer's set; every fourth is instead a small scan (capitals 6.5-10.5 px, half of
 * them through JPEG q30-90) enlarged twice, as the reader enlarges a small image (scales.ts).
 */
function hardTrainingFrame(k: number): TruthFrame {
  if (k % 4 !== 3) return hardConditionFrame(HARD_TRAINING_SEED, k);
  const rng = new Rng(HARD_TRAINING_SEED + 100000 + k);
  const f = synthesiseScan(rng, { capHeight: rng.range(6.5, 10.5) });
  const scanned = rng.next() < 0.5 ? decodeImage(new Uint8Array(encodeJpeg(f.image, Math.round(rng.range(30, 90))))) : f.image;
  return { image: enlarge(scanned, 2), lines: f.lines!, capHeight: 2 * f.capHeight, mrzQuad: f.mrzQuad!.map(([x, y]) => [2 * x, 2 * y]) };
}

/**
 * The MRZ lines of n hard frames (hardTrainingFrame), each cut out along the line the frame's truth
 * gives (its text block's corners, split at the line pitch) the way readCandidate cuts a located line:
 * a region CUT_HEIGHT_OF_THICKNESS × its thickness high, sampled at the reader's lookScales (capitals
 * about 16 px; small print also at 22 px, as on the second look), with the region's centre, angle
 * and thickness a little off, as the locator's are. Cuts the committed model reads more than 40%
 * wrong are left out, and so are cells glare left without ink.
 */
function hardSamples(n: number, rng: Rng): { samples: Sample[]; lines: number; dropped: number } {
  const samples: Sample[] = [];
  let lines = 0, dropped = 0;
  const committed = getDefaultModel();
  const lerp = (a: [number, number], b: [number, number], t: number): [number, number] => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  for (let k = 0; k < n; k++) {
    const f = hardTrainingFrame(k);
    const [tl, tr, br, bl] = f.mrzQuad as [[number, number], [number, number], [number, number], [number, number]];
    const leftH = Math.hypot(bl[0] - tl[0], bl[1] - tl[1]), rightH = Math.hypot(br[0] - tr[0], br[1] - tr[1]);
    const blockH = (leftH + rightH) / 2, count = f.lines.length;
    // The block runs from the first line's cap tops to the last line's baseline.
    const gap = (blockH - f.capHeight) / Math.max(1, count - 1);
    f.lines.forEach((text, i) => {
      const t = (f.capHeight / 2 + i * gap) / blockH;
      const l = lerp(tl, bl, t), r = lerp(tr, br, t);
      const cap = f.capHeight * (leftH + rightH) / (2 * blockH) * rng.range(0.92, 1.08);
      const thickness = cap / CAP_OF_THICKNESS;
      const angle = Math.atan2(r[1] - l[1], r[0] - l[0]) + rng.range(-0.012, 0.012);
      const across = rng.range(-0.15, 0.15) * cap;
      const rect = {
        cx: (l[0] + r[0]) / 2 - Math.sin(angle) * across, cy: (l[1] + r[1]) / 2 + Math.cos(angle) * across, angle,
        length: Math.hypot(r[0] - l[0], r[1] - l[1]) + rng.range(1, 3) * thickness, height: CUT_HEIGHT_OF_THICKNESS * thickness,
      };
      for (const scale of lookScales(cap)) {
        lines++;
        const layout = segmentLine(rectify(f.image, rect, scale).image, { expectedLength: text.length });
        if (!layout || layout.cells.length !== text.length) { dropped++; continue; }
        // A cut the committed model reads mostly wrong is cut out of step with its text (or wiped out by
        // glare): its labels would teach noise.
        const read = classifyLayout(layout, committed).text;
        let wrong = 0;
        for (let c = 0; c < text.length; c++) if (read[c] !== text[c]) wrong++;
        if (wrong > 0.4 * text.length) { dropped++; continue; }
        const feats = cellFeatures(jitterLayout(layout, rng));
        // A letter or digit whose cell holds almost no ink was wiped out by glare: nothing to learn there.
        const inkOf = (x: Float32Array): number => x.reduce((a, v) => a + v, 0);
        const printed = feats.filter((_, c) => text[c] !== '<').map(inkOf).sort((a, b) => a - b);
        const median = printed[printed.length >> 1] ?? 0;
        feats.forEach((x, c) => {
          if (text[c] !== '<' && inkOf(x) < 0.3 * median) return;
          samples.push({ x, y: MRZ_CHARSET.indexOf(text[c]!) });
        });
      }
    });
  }
  return { samples, lines, dropped };
}

function initMlp(inputs: number, hidden: number, outputs: number, rng: Rng): Mlp {
  const w1 = new Float32Array(hidden * inputs).map(() => rng.gauss() * Math.sqrt(2 / inputs));
  const w2 = new Float32Array(outputs * hidden).map(() => rng.gauss() * Math.sqrt(1 / hidden));
  return { inputs, hidden, outputs, w1, b1: new Float32Array(hidden), w2, b2: new Float32Array(outputs) };
}

/** Minibatch Adam on softmax cross-entropy. */
function train(m: Mlp, data: Sample[], epochs: number, rng: Rng, smooth = 0): void {
  const params = [m.w1, m.b1, m.w2, m.b2];
  const grads = params.map((p) => new Float32Array(p.length));
  const mom = params.map((p) => new Float32Array(p.length)), vel = params.map((p) => new Float32Array(p.length));
  const h = new Float32Array(m.hidden), o = new Float32Array(m.outputs), dh = new Float32Array(m.hidden);
  const batch = 64, b1 = 0.9, b2 = 0.999;
  let t = 0;
  for (let ep = 0; ep < epochs; ep++) {
    const lr = 2e-3 * Math.pow(0.7, ep);
    for (let i = data.length - 1; i > 0; i--) { const j = Math.floor(rng.next() * (i + 1)); [data[i], data[j]] = [data[j]!, data[i]!]; }
    let loss = 0, correct = 0;
    for (let s0 = 0; s0 < data.length; s0 += batch) {
      for (const g of grads) g.fill(0);
      const end = Math.min(data.length, s0 + batch);
      for (let s = s0; s < end; s++) {
        const { x, y } = data[s]!;
        for (let j = 0; j < m.hidden; j++) {
          let v = m.b1[j]!; const row = j * m.inputs;
          for (let i = 0; i < m.inputs; i++) v += m.w1[row + i]! * x[i]!;
          h[j] = v > 0 ? v : 0;
        }
        let max = -Infinity, arg = 0;
        for (let k = 0; k < m.outputs; k++) {
          let v = m.b2[k]!; const row = k * m.hidden;
          for (let j = 0; j < m.hidden; j++) v += m.w2[row + j]! * h[j]!;
          o[k] = v; if (v > max) { max = v; arg = k; }
        }
        if (arg === y) correct++;
        let sum = 0;
        for (let k = 0; k < m.outputs; k++) { o[k] = Math.exp(o[k]! - max); sum += o[k]!; }
        loss -= Math.log(o[y]! / sum + 1e-12);
        dh.fill(0);
        for (let k = 0; k < m.outputs; k++) {
          const d = o[k]! / sum - (k === y ? 1 - smooth : 0) - smooth / m.outputs;
          grads[3]![k]! += d;
          const row = k * m.hidden;
          for (let j = 0; j < m.hidden; j++) { grads[2]![row + j]! += d * h[j]!; dh[j]! += d * m.w2[row + j]!; }
        }
        for (let j = 0; j < m.hidden; j++) {
          if (h[j]! <= 0) continue;
          const d = dh[j]!; grads[1]![j]! += d;
          const row = j * m.inputs;
          for (let i = 0; i < m.inputs; i++) grads[0]![row + i]! += d * x[i]!;
        }
      }
      t++;
      const n = end - s0, c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
      for (let p = 0; p < params.length; p++) {
        const P = params[p]!, G = grads[p]!, M = mom[p]!, V = vel[p]!;
        for (let i = 0; i < P.length; i++) {
          const g = G[i]! / n + (p === 0 || p === 2 ? 1e-5 * P[i]! : 0);
          M[i] = b1 * M[i]! + (1 - b1) * g; V[i] = b2 * V[i]! + (1 - b2) * g * g;
          P[i]! -= (lr * (M[i]! / c1)) / (Math.sqrt(V[i]! / c2) + 1e-8);
        }
      }
    }
    console.log(`epoch ${ep + 1}/${epochs}: loss ${(loss / data.length).toFixed(4)}, train accuracy ${(100 * correct / data.length).toFixed(2)}%`);
  }
}

function quantise(w: Float32Array, rows: number, cols: number): { b64: string; scales: number[] } {
  const q = new Uint8Array(rows * cols), scales: number[] = [];
  for (let r = 0; r < rows; r++) {
    let max = 1e-9;
    for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(w[r * cols + c]!));
    const s = max / 127;
    scales.push(Number(s.toPrecision(6)));
    for (let c = 0; c < cols; c++) q[r * cols + c] = Math.round(w[r * cols + c]! / s) & 0xff;
  }
  return { b64: encodeBase64(q), scales };
}

export function toSpec(m: Mlp): MlpModelSpec {
  const a = quantise(m.w1, m.hidden, m.inputs), b = quantise(m.w2, m.outputs, m.hidden);
  const r = (xs: Float32Array) => Array.from(xs, (v) => Number(v.toPrecision(6)));
  return { inputs: m.inputs, hidden: m.hidden, outputs: m.outputs, charset: MRZ_CHARSET, w1: a.b64, s1: a.scales, b1: r(m.b1), w2: b.b64, s2: b.scales, b2: r(m.b2) };
}

/** Validation on the dataset: whole-line reading (segmentation included), real and synthetic apart. */
export function evaluateOnDataset(model: Mlp, onlyValidation: boolean): { real: CerMeter; synthetic: CerMeter } {
  const real = new CerMeter(), synthetic = new CerMeter();
  for (const s of loadLineDataset()) {
    if (onlyValidation && !isValidationSample(s)) continue;
    const text = readLineText(readImage(s.path), { model }) ?? '';
    (s.synthetic ? synthetic : real).add(s.text, text);
  }
  return { real, synthetic };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rng = new Rng(args.seed);
  const t0 = Date.now();
  const { samples, dropped } = syntheticSamples(args.lines, rng);
  console.log(`font-rendered: ${samples.length} characters from ${args.lines - dropped} lines (${dropped} lines dropped by the segmenter) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (args.withDataset) {
    if (!datasetAvailable()) throw new Error('--with-dataset: ../shared/datasets/mrz-lines is missing');
    const ds = datasetSamples(true, rng, args.realRepeat, args.realSmall);
    console.log(`dataset training side: ${ds.length} characters`);
    for (const s of ds) samples.push(s);
  }
  if (args.hard > 0) {
    const t1 = Date.now();
    const hard = hardSamples(args.hard, rng);
    console.log(`hard frames: ${hard.samples.length} characters from ${hard.lines - hard.dropped} line cuts of ${args.hard} frames (${hard.dropped} left out: not segmented to their length, or read mostly wrong by the committed model) in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    for (const x of hard.samples) samples.push(x);
  }
  const model = initMlp(CELL_W * CELL_H, args.hidden, MRZ_CHARSET.length, rng);
  train(model, samples, args.epochs, rng, args.smooth);
  const spec = toSpec(model);
  const header = `// GENERATED by scripts/mrz-train.ts (${new Date().toISOString().slice(0, 10)}; ${args.lines} font-rendered lines, ${args.epochs} epochs, seed ${args.seed}${args.hard ? `, the lines of ${args.hard} hard frames (seeds ${HARD_TRAINING_SEED} on)` : ''}${args.withDataset ? `, plus the training side of ../shared/datasets/mrz-lines split by source_key${args.realRepeat > 1 ? `, real lines ${args.realRepeat}x (extra copies augmented${args.realSmall ? `, ${args.realSmall} of them as small webcam print` : ''})` : ''}` : ''}${args.smooth ? `, label smoothing ${args.smooth}` : ''}).
// Regenerate: npx tsx scripts/mrz-train.ts${args.withDataset ? ' --with-dataset' : ''}${args.realRepeat > 1 ? ` --real-repeat ${args.realRepeat}` : ''}${args.realSmall ? ` --real-small ${args.realSmall}` : ''}${args.hard ? ` --hard ${args.hard}` : ''}${args.smooth ? ` --smooth ${args.smooth}` : ''} --lines ${args.lines} --epochs ${args.epochs} --hidden ${args.hidden} --seed ${args.seed}
// Inputs: ${CELL_W}x${CELL_H} ink grid of one character cell (line-segment.ts); outputs: MRZ_CHARSET. Int8 weights, one scale per unit.
import type { MlpModelSpec } from '../classifier';

export const OCRB_MLP: MlpModelSpec = ${JSON.stringify(spec)};
`;
  writeFileSync(args.out, header);
  console.log(`wrote ${args.out}`);
  if (datasetAvailable()) {
    const { loadMlp } = await import('../shared/mrz/reader/classifier');
    const q = loadMlp(spec);
    const v = evaluateOnDataset(q, true);
    console.log(`validation side (${args.withDataset ? 'unseen documents' : 'never trained on'}): real ${v.real.summary()}; synthetic ${v.synthetic.summary()}`);
    if (!args.withDataset && process.env.MRZ_EVAL_ALL) {
      const all = evaluateOnDataset(q, false);
      console.log(`whole dataset (never trained on): real ${all.real.summary()}; synthetic ${all.synthetic.summary()}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
