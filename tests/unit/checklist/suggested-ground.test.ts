// The ground offered first for a decision: the one the chosen reasons point to, among those the outcome allows,
// and none at all when no reason points anywhere (a power is never guessed).
import { describe, expect, it } from 'vitest';
import { LEGAL_GROUNDS, REASON_CODES, suggestedGround } from '../../../shared/checklist';

describe('suggestedGround', () => {
  it('offers the PMI-protection ground for a Tunda over missing work documents', () => {
    expect(suggestedGround('tunda', ['NO_ID_PMI', 'NO_CONTRACT'])?.code).toBe('UU18_2017_PMI_PROTECTION');
  });

  it('offers the trafficking law when the police referral rests on trafficking signs', () => {
    expect(suggestedGround('refer_police', ['DOCUMENTS_HELD_BY_OTHER', 'DEBT_BONDAGE'])?.code).toBe('UU21_2007_TPPO');
  });

  it('only offers a ground the outcome allows', () => {
    // UU 18/2017 does not support a referral to Imigrasi; the circular on non-procedural workers does.
    expect(suggestedGround('refer_imigrasi', ['NO_ID_PMI'])?.code).toBe('SE_IMI_5890_2021_NON_PROCEDURAL');
    expect(suggestedGround('passport_action', ['PREVENTION_LIST'])?.code).toBe('PERMENKUMHAM_8_2014_PREVENTION_LIST');
  });

  it('sends a tourist to a routine Imigrasi inspection on a neutral ground, never as a suspected non-procedural worker', () => {
    expect(suggestedGround('refer_imigrasi', ['ONE_WAY_TICKET', 'EARLIER_HOLD'])?.code).toBe('UU6_2011_P9_EXAMINATION');
    expect(suggestedGround('refer_imigrasi', ['ROUTINE_CLARIFICATION'])?.citation).toBe('UU No. 6 Tahun 2011 tentang Keimigrasian, Pasal 9');
  });

  it('offers nothing when no reason points to a ground', () => {
    expect(suggestedGround('tunda', [])).toBeUndefined();
    expect(suggestedGround('passport_action', ['NO_ID_PMI'])).toBeUndefined();
    expect(suggestedGround('clear', ['NO_ID_PMI'])).toBeUndefined();
  });

  it('names only reason codes that exist', () => {
    const known = new Set(REASON_CODES.map((r) => r.code));
    for (const ground of LEGAL_GROUNDS) for (const code of ground.suggestedBy) expect(known.has(code), `${ground.code}: ${code}`).toBe(true);
  });
});
