// A case number as the desk writes it is what the slip scanner and the keyboard wedge recognise, and nothing looser.
import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_PATTERN, caseNumber, caseNumberPrefix } from '../../shared/cases/case-number';

describe('case numbers', () => {
  it('are written airport-desk-day-counter and recognised by the one pattern', () => {
    const written = caseNumber(caseNumberPrefix('PLM', 'D01', new Date('2026-11-28T16:59:00Z')), 42);
    expect(written).toBe('PLM-D01-261128-0042');
    expect(CASE_NUMBER_PATTERN.test(written)).toBe(true);
    expect(CASE_NUMBER_PATTERN.test(caseNumber(caseNumberPrefix('CGK', 'A9ZZ', new Date(2027, 0, 2)), 9999))).toBe(true);
    expect(CASE_NUMBER_PATTERN.test(caseNumber(caseNumberPrefix('DPS', 'D1', new Date(2027, 0, 2)), 1))).toBe(true);
  });

  it("carry the airport's day, whatever zone the PC is set to", () => {
    // 01.30 WIB on the 29th is still the 28th in UTC (and in Europe, where a PC may be left set): Palembang's day counts.
    expect(caseNumberPrefix('PLM', 'D01', new Date('2026-11-28T18:30:00Z'))).toBe('PLM-D01-261129-');
    expect(caseNumberPrefix('PLM', 'D01', new Date('2026-11-28T16:59:59Z'))).toBe('PLM-D01-261128-');
    // New Year in Makassar (WITA, UTC+8) comes an hour before Palembang's.
    expect(caseNumberPrefix('UPG', 'D01', new Date('2026-12-31T16:30:00Z'))).toBe('UPG-D01-270101-');
    expect(caseNumberPrefix('PLM', 'D01', new Date('2026-12-31T16:30:00Z'))).toBe('PLM-D01-261231-');
  });

  it('refuses what only looks like one', () => {
    for (const text of ['PLM-D01-261128-42', 'plm-D01-261128-0042', 'PLM-D01-261128-0042X', 'PLM-DESK01-261128-0042', 'P1M-D01-261128-0042']) {
      expect(CASE_NUMBER_PATTERN.test(text), text).toBe(false);
    }
  });
});
