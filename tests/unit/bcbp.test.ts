// Boarding passes as a scanner types them (IATA BCBP, format M): the legs they cover, and the airports a traveller
// lands at once the passes are read in the order of travel.
import { describe, expect, it } from 'vitest';
import { landingAirports, parseBoardingPass, typedAirports } from '../../shared/bcbp';

/** One leg's 37 mandatory characters, padded as the format fixes them, with no conditional section. */
const leg = (pnr: string, from: string, to: string, carrier: string, flight: string, day: string, seat: string, sequence: string) =>
  `${pnr.padEnd(7)}${from}${to}${carrier.padEnd(3)}${flight.padStart(4, '0').padEnd(5)}${day}Y${seat}${sequence.padStart(4, '0').padEnd(5)}100`;
const pass = (name: string, ...legs: string[]) => `M${legs.length}${name.padEnd(20)}E${legs.join('')}`;

describe('parseBoardingPass', () => {
  it('reads the example of the IATA standard', () => {
    const read = parseBoardingPass('M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100');
    expect(read).toEqual({ ok: true, pass: { name: 'DESMARAIS/LUC', legs: [{ pnr: 'ABC123', from: 'YUL', to: 'FRA', carrier: 'AC', flight: '834', julianDay: 326 }] } });
  });

  it('reads every leg of a through pass, skipping each conditional section by its stated size', () => {
    const first = leg('XK4P2Q', 'PLM', 'KUL', 'AK', '1305', '337', '012A', '42').replace(/00$/, '0C') + '>5180 ABCDEF';
    const second = leg('XK4P2Q', 'KUL', 'PNH', 'AK', '542', '338', '015C', '43');
    const read = parseBoardingPass(`${pass('LESTARI/SITI', first, second)}^164GIWVC5EH7JNT684FVNJ91W2QA4DVN5J8K4F0L0GEQ3DF5TGBN8709HKT5D3DW3GBHFCVHMY7J5T6HFR41W2QA4DVN5J8K4F0L0GE\n`);
    expect(read.ok && read.pass.legs.map((l) => `${l.from}-${l.to} ${l.carrier} ${l.flight}`)).toEqual(['PLM-KUL AK 1305', 'KUL-PNH AK 542']);
    expect(read.ok && read.pass.name).toBe('LESTARI/SITI');
  });

  it('refuses what is not a boarding pass, a cut-off one, and a leg without airports', () => {
    expect(parseBoardingPass('P<IDNLESTARI<<SITI<<<<<<<<<<<<<<<<<<<<<<<<<<<')).toEqual({ ok: false, problem: 'not_bcbp' });
    expect(parseBoardingPass('M1DESMARAIS/LUC       EABC123 YULFRAAC 08')).toEqual({ ok: false, problem: 'truncated' });
    expect(parseBoardingPass('M1DESMARAIS/LUC       EABC123 Y1LFRAAC 0834 326J001A0025 100')).toEqual({ ok: false, problem: 'bad_leg' });
    expect(parseBoardingPass('M2DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100')).toEqual({ ok: false, problem: 'truncated' });
  });
});

describe('landingAirports', () => {
  const kulPnh = { pnr: 'X', from: 'KUL', to: 'PNH', carrier: 'AK', flight: '542', julianDay: 338 };
  const plmKul = { pnr: 'X', from: 'PLM', to: 'KUL', carrier: 'AK', flight: '1305', julianDay: 337 };
  it('follows the legs in the order of travel, and a pass read twice adds nothing', () => {
    expect(landingAirports([], [plmKul, kulPnh])).toEqual(['KUL', 'PNH']);
    expect(landingAirports(['KUL', 'PNH'], [plmKul, kulPnh])).toEqual(['KUL', 'PNH']);
  });
  it('puts a leg from a known airport right after it, and goes on from what was typed', () => {
    expect(landingAirports(['KUL', 'DXB'], [kulPnh])).toEqual(['KUL', 'PNH', 'DXB']);
    expect(landingAirports(['SIN'], [kulPnh])).toEqual(['SIN', 'PNH']);
  });
});

describe('typedAirports', () => {
  it('takes codes as an officer types them', () => {
    expect(typedAirports('kul > bkk, pnh')).toEqual(['KUL', 'BKK', 'PNH']);
    expect(typedAirports('KUL-BKK')).toEqual(['KUL', 'BKK']);
    expect(typedAirports('  ')).toEqual([]);
  });
});
