// Generate → parse round trip over thousands of random documents of every format.

import { describe, expect, it } from 'vitest';
import { generateMrz, parseMrz } from '../../../shared/mrz';
import type { MrzFormat } from '../../../shared/mrz';
import { randomDoc, rng } from './random-docs';

const REF = { referenceDate: new Date(2025, 5, 15) };
const FORMATS: MrzFormat[] = ['TD3', 'TD2', 'TD1', 'MRVA', 'MRVB', 'FRENCH_ID'];
const PER_FORMAT = 3000;
const WIDTH: Record<MrzFormat, [number, number]> = {
  TD3: [2, 44],
  TD2: [2, 36],
  TD1: [3, 30],
  MRVA: [2, 44],
  MRVB: [2, 36],
  FRENCH_ID: [2, 36],
};

describe.each(FORMATS)('%s round trip', (format) => {
  it(`parses ${PER_FORMAT} generated documents back to their fields`, () => {
    const r = rng(1000 + FORMATS.indexOf(format));
    const [count, width] = WIDTH[format];
    // Mismatches are collected in plain code and asserted once: thousands of expect() calls cost seconds.
    const failures: unknown[] = [];
    for (let i = 0; i < PER_FORMAT; i++) {
      const doc = randomDoc(r, format, 2025);
      const res = parseMrz(doc.lines, REF);
      const got = {
        shape: [doc.lines.length, ...doc.lines.map((l) => l.length)],
        valid: res.valid,
        format: res.format,
        checks: res.checks.every((c) => c.valid),
        primary: res.primaryIdentifier,
        secondary: res.secondaryIdentifier,
        number: res.documentNumber,
        birth: res.birthDate?.iso,
        expiry: res.expiryDate?.iso ?? null,
        sex: res.fields.sex?.value,
        state: res.fields.issuingState?.value,
        code: res.fields.documentCode?.value,
        optional: res.fields.optionalData?.value,
        nationality: format === 'FRENCH_ID' ? null : res.fields.nationality?.value,
        optional2: format === 'TD1' ? res.fields.optionalData2?.value : null,
        corrections: res.corrections.length,
      };
      const want = {
        shape: [count, ...Array.from({ length: count }, () => width)],
        valid: true,
        format,
        checks: true,
        primary: doc.fields.primaryIdentifier,
        secondary: doc.fields.secondaryIdentifier,
        number: doc.fields.documentNumber,
        birth: doc.birthIso,
        expiry: doc.expiryIso,
        sex: doc.fields.sex,
        state: doc.fields.issuingState,
        code: doc.fields.documentCode,
        optional: doc.fields.optionalData,
        nationality: format === 'FRENCH_ID' ? null : doc.fields.nationality,
        optional2: format === 'TD1' ? doc.fields.optionalData2 : null,
        corrections: 0,
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push({ lines: doc.lines, got, want, errors: res.errors });
      if (failures.length >= 3) break;
    }
    expect(failures).toEqual([]);
  });
});

describe('generateMrz', () => {
  it('transliterates names and truncates them to the field', () => {
    const lines = generateMrz('TD3', {
      primaryIdentifier: "O'Neill-Müller",
      secondaryIdentifier: 'José  María',
      expiryDate: '2030-01-01',
    });
    expect(lines[0]).toBe('P<UTOONEILL<MULLER<<JOSE<MARIA<<<<<<<<<<<<<<');
    const long = generateMrz('TD1', { primaryIdentifier: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', secondaryIdentifier: 'ANNA', expiryDate: '2030-01-01' });
    expect(long[2]).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ<<AN');
    const r = parseMrz(long, REF);
    expect(r.valid).toBe(true);
    expect(r.nameMayBeTruncated).toBe(true);
  });

  it('builds an Indonesian mononym in the primary identifier only', () => {
    const lines = generateMrz('TD3', { primaryIdentifier: 'SUKARNO', issuingState: 'IDN', nationality: 'IDN', expiryDate: '2030-01-01' });
    const r = parseMrz(lines, REF);
    expect(r.valid).toBe(true);
    expect(r.primaryIdentifier).toBe('SUKARNO');
    expect(r.secondaryIdentifier).toBe('');
    expect(r.nameParts).toEqual({ primary: ['SUKARNO'], secondary: [] });
  });

  it('writes the long-number layout for TD1 and TD2 and the specimen for TD1', () => {
    expect(
      generateMrz('TD1', {
        documentCode: 'I',
        issuingState: 'UTO',
        documentNumber: 'D23145890123',
        birthDate: '740812',
        sex: 'F',
        expiryDate: '120415',
        nationality: 'UTO',
        primaryIdentifier: 'ERIKSSON',
        secondaryIdentifier: 'ANNA MARIA',
      }),
    ).toEqual(['I<UTOD23145890<1233<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<']);
    expect(
      generateMrz('TD3', {
        issuingState: 'UTO',
        primaryIdentifier: 'ERIKSSON',
        secondaryIdentifier: 'ANNA MARIA',
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        optionalData: 'ZE184226B',
      }),
    ).toEqual(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']);
  });

  it('writes unknown date parts as <<', () => {
    const lines = generateMrz('TD3', { birthDate: '1974-XX-XX', expiryDate: new Date(2030, 0, 31) });
    expect(lines[1]!.slice(13, 19)).toBe('74<<<<');
    expect(lines[1]!.slice(21, 27)).toBe('300131');
    expect(parseMrz(lines, REF).birthDate!.iso).toBe('1974-XX-XX');
  });
});
