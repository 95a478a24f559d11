// Dates: century resolution against the reference date, unknown parts, plausibility, age and expiry.

import { describe, expect, it } from 'vitest';
import { generateMrz, parseMrz } from '../../../shared/mrz';

const at = (y: number, m: number, d: number) => ({ referenceDate: new Date(y, m - 1, d) });

function td3(birth: string, expiry: string): string[] {
  return generateMrz('TD3', { primaryIdentifier: 'TEST', birthDate: birth, expiryDate: expiry, sex: 'M' });
}

describe('birth dates', () => {
  it('takes the latest century not after the reference date', () => {
    expect(parseMrz(td3('240101', '300101'), at(2025, 6, 15)).birthDate!.iso).toBe('2024-01-01');
    expect(parseMrz(td3('251231', '300101'), at(2025, 6, 15)).birthDate!.iso).toBe('1925-12-31');
    expect(parseMrz(td3('250615', '300101'), at(2025, 6, 15)).birthDate!.iso).toBe('2025-06-15');
    expect(parseMrz(td3('250616', '300101'), at(2025, 6, 15)).birthDate!.iso).toBe('1925-06-16');
  });

  it('keeps << as unknown day or month, and a wholly unknown date', () => {
    const r = parseMrz(td3('74<<<<', '300101'), at(2025, 6, 15));
    expect(r.valid).toBe(true);
    expect(r.birthDate).toEqual({ year: 1974, month: null, day: null, iso: '1974-XX-XX' });
    expect(parseMrz(td3('7408<<', '300101'), at(2025, 6, 15)).birthDate!.iso).toBe('1974-08-XX');
    const unknown = parseMrz(td3('<<<<<<', '300101'), at(2025, 6, 15));
    expect(unknown.valid).toBe(true);
    expect(unknown.birthDate!.iso).toBe('XXXX-XX-XX');
    expect(unknown.ageYears).toBeNull();
    expect(unknown.isMinor).toBeNull();
  });

  it('rejects dates that do not exist, with a plain message', () => {
    const feb30 = parseMrz(td3('740230', '300101'), at(2025, 6, 15));
    expect(feb30.valid).toBe(false);
    expect(feb30.fields.birthDate!.error).toMatch(/day 30, which does not exist in month 02/);
    expect(parseMrz(td3('741301', '300101'), at(2025, 6, 15)).fields.birthDate!.error).toMatch(/month 13/);
    expect(parseMrz(td3('7<0812', '300101'), at(2025, 6, 15)).fields.birthDate!.error).toMatch(/YYMMDD/);
    expect(parseMrz(td3('74<<12', '300101'), at(2025, 6, 15)).fields.birthDate!.error).toMatch(/unknown month but a known day/);
  });

  it('knows leap years once the century is resolved', () => {
    expect(parseMrz(td3('000229', '300101'), at(2025, 6, 15)).valid).toBe(true); // 2000 was leap
    expect(parseMrz(td3('040229', '300101'), at(2025, 6, 15)).valid).toBe(true);
    expect(parseMrz(td3('010229', '300101'), at(2025, 6, 15)).valid).toBe(false);
  });
});

describe('expiry dates', () => {
  it('resolves within 10 years before to 20 years after the reference date', () => {
    expect(parseMrz(td3('800101', '450615'), at(2025, 6, 15)).expiryDate!.iso).toBe('2045-06-15');
    expect(parseMrz(td3('800101', '150615'), at(2025, 6, 15)).expiryDate!.iso).toBe('2015-06-15');
    expect(parseMrz(td3('800101', '991231'), at(2095, 1, 1)).expiryDate!.iso).toBe('2099-12-31');
    expect(parseMrz(td3('800101', '050101'), at(2095, 1, 1)).expiryDate!.iso).toBe('2105-01-01');
  });

  it('reports an implausible expiry as a field error, not a check failure', () => {
    const far = parseMrz(td3('800101', '460101'), at(2025, 6, 15));
    expect(far.valid).toBe(false);
    expect(far.fields.expiryDate!.error).toMatch(/more than 20 years after the reference date 2025-06-15/);
    expect(far.checks.every((c) => c.valid)).toBe(true);
    const old = parseMrz(td3('800101', '150614'), at(2025, 6, 15));
    expect(old.fields.expiryDate!.error).toMatch(/more than 10 years before/);
    expect(old.fields.expiryDate!.value).toBe('2015-06-14');
  });

  it('derives expired and within-six-months from the same reference date', () => {
    const ref = at(2025, 6, 15);
    const today = parseMrz(td3('800101', '250615'), ref);
    expect(today.expired).toBe(false);
    expect(today.expiresWithinSixMonths).toBe(true);
    expect(parseMrz(td3('800101', '250614'), ref).expired).toBe(true);
    expect(parseMrz(td3('800101', '251214'), ref).expiresWithinSixMonths).toBe(true);
    expect(parseMrz(td3('800101', '251215'), ref).expiresWithinSixMonths).toBe(false);
    // Aug 31 + 6 months is clamped to the end of February.
    expect(parseMrz(td3('800101', '260228'), at(2025, 8, 31)).expiresWithinSixMonths).toBe(false);
    expect(parseMrz(td3('800101', '260227'), at(2025, 8, 31)).expiresWithinSixMonths).toBe(true);
  });
});

describe('age', () => {
  it('counts whole years at the reference date and flags minors', () => {
    expect(parseMrz(td3('070615', '300101'), at(2025, 6, 15)).ageYears).toBe(18);
    expect(parseMrz(td3('070615', '300101'), at(2025, 6, 15)).isMinor).toBe(false);
    expect(parseMrz(td3('070616', '300101'), at(2025, 6, 15)).ageYears).toBe(17);
    expect(parseMrz(td3('070616', '300101'), at(2025, 6, 15)).isMinor).toBe(true);
  });

  it('takes the youngest possible age when the day or month is unknown', () => {
    // Born some day of 2007: could still be 17 on 2025-06-15, so the holder counts as a minor.
    const r = parseMrz(td3('07<<<<', '300101'), at(2025, 6, 15));
    expect(r.ageYears).toBe(17);
    expect(r.isMinor).toBe(true);
    expect(parseMrz(td3('07<<<<', '300101'), at(2026, 1, 1)).ageYears).toBe(18);
  });
});
