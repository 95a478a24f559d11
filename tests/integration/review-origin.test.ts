// Where held travellers come from (issue 17 item 3) on the real core: the origin recorded by the interview as codes
// of the area data (never free text), refused when unknown or inconsistent, kept as an event that rebuilds the row
// on another desk, completed on a hold until its sign-off, and filtered by in the daily queue.
import { afterEach, describe, expect, it } from 'vitest';
import { PROVINCES, REGENCIES, provinceName, regencyName, searchRegencies } from '../../shared/reference-data/areas';
import { IDN_AREA_DATA_VERSION } from '../../shared/reference-data/idn-areas.data';
import { CLEAR, OFFICER_BP, SPV_BP, SPV_IM, TUNDA, cleanReviewDesks, deliver, desk, freshDb, mrz, must } from './review-harness';

afterEach(cleanReviewDesks);

describe('the area data', () => {
  it('holds every province and regency/city of the package, and finds them by the start of their words', () => {
    expect(IDN_AREA_DATA_VERSION).toBe('4.0.1');
    expect(PROVINCES).toHaveLength(38);
    expect(REGENCIES).toHaveLength(514);
    expect(regencyName('16.71')).toBe('Kota Palembang');
    expect(provinceName('16')).toBe('Sumatera Selatan');
    expect(searchRegencies('palem').map((r) => r.code)).toEqual(['16.71']);
    expect(searchRegencies('ogan ilir').map((r) => r.name)).toEqual(['Kabupaten Ogan Ilir', 'Kabupaten Ogan Komering Ilir']);
    // A province's name finds its regencies; within a province only its own.
    expect(searchRegencies('lubuk', '16').map((r) => r.name)).toEqual(['Kota Lubuk Linggau']);
    expect(searchRegencies('', '16', 100)).toHaveLength(17);
    expect(searchRegencies('sumatera selatan', null, 100).filter((r) => r.provinceCode === '16')).toHaveLength(17);
  });
});

describe('origin of a traveller', () => {
  it('is recorded as codes, refused when unknown or not in its province, and changes nothing when repeated', () => {
    const a = desk();
    const { cases } = a.services;
    const opened = must(cases.open({ source: 'manual', mrz: mrz('A2000001') }, OFFICER_BP));
    expect(opened.origin).toEqual({ provinceCode: null, regencyCode: null });
    const refused = (provinceCode: string | null, regencyCode: string | null) => {
      const result = cases.recordOrigin({ caseId: opened.id, provinceCode, regencyCode }, OFFICER_BP);
      return result.ok ? 'ok' : result.error.reason;
    };
    expect(refused('99', null)).toBe('unknownProvince');
    expect(refused('16', '16.99')).toBe('unknownRegency');
    expect(refused('32', '16.71')).toBe('regencyNotInProvince');
    expect(refused(null, '16.71')).toBe('regencyNotInProvince');
    const recorded = must(cases.recordOrigin({ caseId: opened.id, provinceCode: '16', regencyCode: '16.71' }, OFFICER_BP));
    expect(recorded.origin).toEqual({ provinceCode: '16', regencyCode: '16.71' });
    must(cases.recordOrigin({ caseId: opened.id, provinceCode: '16', regencyCode: '16.71' }, OFFICER_BP));
    // Only the first, valid recording is an event; the refusals and the repeat wrote nothing.
    expect(a.events().filter((e) => e.type === 'case.origin_recorded')).toHaveLength(1);
    // A province alone is allowed (the traveller knows no more); null clears.
    expect(must(cases.recordOrigin({ caseId: opened.id, provinceCode: '16', regencyCode: null }, OFFICER_BP)).origin.regencyCode).toBeNull();
  });

  it('is completed on a hold until its sign-off, never on a clear case, and rebuilds on another desk', () => {
    const a = desk();
    const { cases, review } = a.services;
    const caseId = a.hold('A2000002', TUNDA, OFFICER_BP);
    must(cases.recordOrigin({ caseId, provinceCode: '33', regencyCode: '33.01' }, SPV_BP));
    must(review.recordOutcome({ caseId, outcome: 'handed_to_bp3mi', happenedAt: a.minutes(0), note: '' }, SPV_BP));
    must(review.signOff(caseId, SPV_IM));
    const late = cases.recordOrigin({ caseId, provinceCode: '16', regencyCode: '16.71' }, SPV_BP);
    expect(late.ok ? 'ok' : late.error.reason).toBe('originClosed');
    const clear = cases.recordOrigin({ caseId: a.hold('A2000003', CLEAR, OFFICER_BP), provinceCode: '16', regencyCode: '16.71' }, OFFICER_BP);
    expect(clear.ok ? 'ok' : clear.error.reason).toBe('originClosed');

    const other = freshDb();
    deliver(other, a.events());
    expect(other.prepare('SELECT origin_province, origin_regency FROM cases WHERE id = ?').get(caseId)).toEqual({ origin_province: '33', origin_regency: '33.01' });
    const audited = a.services.db.prepare("SELECT detail FROM audit_log WHERE action = 'case.origin_recorded'").all() as { detail: string }[];
    expect(audited.map((row) => JSON.parse(row.detail) as unknown)).toEqual([expect.objectContaining({ caseId, regencyCode: '33.01' })]);
  });

  it('filters the daily queue by regency and lists the regencies present', () => {
    const a = desk();
    const palembang = a.hold('A2000004', TUNDA, OFFICER_BP);
    a.hold('A2000005', TUNDA, OFFICER_BP);
    must(a.services.cases.recordOrigin({ caseId: palembang, provinceCode: '16', regencyCode: '16.71' }, OFFICER_BP));
    expect(a.queue({ originRegency: '16.71' }).rows.map((r) => r.id)).toEqual([palembang]);
    expect(a.queue().choices.regencies).toEqual(['16.71']);
    expect(a.queue().rows.find((r) => r.id === palembang)?.originRegency).toBe('16.71');
  });
});
