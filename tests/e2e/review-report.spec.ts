// The supervisor's report in the browser host (issue 17 item 4): a week of holds beside the week before, picked in the
// calendar, as tables and charts in Indonesian and English, narrowed by the queue's filters, and laid out on A4 for
// the PDF (rendered to PNG to look at); an officer has no report and the core refuses it to them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openDatabase } from '../../electron/core/db/connection';
import { expect, signIn, test } from './desk-fixture';
import { CLEAR_TOURIST, NO_RETURN_TICKET } from '../fixtures/triage-answers';
import { passport } from './queue-tools';
import { pickerChoosesOpfsFile, readOpfsFile } from './save-tools';
import { pdfPageSizeMm, pdfText, pdfToPng } from './slip-tools';

// The desk stands in Palembang: the report's days and hours are the desk's (+07:00), whatever the machine's zone.
test.use({ timezoneId: 'Asia/Jakarta' });

const OUT = join(process.cwd(), 'test-output', 'report');
const TUNDA = { outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tanpa ID PMI.' };
const REFER = { outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Ke BP3MI.' };

interface Seed {
  at: string;
  officer: 'DEMO-BP' | 'DEMO-IM';
  doc: string;
  decision: typeof TUNDA | { outcome: 'clear' };
  airport?: string;
  regency?: string;
  noReturnTicket?: boolean;
}

// The week of Monday 23 November 2026 and the week before it (times in UTC; +7 hours in Palembang).
const SEEDS: Seed[] = [
  { at: '2026-11-25T02:00:00Z', officer: 'DEMO-BP', doc: 'R5000001', decision: TUNDA, airport: 'KUL', regency: '16.71', noReturnTicket: true },
  { at: '2026-11-25T03:30:00Z', officer: 'DEMO-BP', doc: 'R5000002', decision: REFER, airport: 'SIN', regency: '16.71' },
  { at: '2026-11-26T07:00:00Z', officer: 'DEMO-IM', doc: 'R5000003', decision: TUNDA, airport: 'KUL', regency: '16.02' },
  { at: '2026-11-26T08:00:00Z', officer: 'DEMO-IM', doc: 'R5000004', decision: { outcome: 'clear' } },
  { at: '2026-11-18T02:00:00Z', officer: 'DEMO-BP', doc: 'R5000005', decision: TUNDA, airport: 'KUL' },
  { at: '2026-11-19T09:00:00Z', officer: 'DEMO-BP', doc: 'R5000006', decision: TUNDA, airport: 'JED' },
];

const PASSWORDS = { 'DEMO-BP': 'demo-petugas-2026', 'DEMO-IM': 'demo-petugas-2026' } as const;

async function must(result: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<{ id: string }> {
  const done = await result;
  if (!done.ok) throw new Error(done.error?.message);
  return done.value as { id: string };
}

const totals = (page: Page) => page.getByTestId('report-totals-table').locator('tbody tr');

test('a supervisor reads a week beside the week before, picks periods in the calendar, filters, in both languages, and on A4', async ({ page, desk, shot }) => {
  test.setTimeout(180_000);
  const clock: { now: Date | null } = { now: null };
  await desk.start({ demo: true, now: () => clock.now ?? new Date() });
  for (const seed of SEEDS) {
    clock.now = new Date(seed.at);
    await desk.core.dispatch('session.signIn', { officerNumber: seed.officer, password: PASSWORDS[seed.officer] });
    const { id } = await must(desk.core.dispatch('cases.open', { source: 'manual', mrz: passport(seed.doc, 'LESTARI', 'SITI').join('\n') }));
    if (seed.airport) await must(desk.core.dispatch('cases.recordTravel', { caseId: id, travel: { destinationAirport: seed.airport } }));
    if (seed.regency) await must(desk.core.dispatch('cases.recordOrigin', { caseId: id, provinceCode: '16', regencyCode: seed.regency }));
    const answers = seed.noReturnTicket ? { ...CLEAR_TOURIST, ...NO_RETURN_TICKET } : CLEAR_TOURIST;
    await must(desk.core.dispatch('cases.recordAnswers', { caseId: id, answers }));
    await must(desk.core.dispatch('cases.decide', { caseId: id, ...seed.decision }));
    await desk.core.dispatch('session.signOut', {});
  }
  clock.now = null;

  await desk.open(page);
  await signIn(page, 'DEMO-SPV-BP', 'demo-supervisor-2026');
  await page.getByRole('button', { name: /Laporan supervisor/ }).click();
  await expect(page.getByRole('heading', { name: 'Laporan tinjauan' })).toBeVisible();
  await expect(page.getByTestId('report-period')).toHaveValue('week');
  // The day is typed as the desk writes dates; the calendar moves to its month and shades its Monday-to-Sunday week.
  await page.getByLabel('Tanggal dalam periode').fill('25/11/2026');
  await expect(page.getByTestId('calendar-month')).toHaveText('November 2026');
  await expect(page.locator('.period-calendar-day.in-period')).toHaveCount(7);
  await expect(page.locator('.period-calendar-day.in-period').first()).toHaveAttribute('data-day', '2026-11-23');
  await expect(page.getByTestId('report-range')).toHaveText('Periode: 23/11/2026 s.d. 29/11/2026 · dibandingkan dengan 16/11/2026 s.d. 22/11/2026');
  // Decided (clears too) and holds, this week beside the last.
  await expect(totals(page).nth(0)).toHaveText(/Kasus diputuskan.*\s*4\s*2\s*\+2/);
  await expect(totals(page).nth(1)).toHaveText(/Penundaan dan rujukan.*\s*3\s*2\s*\+1/);
  const decision = page.getByTestId('breakdown-decision');
  await expect(decision.locator('tbody tr').first()).toHaveText(/Tunda keberangkatan\s*2\s*2\s*±0/);
  await expect(decision.locator('tbody tr').nth(1)).toHaveText(/Rujuk ke BP3MI\s*1\s*0\s*\+1/);
  await expect(page.getByTestId('breakdown-destination').locator('tbody tr').first()).toHaveText(/Malaysia\s*2\s*1/);
  await expect(page.getByTestId('breakdown-regency').locator('tbody tr').first()).toHaveText(/Kota Palembang\s*2\s*0/);
  await expect(page.getByTestId('breakdown-agency')).toContainText('Imigrasi');
  // The hour of day is the desk's: 02:00 UTC is 09:00 in Palembang.
  await expect(page.getByTestId('breakdown-hour').locator('tbody tr').first()).toHaveText(/09:00\s*1\s*1/);
  // Every breakdown has its chart; the hour chart keeps all 24 hours on its axis; bars are as long as their counts.
  for (const breakdown of ['decision', 'destination', 'indicator', 'agency', 'desk', 'hour', 'regency']) await expect(page.getByTestId(`chart-${breakdown}`)).toBeVisible();
  await expect(page.getByTestId('chart-hour').getByTestId('chart-group')).toHaveCount(24);
  const tundaBars = page.getByTestId('chart-decision').getByTestId('chart-group').first();
  const width = async (bar: 'bar-current' | 'bar-previous') => Number(await tundaBars.getByTestId(bar).getAttribute('width'));
  expect(await width('bar-current')).toBeGreaterThan(0);
  expect(await width('bar-current')).toBe(await width('bar-previous'));
  await shot(page, '1-week-id');

  // A day picked in the calendar: Thursday 26 November, beside Wednesday.
  await page.getByTestId('report-period').selectOption('day');
  await page.locator('.period-calendar-day[data-day="2026-11-26"]').click();
  await expect(page.locator('.period-calendar-day.in-period')).toHaveCount(1);
  await expect(totals(page).nth(1)).toHaveText(/Penundaan dan rujukan.*\s*1\s*2\s*−1/);
  // The month, narrowed by a filter of the queue's.
  await page.getByTestId('report-period').selectOption('month');
  await expect(totals(page).nth(1)).toHaveText(/Penundaan dan rujukan.*\s*5\s*0\s*\+5/);
  await page.getByTestId('report-filter-agency').selectOption('IMIGRASI');
  await expect(totals(page).nth(1)).toHaveText(/Penundaan dan rujukan.*\s*1\s*0\s*\+1/);
  await expect(page.getByText('Saringan: Instansi: Imigrasi')).toBeVisible();
  await page.getByTestId('report-filter-agency').selectOption('');
  // By the officer who decided: the list holds everyone who decided a hold in either month, before the filters.
  const officer = page.getByTestId('report-filter-officer');
  await expect(officer.locator('option')).toHaveText(['Semua', 'Agus Saputra (Demo) (DEMO-IM)', 'Dewi Lestari (Demo) (DEMO-BP)']);
  await officer.selectOption('DEMO-IM');
  await expect(totals(page).nth(1)).toHaveText(/Penundaan dan rujukan.*\s*1\s*0\s*\+1/);
  await expect(page.getByText('Saringan: Petugas: Agus Saputra (Demo) (DEMO-IM)')).toBeVisible();
  await expect(officer.locator('option')).toHaveCount(3);
  await officer.selectOption('');

  // The week again, in English.
  await page.getByTestId('report-period').selectOption('week');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Review report' })).toBeVisible();
  await expect(page.getByTestId('report-range')).toHaveText('Period: 23/11/2026 to 29/11/2026 · compared with 16/11/2026 to 22/11/2026');
  await expect(page.getByTestId('breakdown-decision').locator('tbody tr').first()).toHaveText(/Delay departure \(Tunda\)\s*2\s*2/);
  await shot(page, '2-week-en');

  // Saved as PDF (Tunda only). The save picker comes first: headless Chromium has no window to show it in, so the real
  // API answers as a supervisor who closed it (AbortError), and nothing is made, written or audited.
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await page.getByTestId('report-filter-decision').selectOption('tunda');
  await expect(totals(page).nth(1)).toHaveText(/Penundaan dan rujukan.*\s*2\s*2\s*±0/);
  const pdfExports = () => {
    const db = openDatabase(desk.core.databasePath);
    try {
      return (db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'review.report_pdf_exported'").all() as { actor: string; detail: string }[]).map((e) => ({
        actor: e.actor,
        ...(JSON.parse(e.detail) as object),
      }));
    } finally {
      db.close();
    }
  };
  await page.getByTestId('report-pdf').click();
  await expect(page.getByRole('status')).toHaveText('Dibatalkan; tidak ada yang disimpan.');
  expect(pdfExports()).toEqual([]);

  // A folder the supervisor picks cannot be driven in a test; the picker here hands back a real file of the page's
  // own private file system (OPFS), which the page writes through the same API as a file on the disk.
  await pickerChoosesOpfsFile(page);
  await page.getByTestId('report-pdf').click();
  await expect(page.getByRole('status')).toHaveText('Laporan disimpan sebagai pilihan-laporan-2026-11-23_2026-11-29.pdf. Ekspor ini tercatat di log audit.', { timeout: 120_000 });
  mkdirSync(OUT, { recursive: true });
  const pdf = join(OUT, 'report-week-id.pdf');
  writeFileSync(pdf, await readOpfsFile(page, 'pilihan-laporan-2026-11-23_2026-11-29.pdf'));
  expect(pdfPageSizeMm(pdf)).toEqual({ width: 210, height: 297 });
  const text = pdfText(pdf);
  expect(text).toContain('Laporan tinjauan');
  expect(text).toContain('Periode: 23/11/2026 s.d. 29/11/2026');
  expect(text).toContain('Saringan: Keputusan: Tunda keberangkatan');
  expect(text).toContain('Menurut kabupaten/kota asal');
  // The print rules hold: the controls are not on paper.
  expect(text).not.toContain('Kalender');
  expect(text).not.toContain('Simpan PDF');
  pdfToPng(pdf, 100);
  // Audited once, when written: who, which period, which filters, the name the core gave and the name chosen.
  expect(pdfExports()).toEqual([
    {
      actor: 'DEMO-SPV-BP',
      period: 'week',
      from: '2026-11-23T00:00:00+07:00',
      to: '2026-11-30T00:00:00+07:00',
      filters: { decision: 'tunda' },
      fileName: 'laporan-2026-11-23_2026-11-29.pdf',
      savedAs: 'pilihan-laporan-2026-11-23_2026-11-29.pdf',
    },
  ]);
  await shot(page, '3-pdf-saved-id');
});

test('an officer has no report on the home screen, and the core refuses the report and its PDF to the officer signed in', async ({ page, desk }) => {
  await desk.start({ demo: true });
  await desk.open(page);
  await signIn(page, 'DEMO-BP', 'demo-petugas-2026');
  await expect(page.getByRole('button', { name: /Pemeriksaan baru/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Laporan supervisor/ })).toHaveCount(0);
  for (const procedure of ['review.report', 'review.exportReportPdf']) {
    expect(await desk.core.dispatch(procedure, { period: 'week', day: '2026-11-25' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }
});
