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
  w1: Float32Array; b1: Float32Array;
  w2: Float32Array; b2: Float32Array;
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
  return {
    inputs: spec.inputs, hidden: spec.hidden, outputs: spec.outputs,
    w1: deq(spec.w1, spec.s1, spec.hidden, spec.inputs), b1: Float32Array.from(spec.b1),
    w2: deq(spec.w2, spec.s2, spec.outputs, spec.hidden), b2: Float32Array.from(spec.b2),
  };
}

/** Forward pass: returns softmax probabilities (length = outputs). `hiddenOut` receives activations. */
export function mlpForward(m: Mlp, x: Float32Array, hiddenOut?: Float32Array): Float32Array {
  const h = hiddenOut ?? new Float32Array(m.hidden);
  for (let j = 0; j < m.hidden; j++) {
    let s = m.b1[j]!;
    const row = j * m.inputs;
    for (let i = 0; i < m.inputs; i++) s += m.w1[row + i]! * x[i]!;
    h[j] = s > 0 ? s : 0;
  }
  const out = new Float32Array(m.outputs);
  let max = -Infinity;
  for (let k = 0; k < m.outputs; k++) {
    let s = m.b2[k]!;
    const row = k * m.hidden;
    for (let j = 0; j < m.hidden; j++) s += m.w2[row + j]! * h[j]!;
    out[k] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let k = 0; k < m.outputs; k++) { out[k] = Math.exp(out[k]! - max); sum += out[k]!; }
  for (let k = 0; k < m.outputs; k++) out[k]! /= sum;
  return out;
}

/** Top alternatives of one cell, best first; tiny scores are dropped to keep the correction search small. */
export function toCandidates(probs: Float32Array, maxAlternatives = 5, minScore = 0.001): CharCandidates {
  const order = Array.from(probs.keys()).sort((a, b) => probs[b]! - probs[a]!);
  const out: CharCandidates = [];
  for (const k of order.slice(0, maxAlternatives)) {
    if (out.length > 0 && probs[k]! < minScore) break;
    out.push({ char: MRZ_CHARSET[k]!, score: probs[k]! });
  }
  return out;
}
