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
  it('resolves the century towards the past: at most 20 years ahead, otherwise long expired', () => {
    expect(parseMrz(td3('800101', '450615'), at(2025, 6, 15)).expiryDate!.iso).toBe('2045-06-15');
    expect(parseMrz(td3('800101', '450616'), at(2025, 6, 15)).expiryDate!.iso).toBe('1945-06-16');
    expect(parseMrz(td3('800101', '150615'), at(2025, 6, 15)).expiryDate!.iso).toBe('2015-06-15');
    expect(parseMrz(td3('800101', '991231'), at(2095, 1, 1)).expiryDate!.iso).toBe('2099-12-31');
    expect(parseMrz(td3('800101', '050101'), at(2095, 1, 1)).expiryDate!.iso).toBe('2105-01-01');
    // At the turn of a century: 2105 is more than 20 years ahead of 2084, so '05' is 2005.
    expect(parseMrz(td3('800101', '050101'), at(2084, 1, 1)).expiryDate!.iso).toBe('2005-01-01');
  });

  it('reads a long-expired document as valid, with an "expired" notice and no error', () => {
    for (const expiry of ['150614', '460101', '900101']) {
      const r = parseMrz(td3('800101', expiry), at(2025, 6, 15));
      expect(r.valid).toBe(true);
      expect(r.errors).toEqual([]);
      expect(r.expired).toBe(true);
      expect(r.notices).toEqual([{ code: 'expired', field: 'expiryDate', message: `The document expired on ${r.expiryDate!.iso}.` }]);
    }
  });

  it('still refuses an expiry date that cannot exist', () => {
    const r = parseMrz(td3('800101', '251301'), at(2025, 6, 15));
    expect(r.valid).toBe(false);
    expect(r.fields.expiryDate!.error).toMatch(/month 13/);
    expect(r.notices).toEqual([]);
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
