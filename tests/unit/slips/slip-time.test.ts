// The slip's time is the airport's clock (Palembang: WIB, UTC+7) and says so, whatever zone the desk PC is set to.
// Node reads TZ again whenever it is set, so the same instant is formatted under several PC zones in one run.
import { afterEach, describe, expect, it } from 'vitest';
import { AIRPORTS } from '../../../shared/reference-data/airports';
import { airportDateTime, airportTime } from '../../../shared/reference-data/airport-time';
import { DEFAULT_SLIP_SETTINGS, buildSlip } from '../../../shared/slips/slip-model';
import type { CaseDetail } from '../../../shared/contract';

const SETTINGS = { ...DEFAULT_SLIP_SETTINGS, airportCode: 'PLM' };
const PC_ZONE = process.env.TZ;
afterEach(() => {
  if (PC_ZONE === undefined) delete process.env.TZ;
  else process.env.TZ = PC_ZONE;
});

const decided = {
  id: 'c1',
  caseNumber: 'PLM-D01-261203-0007',
  traveller: { primaryIdentifier: 'LESTARI', secondaryIdentifier: 'SITI' },
  documentNumber: 'C1234567',
  status: 'decided',
  decisionDetail: { outcome: 'tunda', reasons: [], legalGround: 'UU18_2017_PMI_PROTECTION', note: '', decidedByName: 'Petugas Satu', decidedByAgency: 'BP3MI', countersignedByName: null },
} as unknown as CaseDetail;

describe("the slip's time", () => {
  // 20:05 UTC is already the next day in Palembang (03:05 WIB), and still the same day in New York or London.
  const instant = new Date('2026-12-03T20:05:00Z');

  it.each(['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'])('is printed in WIB on a PC set to %s', (zone) => {
    process.env.TZ = zone;
    // The PC's own clock reads otherwise: the test would pass for nothing if TZ were ignored.
    expect(instant.getHours()).not.toBe(3);
    const slip = buildSlip(decided, SETTINGS, instant);
    expect(slip?.issuedAtLocal).toBe('04/12/2026 03.05 WIB');
    expect(slip?.issuedAt).toBe('2026-12-03T20:05:00.000Z');
  });

  it('follows the airport the desk is at', () => {
    expect(buildSlip(decided, { ...SETTINGS, airportCode: 'DPS' }, instant)?.issuedAtLocal).toBe('04/12/2026 04.05 WITA');
    expect(airportDateTime(instant, 'DJJ')).toBe('04/12/2026 05.05 WIT');
    // An airport the desk does not know is printed in UTC, labelled so, never as a local time that may be wrong.
    expect(airportDateTime(instant, 'ZZZ')).toBe('03/12/2026 20.05 UTC');
  });

  it('knows the zone of every Indonesian airport of the list', () => {
    const indonesian = AIRPORTS.filter((a) => a.country === 'IDN');
    expect(indonesian.length).toBeGreaterThan(60);
    for (const airport of indonesian) expect(airportTime(airport.iata).label, airport.iata).not.toBe('UTC');
    expect(airportTime('PLM')).toEqual({ zone: 'Asia/Jakarta', label: 'WIB' });
  });
});
