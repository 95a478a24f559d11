// The review's report (issue 17 item 4) on the real core: a day, a week or a month beside the period before it,
// holds from two desks counted by decision, destination, indicator, agency, desk, hour of day and origin regency;
// the queue's filters; the calendar's periods; every report audited with who, period and filters; officers refused.
import { afterEach, describe, expect, it } from 'vitest';
import { reportFilterSchema, type ReviewReport } from '../../shared/contract';
import { reportWindow } from '../../shared/review/report-period';
import { ADMIN, openDeskWithAdmin } from './core-harness';
import { CLEAR, OFFICER_BP, OFFICER_IM, PASSPORT, REFER, SPV_BP, TUNDA, cleanReviewDesks, deliver, desk, mrz, must, onCleanup } from './review-harness';
import { CLEAR_TOURIST_TRIAGE, NO_RETURN_TICKET } from '../fixtures/triage-answers';
import { openDatabase } from '../../electron/core/db/connection';

afterEach(cleanReviewDesks);

const count = (report: ReviewReport, breakdown: keyof ReviewReport['breakdowns'], key: string | null) =>
  report.breakdowns[breakdown].find((c) => c.key === key) ?? { key, current: 0, previous: 0 };

describe('review report', () => {
  it('knows its periods: a day, a Monday-to-Sunday week and a calendar month, each with the one before', () => {
    expect(reportWindow('day', '2026-03-01', '+07:00')).toEqual({
      from: '2026-03-01T00:00:00+07:00', to: '2026-03-02T00:00:00+07:00', previousFrom: '2026-02-28T00:00:00+07:00', previousTo: '2026-03-01T00:00:00+07:00',
    });
    // 2026-11-28 is a Saturday: its week runs from Monday the 23rd.
    expect(reportWindow('week', '2026-11-28', '+07:00')).toMatchObject({ from: '2026-11-23T00:00:00+07:00', to: '2026-11-30T00:00:00+07:00', previousFrom: '2026-11-16T00:00:00+07:00' });
    expect(reportWindow('month', '2026-01-31', '+07:00')).toEqual({
      from: '2026-01-01T00:00:00+07:00', to: '2026-02-01T00:00:00+07:00', previousFrom: '2025-12-01T00:00:00+07:00', previousTo: '2026-01-01T00:00:00+07:00',
    });
    expect(reportFilterSchema.safeParse({ period: 'year', day: '2026-11-28' }).success).toBe(false);
    expect(reportFilterSchema.safeParse({ period: 'day', day: '2026-11-31' }).success).toBe(false);
    expect(reportFilterSchema.safeParse({ period: 'day', day: '2026-11-28', utcOffset: '7' }).success).toBe(false);
  });

  it('counts two desks’ holds by every breakdown beside the previous period, and audits who asked for what', () => {
    const a = desk('D01');
    // 28 November 08:00 UTC is 15:00 in Palembang.
    // Its interview raises an indicator: no return ticket.
    const palembang = must(a.services.cases.open({ source: 'manual', mrz: mrz('A4000001') }, OFFICER_BP)).id;
    must(a.services.cases.recordAnswers({ caseId: palembang, answers: { ...CLEAR_TOURIST_TRIAGE, ...NO_RETURN_TICKET } }, OFFICER_BP));
    must(a.services.cases.decide({ caseId: palembang, ...TUNDA, contact: null }, OFFICER_BP));
    must(a.services.cases.recordOrigin({ caseId: palembang, provinceCode: '16', regencyCode: '16.71' }, SPV_BP));
    a.hold('A4000002', CLEAR, OFFICER_BP);
    a.clock.now = new Date('2026-11-28T23:30:00Z'); // 06:30 on the 29th in Palembang: the next day there
    a.hold('A4000003', PASSPORT, OFFICER_IM);
    const b = desk('D02');
    b.clock.now = new Date('2026-11-28T01:00:00Z');
    b.hold('B4000004', REFER, OFFICER_BP);
    b.clock.now = new Date('2026-11-27T02:00:00Z'); // the day before, in both zones
    b.hold('B4000005', TUNDA, OFFICER_BP);
    deliver(a.services.db, b.events());

    const day = a.services.review.report(reportFilterSchema.parse({ period: 'day', day: '2026-11-28' }), SPV_BP);
    expect(day.totals).toEqual({ decided: { current: 3, previous: 1 }, holds: { current: 2, previous: 1 } });
    expect(count(day, 'decision', 'tunda')).toEqual({ key: 'tunda', current: 1, previous: 1 });
    expect(count(day, 'decision', 'refer_bp3mi')).toEqual({ key: 'refer_bp3mi', current: 1, previous: 0 });
    expect(count(day, 'decision', 'passport_action')).toEqual({ key: 'passport_action', current: 0, previous: 0 });
    expect(count(day, 'desk', 'PLM-D01')).toMatchObject({ current: 1, previous: 0 });
    expect(count(day, 'desk', 'PLM-D02')).toMatchObject({ current: 1, previous: 1 });
    expect(count(day, 'agency', 'BP3MI')).toMatchObject({ current: 2, previous: 1 });
    expect(count(day, 'regency', '16.71')).toMatchObject({ current: 1, previous: 0 });
    expect(count(day, 'regency', null)).toMatchObject({ current: 1, previous: 1 });
    expect(count(day, 'destination', null)).toMatchObject({ current: 2, previous: 1 });
    // Hours of the desk's day, all 24 in order: 15:00 and 08:00 today, 09:00 the day before.
    expect(day.breakdowns.hour.map((h) => h.key)).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(day.breakdowns.hour.filter((h) => h.current + h.previous > 0)).toEqual([
      { key: '08', current: 1, previous: 0 },
      { key: '09', current: 0, previous: 1 },
      { key: '15', current: 1, previous: 0 },
    ]);
    // Every hold counts once under each indicator its interview raised.
    const raised = (a.services.db.prepare("SELECT risk FROM cases WHERE document_number IN ('A4000001', 'B4000004')").pluck().all() as string[]).flatMap(
      (risk) => [...new Set((JSON.parse(risk) as { indicators: { id: string }[] }).indicators.map((i) => i.id))],
    );
    expect(raised.length).toBeGreaterThan(0);
    expect(Object.fromEntries(day.breakdowns.indicator.filter((c) => c.current > 0).map((c) => [c.key, c.current]))).toEqual(
      raised.reduce<Record<string, number>>((counts, id) => ({ ...counts, [id]: (counts[id] ?? 0) + 1 }), {}),
    );
    // Biggest first.
    expect(day.breakdowns.decision.map((c) => c.current)).toEqual([...day.breakdowns.decision.map((c) => c.current)].sort((x, y) => y - x));

    const week = a.services.review.report(reportFilterSchema.parse({ period: 'week', day: '2026-11-28', desk: 'PLM-D01' }), SPV_BP);
    expect(week.totals.holds).toEqual({ current: 2, previous: 0 });
    expect(count(week, 'decision', 'passport_action')).toMatchObject({ current: 1 });
    expect(count(week, 'agency', 'IMIGRASI')).toMatchObject({ current: 1 });

    const audited = a.services.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'review.report_viewed' ORDER BY seq").all() as { actor: string; detail: string }[];
    expect(audited.map((e) => ({ actor: e.actor, ...(JSON.parse(e.detail) as object) }))).toEqual([
      { actor: SPV_BP.officerNumber, period: 'day', from: '2026-11-28T00:00:00+07:00', to: '2026-11-29T00:00:00+07:00', filters: {}, holds: 2 },
      { actor: SPV_BP.officerNumber, period: 'week', from: '2026-11-23T00:00:00+07:00', to: '2026-11-30T00:00:00+07:00', filters: { desk: 'PLM-D01' }, holds: 2 },
    ]);
  });

  it('narrows to the officer who decided, lists every officer of both periods to pick from, and audits the filter', () => {
    const a = desk('D01');
    a.clock.now = new Date('2026-11-28T02:00:00Z');
    a.hold('A4100001', TUNDA, OFFICER_BP);
    a.hold('A4100002', PASSPORT, OFFICER_IM);
    a.hold('A4100003', REFER, OFFICER_IM);
    a.clock.now = new Date('2026-11-27T02:00:00Z'); // the day before
    a.hold('A4100004', TUNDA, OFFICER_IM);
    a.hold('A4100005', TUNDA, OFFICER_BP);
    const b = desk('D02');
    b.clock.now = new Date('2026-11-28T03:00:00Z');
    b.hold('B4100006', REFER, OFFICER_BP);
    deliver(a.services.db, b.events());

    const all = a.services.review.report(reportFilterSchema.parse({ period: 'day', day: '2026-11-28' }), SPV_BP);
    expect(all.totals.holds).toEqual({ current: 4, previous: 2 });
    const byImigrasi = a.services.review.report(reportFilterSchema.parse({ period: 'day', day: '2026-11-28', officer: OFFICER_IM.officerNumber }), SPV_BP);
    expect(byImigrasi.totals.holds).toEqual({ current: 2, previous: 1 });
    expect(count(byImigrasi, 'decision', 'passport_action')).toMatchObject({ current: 1, previous: 0 });
    expect(count(byImigrasi, 'decision', 'refer_bp3mi')).toMatchObject({ current: 1, previous: 0 });
    expect(count(byImigrasi, 'decision', 'tunda')).toMatchObject({ current: 0, previous: 1 });
    // The other desk's holds by the BP3MI officer count under their number too, whichever desk they sat at.
    const byBp = a.services.review.report(reportFilterSchema.parse({ period: 'day', day: '2026-11-28', officer: OFFICER_BP.officerNumber }), SPV_BP);
    expect(byBp.totals.holds).toEqual({ current: 2, previous: 1 });
    expect(count(byBp, 'desk', 'PLM-D02')).toMatchObject({ current: 1 });
    // The lists are the same with or without a filter: picking one officer does not hide the others.
    const officers = [
      { number: OFFICER_IM.officerNumber, name: OFFICER_IM.name },
      { number: OFFICER_BP.officerNumber, name: OFFICER_BP.name },
    ].sort((x, y) => x.name.localeCompare(y.name));
    expect(all.choices.officers).toEqual(officers);
    expect(byImigrasi.choices).toEqual(all.choices);
    expect(all.choices.desks).toEqual([
      { code: 'PLM-D01', name: 'Meja 1' },
      { code: 'PLM-D02', name: 'Meja 2' },
    ]);
    // Decided cases (clears included) are counted before the filters.
    expect(byImigrasi.totals.decided).toEqual(all.totals.decided);
    // An officer number no hold carries is no error: nothing matches.
    const nobody = a.services.review.report(reportFilterSchema.parse({ period: 'day', day: '2026-11-28', officer: 'NOBODY-1' }), SPV_BP);
    expect(nobody.totals.holds).toEqual({ current: 0, previous: 0 });

    const audited = a.services.db.prepare("SELECT detail FROM audit_log WHERE action = 'review.report_viewed' ORDER BY seq").pluck().all() as string[];
    expect(audited.map((d) => (JSON.parse(d) as { filters: object }).filters)).toEqual([
      {},
      { officer: OFFICER_IM.officerNumber },
      { officer: OFFICER_BP.officerNumber },
      { officer: 'NOBODY-1' },
    ]);
  });

  it('refuses an officer at the dispatch, and writes nothing down for the refused call', async () => {
    const d = await openDeskWithAdmin();
    onCleanup(() => d.close());
    const input = { period: 'month', day: '2026-11-28' } as const;
    expect(await d.call('review.report', input)).toMatchObject({ ok: true, value: { period: 'month', from: '2026-11-01T00:00:00+07:00' } });
    const officerAccount = { name: 'Budi Petugas', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'officer-pass-01' } as const;
    await d.must('officers.create', officerAccount);
    await d.must('session.signIn', { officerNumber: officerAccount.officerNumber, password: officerAccount.password });
    expect(await d.core.dispatch('review.report', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const db = openDatabase(d.core.databasePath);
    onCleanup(() => db.close());
    expect(db.prepare("SELECT actor FROM audit_log WHERE action = 'review.report_viewed'").pluck().all()).toEqual([ADMIN.officerNumber]);
  });
});
