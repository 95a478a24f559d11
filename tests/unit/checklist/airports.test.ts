// The airport list for manual travel entry and its search.
import { describe, expect, it } from 'vitest';
import { AIRPORTS, airportByIata, searchAirports } from '../../../shared/reference-data/airports';

describe('AIRPORTS', () => {
  it('holds a few hundred airports with unique three-letter codes and alpha-3 countries', () => {
    expect(AIRPORTS.length).toBeGreaterThan(300);
    expect(new Set(AIRPORTS.map((a) => a.iata)).size).toBe(AIRPORTS.length);
    for (const a of AIRPORTS) {
      expect(a.iata, a.name).toMatch(/^[A-Z]{3}$/);
      expect(a.country, a.iata).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('includes the routes of the desk and the main hubs, in the right countries', () => {
    const expected: Record<string, string> = {
      PLM: 'IDN', CGK: 'IDN', KUL: 'MYS', SIN: 'SGP', MED: 'SAU', JED: 'SAU', BKK: 'THA', PNH: 'KHM',
      HKG: 'HKG', TPE: 'TWN', ICN: 'KOR', NRT: 'JPN', DXB: 'ARE', DOH: 'QAT', RUH: 'SAU',
    };
    for (const [iata, country] of Object.entries(expected)) expect(airportByIata(iata)?.country, iata).toBe(country);
    expect(airportByIata('plm')?.city).toBe('Palembang');
  });
});

describe('searchAirports', () => {
  it('puts the exact IATA code first, case-insensitively', () => {
    expect(searchAirports('med')[0]?.iata).toBe('MED');
    expect(searchAirports('KUL')[0]?.iata).toBe('KUL');
    expect(searchAirports(' plm ')[0]?.iata).toBe('PLM');
  });

  it('finds by city, then by name, and by the names people use', () => {
    expect(searchAirports('medan')[0]?.iata).toBe('KNO');
    expect(searchAirports('jakarta').map((a) => a.iata)).toEqual(['CGK', 'HLP']);
    expect(searchAirports('kuala')[0]?.iata).toBe('KUL');
    expect(searchAirports('bali')[0]?.iata).toBe('DPS');
    expect(searchAirports('Madinah')[0]?.iata).toBe('MED');
    expect(searchAirports('changi')[0]?.iata).toBe('SIN');
    expect(searchAirports('Soekarno')[0]?.iata).toBe('CGK');
  });

  it('ignores accents and respects the limit', () => {
    expect(searchAirports('Düsseldorf')[0]?.iata).toBe('DUS');
    expect(searchAirports('a', 3)).toHaveLength(3);
    expect(searchAirports('international')).toHaveLength(10);
    expect(searchAirports('')).toEqual([]);
    expect(searchAirports('zzzzqq')).toEqual([]);
  });
});
