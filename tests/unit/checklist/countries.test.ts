// The country search of the interview: by code or by name in either language, accents and case aside.
import { describe, expect, it } from 'vitest';
import { resolveCountry, searchCountries } from '../../../shared/reference-data/countries';

describe('country search', () => {
  it('finds a country by code, Indonesian name or English name', () => {
    expect(searchCountries('mys')[0]?.code).toBe('MYS');
    expect(searchCountries('malay')[0]?.code).toBe('MYS');
    expect(searchCountries('kamboja')[0]?.code).toBe('KHM');
    expect(searchCountries('Cambodia')[0]?.code).toBe('KHM');
    expect(searchCountries('arab saudi').map((c) => c.code)).toContain('SAU');
  });

  it('resolves only unambiguous text', () => {
    expect(resolveCountry('khm')?.code).toBe('KHM');
    expect(resolveCountry('Malaysia')?.code).toBe('MYS');
    expect(resolveCountry('mala')).toBeUndefined();
    expect(resolveCountry('')).toBeUndefined();
  });

  it('lists no ICAO-only codes', () => {
    expect(searchCountries('D<<')).toEqual([]);
  });
});
