// The slip is handed over in front of whoever travels with the traveller: for a held coached victim it names no
// indicator, no note and no suspicion, cites the ground by instrument and article, and always says where to get help.
import { describe, expect, it } from 'vitest';
import { LEGAL_GROUNDS, REASON_CODES, type Outcome } from '../../../shared/checklist';
import type { CaseDetail } from '../../../shared/contract';
import { slipSchema } from '../../../shared/contract/slips';
import { DEFAULT_SLIP_SETTINGS, NATIONAL_HELPLINE, buildSlip } from '../../../shared/slips/slip-model';

/** The shipped slip settings at the Palembang desk. */
const SETTINGS = { ...DEFAULT_SLIP_SETTINGS, airportCode: 'PLM' };

const NOTE = 'Takut; pendamping (calo) memegang paspor dan menjawab untuknya. Tujuan sebenarnya Kamboja.';
const DISCLOSING = ['ANSWERED_BY_OTHER', 'OBSERVED_FEAR', 'COACHED', 'DOCUMENTS_HELD_BY_OTHER', 'DEBT_BONDAGE', 'SUSPECTED_TPPO', 'WATCH_LIST', 'SCAM_ROUTE', 'VISIBLE_INJURIES', 'MET_BY_UNKNOWN'];

/** What a ground's printed text must never say: the suspicion, the kind of case, or who the traveller is handed to. */
const NAMES_SUSPICION = /perdagangan|trafficking|TPPO|prosedural|procedural|dugaan|diduga|suspect|tersangka|korban|victim|pencegahan|prevent|penyidikan|investigat|calo|polres|polisi|police/i;

function heldVictim(outcome: Outcome, legalGround: string): CaseDetail {
  return {
    id: 'c1',
    caseNumber: 'PLM-D01-261203-0007',
    traveller: { primaryIdentifier: 'LESTARI', secondaryIdentifier: 'SITI' },
    documentNumber: 'C1234567',
    status: 'decided',
    decisionDetail: {
      outcome,
      reasons: DISCLOSING,
      legalGround,
      note: NOTE,
      decidedAt: '2026-12-03T10:00:00Z',
      decidedBy: 'BP-1',
      decidedByName: 'Petugas Satu',
      decidedByAgency: 'BP3MI',
      countersignedBy: null,
      countersignedByName: null,
      countersignedAt: null,
    },
  } as unknown as CaseDetail;
}

describe('the slip of a held coached victim', () => {
  it.each([
    ['refer_police', 'UU21_2007_TPPO'],
    ['refer_bp3mi', 'UU21_2007_TPPO'],
    ['tunda', 'UU18_2017_PMI_PROTECTION'],
  ] as const)('%s on %s discloses no indicator, note or suspicion', (outcome, ground) => {
    const slip = buildSlip(heldVictim(outcome, ground), SETTINGS, new Date('2026-12-03T10:05:00Z'));
    const printed = JSON.stringify(slip);
    for (const code of DISCLOSING) {
      const reason = REASON_CODES.find((r) => r.code === code);
      expect(printed, code).not.toContain(reason?.text.id);
      expect(printed, code).not.toContain(reason?.text.en);
      expect(printed).not.toContain(code);
    }
    expect(printed).not.toContain('Takut');
    expect(printed).not.toContain('Kamboja');
    expect(printed).not.toMatch(/perdagangan|trafficking|TPPO|korban|victim|calo|pengawasan|watch/i);
    for (const g of LEGAL_GROUNDS) expect(printed).not.toContain(g.title.id);
    expect(slip?.reasons).toEqual([{ id: 'Perlu klarifikasi lanjutan', en: 'Further clarification needed' }]);
    expect(slip?.note).toBe('');
    expect(slip?.ground?.citation).toMatch(/^UU No\. (21 Tahun 2007, Pasal 57|18 Tahun 2017, Pasal 13)$/);
    // Neither the offence articles nor the confidentiality article the case records reach the slip.
    expect(printed).not.toMatch(/Pasal (4|10|44)\b/);
  });

  // Every ground in the data, with every outcome it may be cited for: the slip prints its instrument and article and
  // nothing else of it, and that names no suspicion (UU 21/2007's number is the one exception: see the README).
  it.each(LEGAL_GROUNDS.flatMap((g) => g.outcomes.map((outcome) => [g.code, outcome] as const)))('%s cited for %s prints instrument and article only', (code, outcome) => {
    const ground = LEGAL_GROUNDS.find((g) => g.code === code)!;
    const slip = buildSlip(heldVictim(outcome, code), SETTINGS, new Date('2026-12-03T10:05:00Z'));
    expect(slip?.ground).toEqual({ title: { id: 'Sesuai ketentuan', en: 'Under the provision' }, citation: ground.instrument });
    expect(ground.instrument).toMatch(/^(UU No\. \d+ Tahun \d{4}|Permenkumham No\. \d+ Tahun \d{4}|SE Dirjen Imigrasi No\. [\w.-]+ Tahun \d{4})(, Pasal \d+)?((;| jo\.) Permenkumham No\. \d+ Tahun \d{4})?$/);
    // A law is cited with its article: an Act is too wide a ground for a decision about one traveller.
    if (ground.instrument.startsWith('UU ')) expect(ground.instrument, code).toMatch(/, Pasal \d+$/);
    const printed = JSON.stringify(slip);
    expect(printed).not.toMatch(NAMES_SUSPICION);
    expect(printed).not.toContain(ground.title.id);
    expect(printed).not.toContain(ground.title.en);
    if (ground.citation !== ground.instrument) expect(printed).not.toContain(ground.citation);
  });

  it('always gives a way to get help: the national call centre until an admin sets the office and hotline', () => {
    const unset = buildSlip(heldVictim('refer_bp3mi', 'UU21_2007_TPPO'), SETTINGS, new Date());
    expect(unset?.bp3miHotline).toBe(NATIONAL_HELPLINE.hotline);
    expect(unset?.bp3miAddress).toBe(NATIONAL_HELPLINE.address);
    const set = buildSlip(heldVictim('refer_bp3mi', 'UU21_2007_TPPO'), { ...SETTINGS, bp3miHotline: '0711-000000', bp3miAddress: 'Jl. Contoh 1' }, new Date());
    expect(set).toMatchObject({ bp3miHotline: '0711-000000', bp3miAddress: 'Jl. Contoh 1' });
    // Spaces are no setting: the call centre stands in, and the contract refuses a slip with no way to get help.
    const blank = buildSlip(heldVictim('refer_bp3mi', 'UU21_2007_TPPO'), { ...SETTINGS, bp3miHotline: '   ', bp3miAddress: ' ' }, new Date());
    expect(blank).toMatchObject({ bp3miHotline: NATIONAL_HELPLINE.hotline, bp3miAddress: NATIONAL_HELPLINE.address });
    expect(slipSchema.safeParse(blank).success).toBe(true);
    expect(slipSchema.safeParse({ ...blank, bp3miHotline: '' }).success).toBe(false);
    expect(slipSchema.safeParse({ ...blank, bp3miAddress: '  ' }).success).toBe(false);
  });

  it('reads the same for every referral, so nobody can tell a referral to the police or to victim support from a routine check', () => {
    const at = new Date('2026-12-03T10:05:00Z');
    const printed = (['refer_police', 'refer_bp3mi', 'refer_imigrasi'] as const).map((outcome) => {
      const slip = buildSlip(heldVictim(outcome, 'UU21_2007_TPPO'), SETTINGS, at);
      return JSON.stringify(slip);
    });
    expect(new Set(printed).size).toBe(1);
    expect(printed[0]).not.toMatch(/polres|polisi|police|pemeriksaan lanjutan imigrasi|secondary inspection|shelter|tempat tinggal sementara/i);
    expect(JSON.parse(printed[0]!).decision).toEqual({ id: 'Klarifikasi lanjutan bersama petugas', en: 'Further clarification with an officer' });
  });

  it('promises no onward journey on a Tunda', () => {
    const slip = buildSlip(heldVictim('tunda', 'UU18_2017_PMI_PROTECTION'), SETTINGS, new Date());
    expect(JSON.stringify(slip?.nextSteps)).not.toMatch(/berangkat kembali|travel again/i);
    // Nor does its heading: "until the requirements are complete" is a promise no document keeps for a closed country.
    expect(slip?.decision).toEqual({ id: 'Keberangkatan ditunda', en: 'Departure delayed' });
  });
});
