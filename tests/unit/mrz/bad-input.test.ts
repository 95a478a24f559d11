// Bad input: a clear error per document and never an exception; property tests over random and changed MRZs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../shared/mrz';
import type { MrzFormat } from '../../../shared/mrz';
import { LAYOUTS } from '../../../shared/mrz/layouts';
import { randomDoc, rng } from './random-docs';

const REF = { referenceDate: new Date(2010, 0, 1) };
const L1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const L2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<';
const VALUE = (ch: string): number => (ch === '<' ? 0 : ALPHABET.indexOf(ch));

describe('bad input gives a clear error, never an exception', () => {
  it('wrong line lengths', () => {
    const r = parseMrz([L1, L2.slice(0, 43)], REF);
    expect(r.format).toBeNull();
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([{ field: 'format', message: 'Line 2 has 43 characters but line 1 has 44; a TD3 MRZ has 2 lines of 44 characters.' }]);
    const odd = parseMrz(['ABC', 'DEF', 'GHI', 'JKL'], REF);
    expect(odd.errors[0]!.message).toMatch(/Found 4 lines \(lengths 3, 3, 3, 3\), which is not an MRZ/);
  });

  it('characters outside the alphabet', () => {
    const r = parseMrz([L1, `L898@02C36${L2.slice(10)}`], REF);
    expect(r.format).toBe('TD3');
    expect(r.valid).toBe(false);
    expect(r.errors).toContainEqual({
      field: 'line2',
      message: "Line 2 has 1 character outside the MRZ alphabet (A–Z, 0–9, <), the first '@' at column 5.",
    });
    expect(r.fields.documentNumber!.error).toBe("Document number has '@' at line 2, column 5; only letters, digits and < are allowed.");
    expect(r.checks.find((c) => c.name === 'documentNumber')!.error).toMatch(/cannot be verified/);
  });

  it('empty input', () => {
    for (const input of ['', '   ', '\n\n\r\n', []]) {
      const r = parseMrz(input, REF);
      expect(r.format).toBeNull();
      expect(r.errors).toEqual([{ field: 'format', message: 'No MRZ text found: the input is empty.' }]);
    }
  });

  it('1 MB of random text', () => {
    const r = rng(9);
    let s = '';
    const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<< \n\t\r!@#$%^&*()';
    const parts: string[] = [];
    for (let i = 0; i < 1 << 20; i++) parts.push(chars[Math.floor(r() * chars.length)]!);
    s = parts.join('');
    const t0 = performance.now();
    const res = parseMrz(s, REF);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(res.format).toBeNull();
    expect(res.errors[0]!.message).toBe('Input is too long to be an MRZ (1048576 characters; an MRZ has at most 90).');
    expect(parseMrz(s.split('\n'), REF).format).toBeNull();
  });

  it('a NUL byte', () => {
    const inside = parseMrz(`${L1}\n${L2.slice(0, 20)}\u0000${L2.slice(21)}`, REF);
    expect(inside.valid).toBe(false);
    expect(inside.errors[0]!.message).toMatch(/a NUL byte at column 21/);
    expect(inside.fields.sex!.error).toBe('Sex must be M, F, X or < (found a NUL byte).');
    // As a reader's prefix it is stripped and reported.
    const prefix = parseMrz(`\u0000${L1}\n${L2}\u0000`, REF);
    expect(prefix.valid).toBe(true);
    expect(prefix.normalised).toContain('removed reader prefix/suffix characters');
  });

  it('an MRZ split across blocks', () => {
    for (const half of [L1, L2]) {
      const r = parseMrz(half, REF);
      expect(r.format).toBeNull();
      expect(r.errors[0]!.message).toMatch(/Only one line of 44 characters was found; an MRZ of that width has 2 lines \(was the MRZ split across blocks\?\)/);
    }
    expect(parseMrz(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6'], REF).errors[0]!.message).toMatch(/a TD1 MRZ has 3 lines/);
  });

  it('input that is not text', () => {
    for (const input of [null, undefined, 42, {}, [1, 2], [null]]) {
      const r = parseMrz(input as unknown as string, REF);
      expect(r.format).toBeNull();
      expect(r.valid).toBe(false);
      expect(r.errors.length).toBe(1);
    }
  });

  it('does not change a check-digited field typed as plain text, and says why', () => {
    const r = parseMrz([L1, `L898902C36UTO74O8122F1204159ZE184226B<<<<<10`], REF);
    expect(r.valid).toBe(false);
    expect(r.corrections).toEqual([]);
    expect(r.lines[1]).toContain('74O812');
    expect(r.fields.birthDate!.error).toBe(
      "Birth date '74O812' is not a date in YYMMDD form (digits, or << for an unknown part). 'O' may be a misread '0'; it was not changed because a check digit protects this field.",
    );
  });

  it('a document code that does not fit the format', () => {
    const r = parseMrz([`X${L1.slice(1)}`, L2], REF);
    expect(r.format).toBe('TD3');
    expect(r.fields.documentCode!.error).toBe("Document code 'X<' must start with P in a TD3 MRZ.");
    expect(r.valid).toBe(false);
  });
});

describe('properties', () => {
  const FORMATS: MrzFormat[] = ['TD3', 'TD2', 'TD1', 'MRVA', 'MRVB', 'FRENCH_ID'];

  it('never throws on random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ unit: fc.constantFrom(...`${ALPHABET}\n\r\t abc`), maxLength: 120 })), (s) => {
        const r = parseMrz(s, REF);
        expect(typeof r.valid).toBe('boolean');
        if (r.format === null) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random arrays of lines of MRZ widths', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(30, 36, 44),
        fc.integer({ min: 1, max: 4 }),
        fc.string({ unit: fc.constantFrom(...`${ALPHABET}?a `), minLength: 132, maxLength: 132 }),
        (width, n, pool) => {
          const lines = Array.from({ length: n }, (_, i) => pool.slice(i * width, (i + 1) * width).padEnd(width, '<'));
          const r = parseMrz(lines, REF);
          expect(typeof r.valid).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a change to a check-digited field is never reported valid (unless the check digits are blind to it)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 5 }), fc.nat(), fc.constantFrom(...`${ALPHABET}?a `), (seed, f, p, ch) => {
        const doc = randomDoc(rng(seed), FORMATS[f]!, 2010);
        const layout = LAYOUTS[doc.format];
        const cells: Array<[number, number]> = [];
        layout.covered.forEach((row, l) => row.forEach((v, c) => v && cells.push([l, c])));
        const [line, col] = cells[p % cells.length]!;
        const old = doc.lines[line]![col]!;
        // Normalisation reads a typed space as `<` (the width only fits that way) and `a` as `A`.
        const effective = ch === ' ' ? '<' : ch === 'a' ? 'A' : ch;
        fc.pre(effective !== old);
        // ICAO check digits cannot see a change between chars of equal value mod 10 (0/A/K/U/<, 6/G/Q …).
        fc.pre(!(ALPHABET.includes(effective) && VALUE(effective) % 10 === VALUE(old) % 10));
        const lines = doc.lines.slice();
        lines[line] = lines[line]!.slice(0, col) + ch + lines[line]!.slice(col + 1);
        const r = parseMrz(lines, REF);
        expect(r.valid).toBe(false);
        // Plain text never changes a protected position (when the change altered the format, e.g.
        // `IDFRA` → `0DFRA` reads as TD2, the position may not be protected in that format).
        if (r.format === doc.format) expect(r.lines[line]![col]).toBe(effective);
      }),
      { numRuns: 3000 },
    );
  });

  it('one character changed anywhere never throws, and unprotected letter fields only take class fixes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 5 }), fc.nat(), fc.nat(), fc.constantFrom(...`${ALPHABET}?\u0000 `), (seed, f, l, c, ch) => {
        const doc = randomDoc(rng(seed), FORMATS[f]!, 2010);
        const line = l % doc.lines.length;
        const col = c % doc.lines[line]!.length;
        const lines = doc.lines.slice();
        lines[line] = lines[line]!.slice(0, col) + ch + lines[line]!.slice(col + 1);
        const r = parseMrz(lines, REF);
        for (const k of r.corrections) {
          expect(LAYOUTS[r.format!].covered[k.line]![k.column]).toBe(0);
          expect('012568').toContain(k.from);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
