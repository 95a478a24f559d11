// Country lookups: placement, moratorium and not-placement, with the sources behind each answer.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTRY_RULES, countryStatus, type CountryRules } from '../../../shared/checklist';

describe('countryStatus', () => {
  it('Malaysia is a placement country, not under moratorium', () => {
    const s = countryStatus(DEFAULT_COUNTRY_RULES, 'MYS');
    expect(s).toMatchObject({ placement: true, moratorium: false, notPlacement: false });
    expect(s.sources).toHaveLength(1);
    expect(s.sources[0]).toContain('3/111/PK.02.01/IV/2022');
  });

  it('Saudi Arabia is a placement country whose domestic work is under moratorium, with both sources', () => {
    const s = countryStatus(DEFAULT_COUNTRY_RULES, 'sau');
    expect(s).toMatchObject({ placement: true, moratorium: true, notPlacement: false });
    expect(s.sources.some((x) => x.includes('260 Tahun 2015'))).toBe(true);
    expect(s.sources.some((x) => x.includes('3/111/PK.02.01/IV/2022'))).toBe(true);
  });

  it('Cambodia, Myanmar, Laos, Vietnam and the Philippines are not placement countries', () => {
    for (const c of ['KHM', 'MMR', 'LAO', 'VNM', 'PHL']) expect(countryStatus(DEFAULT_COUNTRY_RULES, c).notPlacement, c).toBe(true);
  });

  it('with the whole placement list, a country absent from it is not a placement country; Indonesia never is flagged', () => {
    expect(countryStatus(DEFAULT_COUNTRY_RULES, 'AUS')).toMatchObject({ placement: false, notPlacement: true, sources: [] });
    expect(countryStatus(DEFAULT_COUNTRY_RULES, 'IDN').notPlacement).toBe(false);
  });

  it('with a partial list, only explicit entries count', () => {
    const partial: CountryRules = {
      version: 'x',
      placementListComplete: false,
      entries: [
        { country: 'MYS', list: 'placement', source: 's1' },
        { country: 'KHM', list: 'not_placement', source: 's2' },
      ],
    };
    expect(countryStatus(partial, 'AUS')).toEqual({ placement: false, moratorium: false, notPlacement: false, sources: [] });
    expect(countryStatus(partial, 'KHM')).toEqual({ placement: false, moratorium: false, notPlacement: true, sources: ['s2'] });
  });
});
