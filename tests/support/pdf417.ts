// Owns making PDF417 symbols for tests (zxing-js ports no PDF417 writer): byte compaction, Reed-Solomon error
// correction over GF(929) and the row layout of ISO/IEC 15438, drawn with the bar patterns of zxing's own decoder
// table (SYMBOL_TABLE read backwards: the pattern of each codeword in each of the three clusters).
import { createRequire } from 'node:module';

type SymbolTable = { SYMBOL_TABLE: Int32Array; getCodeword(symbol: number): number };
// PDF417Common is not re-exported by the package's index; its CommonJS file is (the same table the reader uses).
const PDF417Common = (createRequire(import.meta.url)('@zxing/library/cjs/core/pdf417/PDF417Common.js') as { default: SymbolTable }).default;

const START = 0b11111111010101000; // 81111113, 17 modules
const STOP = 0b111111101000101001; // 711311121, 18 modules
const GF = 929;

/** The bar pattern (17 modules, first module in the highest bit) of every codeword in clusters 0, 3 and 6. */
const PATTERNS: number[][] = (() => {
  const table: number[][] = [[], [], []];
  for (const symbol of PDF417Common.SYMBOL_TABLE) {
    const widths: number[] = [];
    let run = 0;
    let previous = 1;
    for (let bit = 16; bit >= 0; bit--) {
      const dark = (symbol >> bit) & 1;
      if (dark !== previous) {
        widths.push(run);
        run = 0;
        previous = dark;
      }
      run++;
    }
    widths.push(run);
    const cluster = ((widths[0]! - widths[2]! + widths[4]! - widths[6]! + 9) % 9) / 3;
    table[cluster]![PDF417Common.getCodeword(symbol)] = symbol;
  }
  return table;
})();

/** Byte compaction (mode 901, or 924 when the bytes come in whole groups of six): six bytes make five codewords. */
function byteCompaction(bytes: Uint8Array): number[] {
  const out = [bytes.length % 6 === 0 ? 924 : 901];
  let at = 0;
  for (; at + 6 <= bytes.length; at += 6) {
    let value = 0n;
    for (let i = 0; i < 6; i++) value = value * 256n + BigInt(bytes[at + i]!);
    const group: number[] = [];
    for (let i = 0; i < 5; i++) {
      group.unshift(Number(value % 900n));
      value /= 900n;
    }
    out.push(...group);
  }
  for (; at < bytes.length; at++) out.push(bytes[at]!);
  return out;
}

/** The generator polynomial's coefficients, lowest first without the leading 1: the product of (x - 3^i), i = 1..k. */
function generator(k: number): number[] {
  let poly = [1]; // highest first
  let root = 1;
  for (let i = 1; i <= k; i++) {
    root = (root * 3) % GF;
    const next = new Array<number>(poly.length + 1).fill(0);
    poly.forEach((c, j) => {
      next[j] = (next[j]! + c) % GF;
      next[j + 1] = (next[j + 1]! + GF - ((c * root) % GF)) % GF;
    });
    poly = next;
  }
  return poly.slice(1).reverse();
}

/** The error-correction codewords of ISO/IEC 15438 Annex F (the negated remainder of the data times x^k by g). */
function errorCorrection(data: number[], level: number): number[] {
  const k = 2 ** (level + 1);
  const g = generator(k);
  const e = new Array<number>(k).fill(0);
  for (const d of data) {
    const t1 = (d + e[k - 1]!) % GF;
    for (let j = k - 1; j >= 1; j--) e[j] = (e[j - 1]! + GF - ((t1 * g[j]!) % GF)) % GF;
    e[0] = (GF - ((t1 * g[0]!) % GF)) % GF;
  }
  return e.reverse().map((v) => (v === 0 ? 0 : GF - v));
}

export interface Pdf417Options {
  /** Data columns (1-30); the rows follow. */
  columns?: number;
  /** Error-correction level 0-8 (2^(level+1) codewords). */
  level?: number;
}

/** The symbol's modules, a row of booleans per module row (each codeword row once: callers give it its height). */
export function pdf417Rows(text: string, { columns = 6, level = 2 }: Pdf417Options = {}): boolean[][] {
  const compacted = byteCompaction(new TextEncoder().encode(text));
  const ec = 2 ** (level + 1);
  const rows = Math.max(3, Math.ceil((1 + compacted.length + ec) / columns));
  if (rows > 90) throw new Error('pdf417: too long for the columns chosen');
  const dataCount = rows * columns - ec;
  const data = [dataCount, ...compacted];
  while (data.length < dataCount) data.push(900); // pad
  const codewords = [...data, ...errorCorrection(data, level)];
  const out: boolean[][] = [];
  const bits = (pattern: number, width: number, row: boolean[]) => {
    for (let bit = width - 1; bit >= 0; bit--) row.push(((pattern >> bit) & 1) === 1);
  };
  let at = 0;
  for (let y = 0; y < rows; y++) {
    const cluster = y % 3;
    const base = 30 * Math.floor(y / 3);
    const indicators = [
      [base + Math.floor((rows - 1) / 3), base + columns - 1],
      [base + level * 3 + ((rows - 1) % 3), base + Math.floor((rows - 1) / 3)],
      [base + columns - 1, base + level * 3 + ((rows - 1) % 3)],
    ][cluster]!;
    const row: boolean[] = [];
    bits(START, 17, row);
    bits(PATTERNS[cluster]![indicators[0]!]!, 17, row);
    for (let x = 0; x < columns; x++) bits(PATTERNS[cluster]![codewords[at++]!]!, 17, row);
    bits(PATTERNS[cluster]![indicators[1]!]!, 17, row);
    bits(STOP, 18, row);
    out.push(row);
  }
  return out;
}
