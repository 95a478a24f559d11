// The report as an A4 PDF (issue 17 item 5) on the real core: saved through the shell where the supervisor chooses,
// or left to the browser's print window; every export audited with who, the period and the filters; a cancelled save
// leaves nothing; an officer refused at the dispatch.
import { afterEach, describe, expect, it } from 'vitest';
import { reportFilterSchema } from '../../shared/contract';
import { openDatabase } from '../../electron/core/db/connection';
import type { ShellCapabilities } from '../../electron/core/types';
import { ADMIN, openDeskWithAdmin } from './core-harness';
import { SPV_BP, cleanReviewDesks, desk, must, onCleanup } from './review-harness';

afterEach(cleanReviewDesks);

const WEEK = reportFilterSchema.parse({ period: 'week', day: '2026-11-28', desk: 'Meja 1', decision: 'tunda' });

const audited = (db: ReturnType<typeof desk>['services']['db']) =>
  (db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'review.report_pdf_exported' ORDER BY seq").all() as { actor: string; detail: string }[]).map(
    (e) => ({ actor: e.actor, ...(JSON.parse(e.detail) as object) }),
  );

describe('report as PDF', () => {
  it('without a shell, is audited with who, the period and the filters, and left to the browser to print', async () => {
    const a = desk('D01');
    expect(must(await a.services.review.exportReportPdf(WEEK, SPV_BP))).toEqual({ fileName: 'laporan-2026-11-23_2026-11-29.pdf', shellOutcome: null });
    expect(audited(a.services.db)).toEqual([
      {
        actor: SPV_BP.officerNumber,
        period: 'week',
        from: '2026-11-23T00:00:00+07:00',
        to: '2026-11-30T00:00:00+07:00',
        filters: { desk: 'Meja 1', decision: 'tunda' },
        fileName: 'laporan-2026-11-23_2026-11-29.pdf',
      },
    ]);
  });

  it('is saved by the shell where the supervisor chooses; a cancelled dialog saves and audits nothing', async () => {
    const asked: string[] = [];
    const answers = [false, true];
    const shell: ShellCapabilities = {
      printSlip: () => Promise.reject(new Error('the report is never sent to a printer')),
      savePagePdf: async (fileName) => {
        asked.push(fileName);
        return answers.shift() ?? false;
      },
      saveFile: () => Promise.reject(new Error('the report is a page, not a file the core writes')),
    };
    const a = desk('D01', shell);
    const month = reportFilterSchema.parse({ period: 'month', day: '2026-11-28' });
    expect(must(await a.services.review.exportReportPdf(month, SPV_BP))).toEqual({ fileName: 'laporan-2026-11-01_2026-11-30.pdf', shellOutcome: 'cancelled' });
    expect(audited(a.services.db)).toEqual([]);
    expect(must(await a.services.review.exportReportPdf(month, SPV_BP)).shellOutcome).toBe('saved');
    expect(asked).toEqual(['laporan-2026-11-01_2026-11-30.pdf', 'laporan-2026-11-01_2026-11-30.pdf']);
    expect(audited(a.services.db)).toEqual([expect.objectContaining({ actor: SPV_BP.officerNumber, period: 'month', filters: {} })]);
  });

  it('refuses an officer at the dispatch, and writes nothing down for the refused call', async () => {
    const d = await openDeskWithAdmin();
    onCleanup(() => d.close());
    const input = { period: 'day', day: '2026-11-28' } as const;
    expect(await d.call('review.exportReportPdf', input)).toMatchObject({ ok: true, value: { fileName: 'laporan-2026-11-28_2026-11-28.pdf', shellOutcome: null } });
    const officerAccount = { name: 'Budi Petugas', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'officer-pass-01' } as const;
    await d.must('officers.create', officerAccount);
    await d.must('session.signIn', { officerNumber: officerAccount.officerNumber, password: officerAccount.password });
    expect(await d.core.dispatch('review.exportReportPdf', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const db = openDatabase(d.core.databasePath);
    onCleanup(() => db.close());
    expect(db.prepare("SELECT actor FROM audit_log WHERE action = 'review.report_pdf_exported'").pluck().all()).toEqual([ADMIN.officerNumber]);
  });
});
