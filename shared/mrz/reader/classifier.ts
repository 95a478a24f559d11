// The character recogniser: a small two-layer perceptron over a cell's ink grid, giving a score for
// each of the 37 MRZ symbols. Weights come from the committed, generated model file.
import { decodeBase64 } from './base64';
import { MRZ_CHARSET, type CharCandidates } from './types';

/** Serialised form of the model (int8 weights with one scale per output unit). */
export interface MlpModelSpec {
  inputs: number;
  hidden: number;
  outputs: number;
  charset: string;
  w1: string; s1: number[]; b1: number[];
  w2: string; s2: number[]; b2: number[];
}

export interface Mlp {
  inputs: number;
  hidden: number;
  outputs: number;
  /** hidden × inputs, row by row (as trained). */
  w1: Float32Array; b1: Float32Array;
  w2: Float32Array; b2: Float32Array;
  /** w1 transposed (inputs × hidden), made by loadMlp for the forward pass over the inked inputs only; models being trained have none. */
  w1t?: Float32Array;
}

export function loadMlp(spec: MlpModelSpec): Mlp {
  if (spec.charset !== MRZ_CHARSET) throw new Error('model charset differs from MRZ_CHARSET');
  const deq = (b64: string, scales: number[], rows: number, cols: number): Float32Array => {
    const q = decodeBase64(b64), out = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const v = q[r * cols + c]!;
      out[r * cols + c] = (v > 127 ? v - 256 : v) * scales[r]!;
    }
    return out;
  };
  const w1 = deq(spec.w1, spec.s1, spec.hidden, spec.inputs);
  const w1t = transpose(w1, spec.hidden, spec.inputs);
  return {
    inputs: spec.inputs, hidden: spec.hidden, outputs: spec.outputs,
    w1, b1: Float32Array.from(spec.b1),
    w2: deq(spec.w2, spec.s2, spec.outputs, spec.hidden), b2: Float32Array.from(spec.b2),
    w1t,
  };
}

/** Forward pass: returns softmax probabilities (length = outputs). `hiddenOut` receives activations. */
export function mlpForward(m: Mlp, x: Float32Array, hiddenOut?: Float32Array): Float32Array {
  const nh = m.hidden, ni = m.inputs, no = m.outputs;
  const b1 = m.b1, w2 = m.w2, b2 = m.b2;
  const h = hiddenOut ?? new Float32Array(nh);
  hiddenFromInked(m.w1t ?? transpose(m.w1, nh, ni), b1, x, h, ni, nh);
  const out = new Float32Array(no);
  let max = -Infinity;
  for (let k = 0; k < no; k++) {
    let s = b2[k]!;
    const row = k * nh;
    for (let j = 0; j < nh; j++) s += w2[row + j]! * h[j]!;
    out[k] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let k = 0; k < no; k++) { out[k] = Math.exp(out[k]! - max); sum += out[k]!; }
  for (let k = 0; k < no; k++) out[k]! /= sum;
  return out;
}

/**
 * First layer over the inked inputs only: about 60% of a cell's ink grid is blank paper (exactly 0),
 * so adding up columns of the transposed weights for the others does 40% of the work.
 */
let sums = new Float64Array(0);
let inked = new Int32Array(0);
function hiddenFromInked(w1t: Float32Array, b1: Float32Array, x: Float32Array, h: Float32Array, ni: number, nh: number): void {
  // Sums in double precision: the hidden Float32Array would round after every addition.
  if (sums.length < nh) sums = new Float64Array(nh);
  if (inked.length < ni) inked = new Int32Array(ni);
  const acc = sums, idx = inked;
  let n = 0;
  for (let i = 0; i < ni; i++) if (x[i] !== 0) idx[n++] = i;
  for (let j = 0; j < nh; j++) acc[j] = b1[j]!;
  // Eight inked inputs per pass over the hidden units: an eighth of the loads and stores of the sums
  // (half the time of four per pass in V8). The additions stay in input order, so the sums are
  // the same to the last bit whatever the unrolling.
  let k = 0;
  for (; k + 7 < n; k += 8) {
    const i0 = idx[k]!, i1 = idx[k + 1]!, i2 = idx[k + 2]!, i3 = idx[k + 3]!, i4 = idx[k + 4]!, i5 = idx[k + 5]!, i6 = idx[k + 6]!, i7 = idx[k + 7]!;
    const v0 = x[i0]!, v1 = x[i1]!, v2 = x[i2]!, v3 = x[i3]!, v4 = x[i4]!, v5 = x[i5]!, v6 = x[i6]!, v7 = x[i7]!;
    const c0 = i0 * nh, c1 = i1 * nh, c2 = i2 * nh, c3 = i3 * nh, c4 = i4 * nh, c5 = i5 * nh, c6 = i6 * nh, c7 = i7 * nh;
    for (let j = 0; j < nh; j++) {
      acc[j] = acc[j]! + w1t[c0 + j]! * v0 + w1t[c1 + j]! * v1 + w1t[c2 + j]! * v2 + w1t[c3 + j]! * v3
        + w1t[c4 + j]! * v4 + w1t[c5 + j]! * v5 + w1t[c6 + j]! * v6 + w1t[c7 + j]! * v7;
    }
  }
  for (; k < n; k++) {
    const i = idx[k]!, v = x[i]!, c = i * nh;
    for (let j = 0; j < nh; j++) acc[j] = acc[j]! + w1t[c + j]! * v;
  }
  for (let j = 0; j < nh; j++) h[j] = acc[j]! > 0 ? acc[j]! : 0;
}

function transpose(w: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(w.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = w[r * cols + c]!;
  return t;
}

/**
 * Look-alikes in OCR-B under blur (see the reference's "what goes wrong"). A model trained on clean
 * glyphs can be so sure of '0' that 'O' drops out of the alternatives, and the correction can only
 * ever choose among a position's alternatives; so look-alikes are always offered, at a small score.
 */
const CONFUSABLE: Readonly<Record<string, string>> = {
  '0': 'OQD', O: '0QD', Q: 'O0', D: '0O',
  '1': 'I', I: '1', '2': 'Z', Z: '2', '5': 'S', S: '5', '6': 'G', G: '6', '8': 'B', B: '8',
  '4': 'A', A: '4', '7': 'T', T: '7', U: 'V', V: 'U',
  '<': 'KSCEL', K: '<', C: '<', E: '<', L: '<',
};
const FLOOR = 0.001;

/** Top alternatives of one cell, best first, plus the best's look-alikes at a floor score. */
export function toCandidates(probs: Float32Array, maxAlternatives = 5, minScore = 0.0005): CharCandidates {
  // The best few by insertion, in the order a stable sort would give (ties keep the lower index
  // first): sorting all 37 symbols of every cell cost a quarter of classifying a line.
  const top: number[] = [];
  for (let k = 0; k < probs.length; k++) {
    const p = probs[k]!;
    if (top.length === maxAlternatives && p <= probs[top[top.length - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && probs[top[at - 1]!]! < p) at--;
    top.splice(at, 0, k);
    if (top.length > maxAlternatives) top.pop();
  }
  const out: CharCandidates = [];
  for (const k of top) {
    if (out.length > 0 && probs[k]! < minScore) break;
    out.push({ char: MRZ_CHARSET[k]!, score: probs[k]! });
  }
  for (const c of CONFUSABLE[out[0]!.char] ?? '') {
    if (!out.some((a) => a.char === c)) out.push({ char: c, score: Math.max(FLOOR * 0.5, probs[MRZ_CHARSET.indexOf(c)]!) });
  }
  return out;
}
