// Check digits: the reference examples, invalid characters, and agreement with a naive implementation.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit } from '../../../shared/mrz';

function naive(s: string): number {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const v = ch === '<' ? 0 : alphabet.indexOf(ch);
    sum += v * [7, 3, 1][i % 3]!;
  }
  return sum % 10;
}

describe('checkDigit', () => {
  it('gives the reference values', () => {
    expect(checkDigit('L898902C3')).toBe(6);
    expect(checkDigit('740812')).toBe(2);
    expect(checkDigit('120415')).toBe(9);
    expect(checkDigit('ZE184226B<<<<<')).toBe(1);
    expect(checkDigit('D23145890123')).toBe(3);
    expect(checkDigit('')).toBe(0);
  });

  it('returns -1 for characters outside the MRZ alphabet', () => {
    expect(checkDigit('abc')).toBe(-1);
    expect(checkDigit('12 4')).toBe(-1);
    expect(checkDigit('\u0000')).toBe(-1);
    expect(checkDigit('É')).toBe(-1);
  });

  it('agrees with a naive implementation', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<'.split('')), maxLength: 60 }), (s) => {
        expect(checkDigit(s)).toBe(naive(s));
      }),
    );
  });
});
