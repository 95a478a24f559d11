// The report as an A4 PDF (issue 17 item 5) on the real core: saved through the shell where the supervisor chooses,
// or, in the browser host, rendered by the host's Chromium for the page to write and audited once the page says it is
// written; every export audited with who, the period and the filters; a cancelled save leaves nothing; an officer
// refused at the dispatch.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportFilterSchema } from '../../shared/contract';
import { openDatabase } from '../../electron/core/db/connection';
import type { ShellCapabilities } from '../../electron/core/types';
import { ADMIN, openDeskWithAdmin } from './core-harness';
import { SPV_BP, SPV_IM, cleanReviewDesks, desk, must, onCleanup } from './review-harness';
import { renderPagePdf } from '../../electron/host/chromium';
import { PENDING_EXPORT_TTL_MS } from '../../electron/core/review/pending-exports';
import { pdfPageSizeMm, pdfText } from '../e2e/slip-tools';

afterEach(cleanReviewDesks);

const WEEK = reportFilterSchema.parse({ period: 'week', day: '2026-11-28', desk: 'PLM-D01', decision: 'tunda' });

const audited = (db: ReturnType<typeof desk>['services']['db']) =>
  (db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'review.report_pdf_exported' ORDER BY seq").all() as { actor: string; detail: string }[]).map(
    (e) => ({ actor: e.actor, ...(JSON.parse(e.detail) as object) }),
  );

describe('report as PDF', () => {
  it('in the browser host, is rendered by the host’s Chromium from the page sent, and audited only once the page says it is written', async () => {
    const a = desk('D01', undefined, renderPagePdf);
    const page = `<!doctype html><html><head><title>x</title><style>@page { size: A4; margin: 12mm; } .no-print { display: none; } @media print { h1 { color: #123; } }</style></head>
      <body><h1>Laporan tinjauan</h1><p class="no-print">Kontrol layar</p><svg width="120" height="30"><rect width="80" height="20" fill="#1a5"/></svg>
      <script>document.body.append('SKRIP JALAN')</script><img src="http://127.0.0.1:9/leak.png" alt=""></body></html>`;
    const made = must(await a.services.review.exportReportPdf({ ...WEEK, page }, SPV_BP));
    expect(made).toMatchObject({ fileName: 'laporan-2026-11-23_2026-11-29.pdf', shellOutcome: null });
    const file = join(mkdtempSync(join(tmpdir(), 'meja-report-pdf-')), 'report.pdf');
    onCleanup(() => rmSync(dirname(file), { recursive: true, force: true }));
    writeFileSync(file, Buffer.from(made.pdf ?? '', 'base64'));
    // A4 at the page's own @page size, its print rules applied, and no script of the page run.
    expect(pdfPageSizeMm(file)).toEqual({ width: 210, height: 297 });
    const text = pdfText(file);
    expect(text).toContain('Laporan tinjauan');
    expect(text).not.toContain('Kontrol layar');
    expect(text).not.toContain('SKRIP JALAN');
    // Made, not yet saved: nothing is audited until the page has written the file.
    expect(audited(a.services.db)).toEqual([]);
    expect(must(a.services.review.reportPdfSaved(made.exportId ?? '', 'laporan-minggu.pdf', SPV_BP))).toEqual({ fileName: 'laporan-minggu.pdf' });
    const entry = {
      actor: SPV_BP.officerNumber,
      period: 'week',
      from: '2026-11-23T00:00:00+07:00',
      to: '2026-11-30T00:00:00+07:00',
      filters: { desk: 'PLM-D01', decision: 'tunda' },
      fileName: 'laporan-2026-11-23_2026-11-29.pdf',
      savedAs: 'laporan-minggu.pdf',
    };
    expect(audited(a.services.db)).toEqual([entry]);
    // Once: a replayed id, or an id nobody was given, audits nothing more.
    expect(a.services.review.reportPdfSaved(made.exportId ?? '', 'lagi.pdf', SPV_BP)).toMatchObject({ ok: false, error: { code: 'not_found', reason: 'pdfExportUnknown' } });
    expect(a.services.review.reportPdfSaved(randomUUID(), 'palsu.pdf', SPV_BP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(audited(a.services.db)).toEqual([entry]);
  });

  it('in the browser host, is audited only for the supervisor it was made for and only while fresh; a failed render audits nothing', async () => {
    const a = desk('D01', undefined, async () => new TextEncoder().encode('%PDF-1.4 test'));
    const first = must(await a.services.review.exportReportPdf({ ...WEEK, page: '<p>x</p>' }, SPV_BP));
    // Another supervisor cannot claim it (nor use it up).
    expect(a.services.review.reportPdfSaved(first.exportId ?? '', 'x.pdf', SPV_IM)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // An export left unsaved past its time is forgotten.
    a.clock.now = new Date(a.clock.now.getTime() + PENDING_EXPORT_TTL_MS + 1000);
    expect(a.services.review.reportPdfSaved(first.exportId ?? '', 'x.pdf', SPV_BP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The page must be sent: the browser host has no window of its own to print.
    expect(await a.services.review.exportReportPdf(WEEK, SPV_BP)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'page' } });
    const broken = desk('D02', undefined, () => Promise.reject(new Error('chromium crashed')));
    expect(await broken.services.review.exportReportPdf({ ...WEEK, page: '<p>x</p>' }, SPV_BP)).toMatchObject({ ok: false, error: { code: 'internal', reason: 'pdfRenderFailed' } });
    // A desk with neither a shell nor a renderer says it cannot, rather than pretending.
    expect(await desk('D03').services.review.exportReportPdf({ ...WEEK, page: '<p>x</p>' }, SPV_BP)).toMatchObject({ ok: false, error: { reason: 'pdfUnavailable' } });
    expect(audited(a.services.db)).toEqual([]);
    expect(audited(broken.services.db)).toEqual([]);
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
    expect(must(await a.services.review.exportReportPdf(month, SPV_BP))).toEqual({ fileName: 'laporan-2026-11-01_2026-11-30.pdf', shellOutcome: 'cancelled', pdf: null, exportId: null });
    expect(audited(a.services.db)).toEqual([]);
    expect(must(await a.services.review.exportReportPdf(month, SPV_BP)).shellOutcome).toBe('saved');
    expect(asked).toEqual(['laporan-2026-11-01_2026-11-30.pdf', 'laporan-2026-11-01_2026-11-30.pdf']);
    expect(audited(a.services.db)).toEqual([expect.objectContaining({ actor: SPV_BP.officerNumber, period: 'month', filters: {} })]);
  });

  it('refuses an officer at the dispatch, and writes nothing down for the refused call', async () => {
    // The renderer is not what this test is about (the first test renders with Chromium): any PDF will do.
    const d = await openDeskWithAdmin({ pagePdf: async () => new TextEncoder().encode('%PDF-1.4 test') });
    onCleanup(() => d.close());
    const input = { period: 'day', day: '2026-11-28', page: '<p>Laporan</p>' } as const;
    const made = await d.call('review.exportReportPdf', input);
    expect(made).toMatchObject({ ok: true, value: { fileName: 'laporan-2026-11-28_2026-11-28.pdf', shellOutcome: null } });
    const exportId = made.ok ? made.value.exportId : null;
    expect(await d.call('review.reportPdfSaved', { exportId: exportId ?? '', savedAs: 'laporan.pdf' })).toMatchObject({ ok: true });
    const officerAccount = { name: 'Budi Petugas', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'officer-pass-01' } as const;
    await d.must('officers.create', officerAccount);
    await d.must('session.signIn', { officerNumber: officerAccount.officerNumber, password: officerAccount.password });
    expect(await d.core.dispatch('review.exportReportPdf', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await d.core.dispatch('review.reportPdfSaved', { exportId: randomUUID(), savedAs: 'x.pdf' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const db = openDatabase(d.core.databasePath);
    onCleanup(() => db.close());
    expect(db.prepare("SELECT actor FROM audit_log WHERE action = 'review.report_pdf_exported'").pluck().all()).toEqual([ADMIN.officerNumber]);
  });
});
