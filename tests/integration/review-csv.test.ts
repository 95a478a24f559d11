// The review's CSV export (issue 17 item 5) on the real core: the file parsed back record by record with a parser
// of its own (RFC 4180), including names with a comma, a quote, a line break and Arabic script, and one that would
// run as a spreadsheet formula; masked document numbers unless asked; the queue's filters; a month at most; the
// shell's save dialog (saved or cancelled); in the browser host, audited only once the page says it wrote the file
// (once, for that supervisor, while fresh); every export audited with who and which filter; officers refused.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFilterSchema, reportFilterSchema, type Officer } from '../../shared/contract';
import { PENDING_EXPORT_TTL_MS } from '../../electron/core/review/pending-exports';
import type { ShellCapabilities } from '../../electron/core/types';
import { openDatabase } from '../../electron/core/db/connection';
import { parseCsv } from '../support/csv-parse';
import { ADMIN, openDeskWithAdmin } from './core-harness';
import { CLEAR, DAY, REFER, SPV_BP, SPV_IM, TUNDA, cleanReviewDesks, deliver, desk, must, onCleanup } from './review-harness';

afterEach(cleanReviewDesks);

const officer = (id: number, officerNumber: string, name: string): Officer => ({
  id,
  name,
  officerNumber,
  agency: 'BP3MI',
  role: 'officer',
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
});
const HARD_NAME = 'Siti, "Ina"\nعائشة بنت أحمد';
const FORMULA_NAME = '=HYPERLINK("http://x.example","klik")';
const MONTH = { from: '2026-11-01T00:00:00+07:00', to: '2026-12-01T00:00:00+07:00' };
const exportOf = (filter: Record<string, unknown>) => exportFilterSchema.parse({ ...MONTH, ...filter });
const csvAudit = (db: ReturnType<typeof desk>['services']['db']) =>
  (db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'review.csv_exported' ORDER BY seq").all() as { actor: string; detail: string }[]).map((e) => ({
    actor: e.actor,
    ...(JSON.parse(e.detail) as object),
  }));

describe('CSV export', () => {
  it('writes one record per hold that parses back field for field, BOM first, numbers masked unless asked', async () => {
    const a = desk('D01');
    const hard = a.hold('A3000001', TUNDA, officer(21, 'BP-HARD', HARD_NAME));
    must(a.services.cases.recordOrigin({ caseId: hard, provinceCode: '16', regencyCode: '16.71' }, SPV_BP));
    must(a.services.review.recordOutcome({ caseId: hard, outcome: 'handed_to_bp3mi', happenedAt: a.minutes(0), note: '' }, SPV_BP));
    must(a.services.review.signOff(hard, SPV_BP));
    a.clock.now = new Date('2026-11-28T09:00:00Z');
    a.hold('A3000002', CLEAR, officer(22, 'BP-2', 'Budi'));
    // Another desk's hold, synced in, decided by an officer whose name a spreadsheet would run as a formula.
    const b = desk('D02');
    b.clock.now = new Date('2026-11-03T01:00:00Z');
    b.hold('B3000003', REFER, officer(23, 'BP-3', FORMULA_NAME));
    deliver(a.services.db, b.events());

    const result = must(await a.services.review.exportCsv(exportOf({}), SPV_BP));
    expect(result.shellOutcome).toBeNull();
    expect(result.csv!.startsWith('\uFEFFcase_number,opened_at,')).toBe(true);
    const [header, ...records] = parseCsv(result.csv!.slice(1));
    expect(records).toHaveLength(2);
    expect(result.rows).toBe(2);
    const rows = records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    // Oldest first: desk 2's hold of 3 November, then desk 1's of the 28th.
    expect(rows[0]).toMatchObject({ desk_code: 'PLM-D02', desk_name: 'Meja 2', officer_name: `'${FORMULA_NAME}`, decision: 'refer_bp3mi', document_number: 'B3••••03' });
    expect(rows[1]).toEqual({
      case_number: 'PLM-D01-261128-0001',
      opened_at: '2026-11-28T08:00:00.000Z',
      desk_code: 'PLM-D01',
      desk_name: 'Meja 1',
      officer_number: 'BP-HARD',
      officer_name: HARD_NAME,
      agency: 'BP3MI',
      decision: 'tunda',
      risk_level: expect.stringMatching(/^(low|medium|high)$/),
      review_state: 'signed_off',
      surname: 'LESTARI',
      given_names: 'SITI',
      nationality: 'IDN',
      birth_date: '1999-04-12',
      document_number: 'A3••••01',
      destination_country: '',
      origin_province_code: '16',
      origin_province: 'Sumatera Selatan',
      origin_regency_code: '16.71',
      origin_regency: 'Kota Palembang',
      traveller_outcome: 'handed_to_bp3mi',
      outcome_at: '2026-11-28T08:00:00.000Z',
      signed_off_at: '2026-11-28T08:00:00.000Z',
      signed_off_by: SPV_BP.officerNumber,
      signed_off_by_name: SPV_BP.name,
    });
    const full = must(await a.services.review.exportCsv(exportOf({ fullDocumentNumbers: true, desk: 'PLM-D01' }), SPV_BP));
    expect(parseCsv(full.csv!.slice(1)).slice(1).map((r) => r[header!.indexOf('document_number')])).toEqual(['A3000001']);

    // In the browser host each export is audited once the page says it wrote it: who, the window, the filters,
    // whether numbers were in full, and the name chosen.
    expect(csvAudit(a.services.db)).toEqual([]);
    expect(must(a.services.review.csvSaved(full.exportId!, 'penuh.csv', SPV_BP))).toEqual({ fileName: 'penuh.csv', rows: 1 });
    expect(must(a.services.review.csvSaved(result.exportId!, 'bulan.csv', SPV_BP))).toEqual({ fileName: 'bulan.csv', rows: 2 });
    expect(csvAudit(a.services.db)).toEqual([
      { actor: SPV_BP.officerNumber, ...MONTH, filters: { desk: 'PLM-D01' }, fullDocumentNumbers: true, rows: 1, fileName: 'tinjauan-2026-11-01_2026-11-30.csv', savedAs: 'penuh.csv' },
      { actor: SPV_BP.officerNumber, ...MONTH, filters: {}, fullDocumentNumbers: false, rows: 2, fileName: 'tinjauan-2026-11-01_2026-11-30.csv', savedAs: 'bulan.csv' },
    ]);
  });

  it('in the browser host, is audited only when the page says it is written: once, for the supervisor it was made for, while fresh, and never on a PDF’s id', async () => {
    const a = desk('D01', undefined, async () => new TextEncoder().encode('%PDF-1.4 test'));
    a.hold('A3000020', TUNDA, officer(25, 'BP-5', 'Rina'));
    const made = must(await a.services.review.exportCsv(exportOf({}), SPV_BP));
    expect(made).toMatchObject({ fileName: 'tinjauan-2026-11-01_2026-11-30.csv', rows: 1, shellOutcome: null, exportId: expect.any(String) });
    // Made and handed to the page, not yet written: nothing is audited (a closed picker or a failed write stops here).
    expect(csvAudit(a.services.db)).toEqual([]);
    // Another supervisor cannot claim it, nor use it up.
    expect(a.services.review.csvSaved(made.exportId!, 'x.csv', SPV_IM)).toMatchObject({ ok: false, error: { code: 'not_found', reason: 'csvExportUnknown' } });
    // A report PDF's id is not a CSV's, and a CSV's is not a PDF's: neither store audits the other's export.
    const pdf = must(await a.services.review.exportReportPdf({ ...reportFilterSchema.parse({ period: 'day', day: '2026-11-28' }), page: '<p>x</p>' }, SPV_BP));
    expect(a.services.review.csvSaved(pdf.exportId!, 'x.csv', SPV_BP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(a.services.review.reportPdfSaved(made.exportId!, 'x.pdf', SPV_BP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(must(a.services.review.csvSaved(made.exportId!, 'tunda.csv', SPV_BP))).toEqual({ fileName: 'tunda.csv', rows: 1 });
    // Once: a replayed id, or one nobody was given, audits nothing more.
    expect(a.services.review.csvSaved(made.exportId!, 'lagi.csv', SPV_BP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(a.services.review.csvSaved(randomUUID(), 'palsu.csv', SPV_BP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // An export left unwritten past its time is forgotten.
    const late = must(await a.services.review.exportCsv(exportOf({ decision: 'tunda' }), SPV_BP));
    a.clock.now = new Date(a.clock.now.getTime() + PENDING_EXPORT_TTL_MS + 1000);
    expect(a.services.review.csvSaved(late.exportId!, 'telat.csv', SPV_BP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(csvAudit(a.services.db)).toEqual([expect.objectContaining({ actor: SPV_BP.officerNumber, rows: 1, savedAs: 'tunda.csv' })]);
  });

  it('saves through the shell where the supervisor chooses; a cancelled dialog writes and audits nothing', async () => {
    const saved: { name: string; text: string }[] = [];
    const answers = [true, false];
    const shell: ShellCapabilities = {
      printSlip: () => Promise.reject(new Error('no print here')),
      savePagePdf: () => Promise.reject(new Error('no page here')),
      saveFile: async (name, data) => {
        const yes = answers.shift() ?? false;
        if (yes) saved.push({ name, text: Buffer.from(data).toString('utf8') });
        return yes;
      },
    };
    const a = desk('D01', shell);
    a.hold('A3000010', TUNDA, officer(24, 'BP-4', 'Dewi'));
    expect(must(await a.services.review.exportCsv(exportOf({}), SPV_BP))).toEqual({ fileName: 'tinjauan-2026-11-01_2026-11-30.csv', rows: 1, csv: null, shellOutcome: 'saved', exportId: null });
    expect(saved[0]!.name).toBe('tinjauan-2026-11-01_2026-11-30.csv');
    expect(parseCsv(saved[0]!.text.slice(1))).toHaveLength(2);
    expect(must(await a.services.review.exportCsv(exportOf({}), SPV_BP)).shellOutcome).toBe('cancelled');
    expect(a.services.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'review.csv_exported'").pluck().get()).toBe(1);
  });

  it('covers a month at most, and refuses an officer at the dispatch', async () => {
    expect(exportFilterSchema.safeParse({ ...MONTH, to: '2026-12-02T00:00:00+07:00' }).success).toBe(true);
    expect(exportFilterSchema.safeParse({ ...MONTH, to: '2026-12-02T00:00:01+07:00' }).success).toBe(false);
    expect(exportFilterSchema.safeParse({ ...DAY, originRegency: 'Palembang' }).success).toBe(false);
    const d = await openDeskWithAdmin();
    onCleanup(() => d.close());
    const made = await d.call('review.exportCsv', MONTH);
    expect(made).toMatchObject({ ok: true, value: { rows: 0 } });
    expect(await d.call('review.csvSaved', { exportId: (made.ok && made.value.exportId) || '', savedAs: 'kosong.csv' })).toMatchObject({ ok: true });
    const officerAccount = { name: 'Budi Petugas', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'officer-pass-01' } as const;
    await d.must('officers.create', officerAccount);
    await d.must('session.signIn', { officerNumber: officerAccount.officerNumber, password: officerAccount.password });
    expect(await d.core.dispatch('review.exportCsv', { ...MONTH, fullDocumentNumbers: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await d.core.dispatch('review.csvSaved', { exportId: randomUUID(), savedAs: 'x.csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Only the admin's export was written down: the officer's refused call exported nothing.
    const db = openDatabase(d.core.databasePath);
    onCleanup(() => db.close());
    expect(db.prepare("SELECT actor FROM audit_log WHERE action = 'review.csv_exported'").pluck().all()).toEqual([ADMIN.officerNumber]);
  });
});
