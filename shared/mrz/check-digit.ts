// Owns ICAO 9303 check digits: weights 7, 3, 1 over the char values, sum mod 10.

import { CHAR_VALUE_16 } from './alphabet';

/**
 * Weighted sum of s[start:end] with the weight cycle starting at `phase` (0 → 7, 1 → 3, 2 → 1).
 * Returns -1 when a char is outside the MRZ alphabet. No allocation and no branch per char (the
 * loop runs in whole 7-3-1 triplets and folds validity into one OR): this runs for every document.
 */
export function weightedSum(s: string, start: number, end: number, phase: number): number {
  let sum = 0;
  let bad = 0;
  let i = start;
  let p = phase % 3;
  while (p !== 0 && i < end) {
    const v = CHAR_VALUE_16[s.charCodeAt(i)]!;
    bad |= v;
    sum += p === 1 ? v * 3 : v;
    p = p === 2 ? 0 : p + 1;
    i++;
  }
  for (; i + 2 < end; i += 3) {
    const a = CHAR_VALUE_16[s.charCodeAt(i)]!;
    const b = CHAR_VALUE_16[s.charCodeAt(i + 1)]!;
    const c = CHAR_VALUE_16[s.charCodeAt(i + 2)]!;
    bad |= a | b | c;
    sum += a * 7 + b * 3 + c;
  }
  if (i < end) {
    const a = CHAR_VALUE_16[s.charCodeAt(i)]!;
    bad |= a;
    sum += a * 7;
    if (i + 1 < end) {
      const b = CHAR_VALUE_16[s.charCodeAt(i + 1)]!;
      bad |= b;
      sum += b * 3;
    }
  }
  return bad < 0 ? -1 : sum;
}

/** The check digit of s, or -1 when s holds a char outside A-Z, 0-9, `<`. */
export function checkDigit(s: string): number {
  const sum = weightedSum(s, 0, s.length, 0);
  return sum < 0 ? -1 : sum % 10;
}

/** The weight (7, 3 or 1) of the i-th char of a checked string. */
export function weightAt(i: number): number {
  const p = i % 3;
  return p === 0 ? 7 : p === 1 ? 3 : 1;
}
