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
    const complete: CountryRules = { ...DEFAULT_COUNTRY_RULES, placementListComplete: true };
    expect(countryStatus(complete, 'AUS')).toMatchObject({ placement: false, notPlacement: true, unlisted: false, sources: [] });
    expect(countryStatus(complete, 'IDN').notPlacement).toBe(false);
  });

  it('the shipped list says it is partial: a country missing from it is unlisted (ask BP3MI), not closed', () => {
    expect(DEFAULT_COUNTRY_RULES.placementListComplete).toBe(false);
    expect(countryStatus(DEFAULT_COUNTRY_RULES, 'AUS')).toMatchObject({ placement: false, notPlacement: false, unlisted: true });
    expect(countryStatus(DEFAULT_COUNTRY_RULES, 'IDN').unlisted).toBe(false);
    expect(countryStatus(DEFAULT_COUNTRY_RULES, 'MYS').unlisted).toBe(false);
  });

  it('names the scam-compound route and its gateway with sources, and records its caveats with dates', () => {
    for (const c of ['KHM', 'MMR', 'LAO']) expect(countryStatus(DEFAULT_COUNTRY_RULES, c), c).toMatchObject({ traffickingRoute: true, notPlacement: true });
    expect(countryStatus(DEFAULT_COUNTRY_RULES, 'THA')).toMatchObject({ routeGateway: true, placement: true, traffickingRoute: false });
    const caveats = DEFAULT_COUNTRY_RULES.caveats ?? [];
    expect(caveats.map((c) => c.source).join(' ')).toMatch(/291 Tahun 2018/);
    expect(caveats.map((c) => c.source).join(' ')).toMatch(/260 Tahun 2015/);
    for (const c of caveats) expect(c.asOf).toMatch(/^\d{4}-\d{2}/);
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
    const none = { traffickingRoute: false, routeGateway: false };
    expect(countryStatus(partial, 'AUS')).toEqual({ placement: false, moratorium: false, notPlacement: false, unlisted: true, ...none, sources: [] });
    expect(countryStatus(partial, 'KHM')).toEqual({ placement: false, moratorium: false, notPlacement: true, unlisted: false, ...none, sources: ['s2'] });
  });
});
