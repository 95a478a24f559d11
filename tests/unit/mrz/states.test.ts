// State codes: ISO 3166-1 alpha-3 plus ICAO's own codes, names in English and Indonesian.

import { describe, expect, it } from 'vitest';
import { generateMrz, isKnownState, knownStateCodes, parseMrz, stateName } from '../../../shared/mrz';

describe('stateName', () => {
  it('names ISO and ICAO codes in both languages', () => {
    expect(stateName('IDN', 'en')).toBe('Indonesia');
    expect(stateName('IDN', 'id')).toBe('Indonesia');
    expect(stateName('DEU', 'id')).toBe('Jerman');
    expect(stateName('D<<', 'en')).toBe('Germany');
    expect(stateName('D', 'id')).toBe('Jerman');
    expect(stateName('NLD', 'id')).toBe('Belanda');
    expect(stateName('XXA', 'en')).toBe('Stateless person');
    expect(stateName('XXA', 'id')).toBe('Orang tanpa kewarganegaraan');
    expect(stateName('utO', 'en')).toMatch(/Utopia/);
  });

  it('returns null for unknown codes', () => {
    expect(stateName('QQQ', 'en')).toBeNull();
    expect(stateName('', 'id')).toBeNull();
  });

  it('knows every non-ISO code the reference lists, and the ISO set', () => {
    for (const code of ['D<<', 'UTO', 'EUE', 'UNO', 'UNA', 'UNK', 'XXA', 'XXB', 'XXC', 'XXX', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'RKS']) {
      expect(isKnownState(code), code).toBe(true);
      expect(stateName(code, 'en'), code).not.toBeNull();
      expect(stateName(code, 'id'), code).not.toBeNull();
    }
    const codes = knownStateCodes();
    expect(codes.length).toBeGreaterThanOrEqual(249 + 16);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Z][A-Z<]{2}$/);
  });
});

describe('unknown codes in an MRZ', () => {
  it('make the reading wrong (no issuer writes them), though every check digit holds, and keep the code shown', () => {
    const lines = generateMrz('TD3', { issuingState: 'QQQ', nationality: 'QQQ', primaryIdentifier: 'TEST', expiryDate: '300101' });
    const r = parseMrz(lines, { referenceDate: new Date(2025, 0, 1) });
    expect(r.valid).toBe(false);
    expect(r.checks.every((c) => c.valid)).toBe(true);
    expect(r.errors).toEqual([
      { field: 'issuingState', message: "Issuing state code 'QQQ' is not a known ISO 3166 or ICAO code." },
      { field: 'nationality', message: "Nationality code 'QQQ' is not a known ISO 3166 or ICAO code." },
    ]);
    expect(r.fields.nationality!.value).toBe('QQQ');
    expect(r.notices).toEqual([]);
  });

  it('for no state (stateless, refugee, unspecified) are a notice about a correct reading', () => {
    const lines = generateMrz('TD3', { issuingState: 'DEU', nationality: 'XXA', primaryIdentifier: 'TEST', expiryDate: '300101' });
    const r = parseMrz(lines, { referenceDate: new Date(2025, 0, 1) });
    expect(r.valid).toBe(true);
    expect(r.notices).toEqual([{ code: 'state_unspecified', field: 'nationality', message: 'Nationality is XXA: Stateless person.' }]);
  });

  it('are invalid when they are not letters', () => {
    const lines = generateMrz('TD3', { issuingState: 'Q1Q', nationality: 'UTO', primaryIdentifier: 'TEST', expiryDate: '300101' });
    const r = parseMrz(lines, { referenceDate: new Date(2025, 0, 1) });
    // `1` in an unprotected letters-only field is read as `I` (class rule), and reported.
    expect(r.corrections).toEqual([{ line: 0, column: 3, from: '1', to: 'I' }]);
    const bad = parseMrz(generateMrz('TD3', { issuingState: 'Q<Q', primaryIdentifier: 'TEST', expiryDate: '300101' }), { referenceDate: new Date(2025, 0, 1) });
    expect(bad.valid).toBe(false);
    expect(bad.fields.issuingState!.error).toMatch(/not a state code/);
  });
});
