// Owns ICAO 9303 check digits: weights 7, 3, 1 over the char values, sum mod 10.

import { CHAR_VALUE } from './alphabet';

/**
 * Weighted sum of s[start:end] with the weight cycle starting at `phase` (0 → 7, 1 → 3, 2 → 1).
 * Returns -1 when a char is outside the MRZ alphabet. No allocation: this runs for every document.
 */
export function weightedSum(s: string, start: number, end: number, phase: number): number {
  let sum = 0;
  let p = phase % 3;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? CHAR_VALUE[c]! : -1;
    if (v < 0) return -1;
    sum += p === 0 ? v * 7 : p === 1 ? v * 3 : v;
    p = p === 2 ? 0 : p + 1;
  }
  return sum;
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
