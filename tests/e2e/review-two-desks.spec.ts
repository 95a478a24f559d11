// Issue 17's "done when", end to end: a hub on a throwaway PostgreSQL cluster and two desks (two cores, two browser
// hosts, two data folders). Officers at both desks hold travellers (Tunda, referrals, passport actions awaiting a
// countersignature; one through the desk's screens); both desks sync; the supervisor at desk 1 sees the day's queue
// from both desks, countersigns with the password typed again, records each outcome and signs each off until none is
// left, then saves the CSV (parsed back by RFC 4180 and checked row by row against what was recorded, against the
// README's columns) and the report PDF (looked at as PNG), each audited once written; desk 2 receives the sign-offs;
// an officer is refused. Screens in Indonesian and English.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openDatabase } from '../../electron/core/db/connection';
import { maskDocumentNumber } from '../../shared/slips/slip-model';
import { CLEAR_TOURIST } from '../fixtures/triage-answers';
import { parseCsv } from '../support/csv-parse';
import { expect, signIn, test } from './desk-fixture';
import { must, startDesk, startPgHub, type E2eDesk, type PgHub } from './hub-tools';
import { openCaseByTyping, passport } from './queue-tools';
import { pickerChoosesOpfsFile, readOpfsFile } from './save-tools';
import { pdfPageSizeMm, pdfText, pdfToPng } from './slip-tools';

const OUT = join(process.cwd(), 'test-output', 'review-two-desks');

type Account = { name: string; officerNumber: string; agency: 'BP3MI' | 'IMIGRASI'; password: string };
const ADMINS: Account[] = [
  { name: 'Rina Kartika', officerNumber: 'ADM-D01', agency: 'BP3MI', password: 'admin-password-1' },
  { name: 'Dedi Admin', officerNumber: 'ADM-D02', agency: 'BP3MI', password: 'admin-password-2' },
];
const SUPERVISOR: Account = { name: 'Hendra Wijaya', officerNumber: 'IMI-SPV', agency: 'IMIGRASI', password: 'supervisor-pass-1' };
// The traveller's name comes from the MRZ (A-Z only); the free text a CSV carries is the officers' names, so these
// hold a comma and quotes and Arabic script. A line break in a name is refused by the contract (below); the CSV's
// quoting of one, in an account made before that rule, is tests/integration/review-csv.test.ts's.
const OFFICERS = {
  comma: { name: 'Siti, "Ina" Rahayu', officerNumber: 'BP-D01', agency: 'BP3MI', password: 'officer-pass-01' },
  imigrasi1: { name: 'Agus Saputra', officerNumber: 'IMI-D01', agency: 'IMIGRASI', password: 'officer-pass-02' },
  arabic: { name: 'عائشة بنت أحمد', officerNumber: 'IMI-D02', agency: 'IMIGRASI', password: 'officer-pass-03' },
  newline: { name: 'Dewi Lestari', officerNumber: 'BP-D02', agency: 'BP3MI', password: 'officer-pass-04' },
} satisfies Record<string, Account>;

const TUNDA = { outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION' } as const;
const REFER = { outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION' } as const;
const PASSPORT = { outcome: 'passport_action', reasons: ['WATCH_LIST'], legalGround: 'PERMENKUMHAM_8_2014_PREVENTION_LIST' } as const;

interface Hold {
  desk: 0 | 1;
  officer: keyof typeof OFFICERS;
  doc: string;
  surname: string;
  given: string;
  decision: typeof TUNDA | typeof REFER | typeof PASSPORT;
  /** Notes never leave the desk in the CSV: each carries what would break a careless writer. */
  note: string;
  airport?: string;
  country?: string;
  origin?: { provinceCode: string; regencyCode: string; regency: string; province: string };
  /** What became of the traveller, as the supervisor records it. */
  outcome: 'released_documents_complete' | 'handed_to_bp3mi' | 'handed_to_police' | 'traveller_withdrew' | 'other';
  caseNumber?: string;
}

const PALEMBANG = { provinceCode: '16', regencyCode: '16.71', regency: 'Kota Palembang', province: 'Sumatera Selatan' };
const HOLDS: Hold[] = [
  { desk: 0, officer: 'comma', doc: 'K1000001', surname: 'LESTARI', given: 'SITI', decision: TUNDA, note: 'Calo "Pak Udin", Palembang.\nAkan ke Malaysia.', airport: 'KUL', country: 'MYS', origin: PALEMBANG, outcome: 'released_documents_complete' },
  { desk: 0, officer: 'comma', doc: 'K1000002', surname: 'WIDODO', given: 'ARI', decision: REFER, note: 'Ke shelter BP3MI, "Rumah Aman".', outcome: 'handed_to_bp3mi' },
  { desk: 0, officer: 'imigrasi1', doc: 'K1000003', surname: 'PRATAMA', given: 'RIZKY', decision: PASSPORT, note: 'Daftar cegah.', outcome: 'handed_to_police' },
  { desk: 1, officer: 'arabic', doc: 'K2000002', surname: 'HASIBUAN', given: 'NUR', decision: PASSPORT, note: 'عائلة في ماليزيا, "agen".', airport: 'JED', country: 'SAU', outcome: 'traveller_withdrew' },
  { desk: 1, officer: 'newline', doc: 'K2000003', surname: 'SANTOSO', given: 'BUDI', decision: REFER, note: 'Tanpa persetujuan keluarga.', outcome: 'other' },
];
// Held at desk 2 through its screens, with a note typed over two lines.
const SCREEN_HOLD: Hold = { desk: 1, officer: 'newline', doc: 'K2000001', surname: 'RAHAYU', given: 'SRI', decision: TUNDA, note: 'Akan bekerja, "kata agen",\ndi Johor; عائلة', outcome: 'handed_to_bp3mi' };
const ALL = [...HOLDS, SCREEN_HOLD];

const count = (page: Page, key: string) => page.getByTestId(`count-${key}`).locator('strong');

function audited(databasePath: string, action: string): Record<string, unknown>[] {
  const db = openDatabase(databasePath);
  try {
    return (db.prepare('SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as { actor: string; detail: string }[]).map((e) => ({
      actor: e.actor,
      ...(JSON.parse(e.detail) as object),
    }));
  } finally {
    db.close();
  }
}

function casesHere(databasePath: string, sql: string, caseNumbers: string[]): number {
  const db = openDatabase(databasePath);
  try {
    return db.prepare(`SELECT count(*) FROM cases WHERE ${sql} AND case_number IN (${caseNumbers.map(() => '?').join(',')})`).pluck().get(...caseNumbers) as number;
  } finally {
    db.close();
  }
}

/** The README's CSV columns, in order: the backquoted names after "Columns, in order:", leaving out the values in brackets. */
function readmeColumns(): string[] {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const list = /Columns, in order:([\s\S]*?)Times are/.exec(readme)?.[1] ?? '';
  return [...list.replace(/\([^)]*\)/g, '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
}

test('a supervisor clears a day of holds from two desks, signs each off with its outcome, and saves the CSV and the report', async ({ page, browser, shot }) => {
  test.setTimeout(480_000);
  let hubs: PgHub | undefined;
  const desks: E2eDesk[] = [];
  try {
    hubs = await startPgHub();
    const hub = hubs.hub!;
    desks.push(await startDesk(), await startDesk());

    // Each desk: its first admin, its officers (the supervisor at desk 1), and enrolment in the hub.
    for (const [i, desk] of desks.entries()) {
      const admin = ADMINS[i]!;
      await must(desk.core, 'setup.createFirstAdmin', { ...admin, airportCode: 'PLM', deskCode: `D0${i + 1}` });
      await must(desk.core, 'session.signIn', { officerNumber: admin.officerNumber, password: admin.password });
      const accounts = i === 0 ? [OFFICERS.comma, OFFICERS.imigrasi1, { ...SUPERVISOR, role: 'supervisor' }] : [OFFICERS.arabic, OFFICERS.newline];
      for (const account of accounts) await must(desk.core, 'officers.create', { role: 'officer', ...account });
      // Both desks start as "Meja 1"; each takes the name the hub admin gives it at enrolment.
      const { code } = await hub.services.desks.createDesk('PLM', `D0${i + 1}`, `Meja ${i + 1}`);
      await must(desk.core, 'sync.enroll', { hubUrl: hub.url, code });
      expect(await must(desk.core, 'settings.get', {})).toMatchObject({ deskCode: `D0${i + 1}`, deskName: `Meja ${i + 1}` });
    }
    // A name with a line break is refused at the contract, with the catalogue's reason, and no account is made.
    expect(await desks[1]!.core.dispatch('officers.create', { ...OFFICERS.newline, officerNumber: 'BP-D03', name: 'Dewi\nLestari', role: 'officer' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name', reason: 'nameControlCharacters' },
    });

    // The officers hold travellers through the core, as the screens' decision panel does.
    for (const hold of HOLDS) {
      const { core } = desks[hold.desk]!;
      const officer = OFFICERS[hold.officer];
      await must(core, 'session.signIn', { officerNumber: officer.officerNumber, password: officer.password });
      const opened = await must(core, 'cases.open', { source: 'manual', mrz: passport(hold.doc, hold.surname, hold.given).join('\n') });
      hold.caseNumber = String(opened.caseNumber);
      if (hold.airport) await must(core, 'cases.recordTravel', { caseId: opened.id, travel: { destinationAirport: hold.airport } });
      if (hold.origin) await must(core, 'cases.recordOrigin', { caseId: opened.id, provinceCode: hold.origin.provinceCode, regencyCode: hold.origin.regencyCode });
      await must(core, 'cases.decide', { caseId: opened.id, ...hold.decision, reasons: [...hold.decision.reasons], note: hold.note });
    }
    // A cleared traveller at desk 2 is no hold: in neither the queue nor the CSV.
    const cleared = await must(desks[1]!.core, 'cases.open', { source: 'manual', mrz: passport('K2000009', 'BERSIH', 'TIARA').join('\n') });
    await must(desks[1]!.core, 'cases.recordAnswers', { caseId: cleared.id, answers: CLEAR_TOURIST });
    await must(desks[1]!.core, 'cases.decide', { caseId: cleared.id, outcome: 'clear' });
    for (const desk of desks) await must(desk.core, 'session.signOut', {});

    // Desk 2's officer holds one traveller through the screens, the note on two lines.
    const page2 = await browser.newPage();
    await page2.goto(desks[1]!.host.launchUrl);
    await signIn(page2, OFFICERS.newline.officerNumber, OFFICERS.newline.password);
    await openCaseByTyping(page2, passport(SCREEN_HOLD.doc, SCREEN_HOLD.surname, SCREEN_HOLD.given));
    SCREEN_HOLD.caseNumber = (await page2.getByTestId('case-number').textContent()) ?? '';
    await page2.getByRole('button', { name: /Tunda keberangkatan/ }).click();
    await page2.getByText('Dokumen perjalanan atau kerja belum lengkap').click();
    await page2.getByLabel('Dasar hukum').selectOption('UU18_2017_PMI_PROTECTION');
    await page2.getByLabel('Catatan', { exact: true }).fill(SCREEN_HOLD.note);
    await page2.getByRole('button', { name: /Simpan keputusan/ }).click();
    await expect(page2.getByTestId('decision')).toHaveText('Tunda keberangkatan');
    await shot(page2, '0-desk2-tunda-on-screen');
    await page2.close();

    // Both desks sync in the background: desk 1 holds all six holds, desk 2's among them.
    const numbers = ALL.map((h) => h.caseNumber!);
    expect(new Set(numbers).size).toBe(6);
    await expect.poll(() => casesHere(desks[0]!.core.databasePath, '1 = 1', numbers), { timeout: 60_000 }).toBe(6);

    // The review starts at once: an outcome left without a time happened when it is saved, so a decision of this very
    // minute takes it.
    await page.goto(desks[0]!.host.launchUrl);
    await signIn(page, SUPERVISOR.officerNumber, SUPERVISOR.password);
    await page.getByRole('button', { name: /Tinjauan harian supervisor/ }).click();
    await expect(count(page, 'holds')).toHaveText('6');
    await expect(count(page, 'tunda')).toHaveText('2');
    await expect(count(page, 'referred')).toHaveText('2');
    await expect(count(page, 'passportActions')).toHaveText('2');
    await expect(count(page, 'awaitingCountersignature')).toHaveText('2');
    await expect(count(page, 'notSignedOff')).toHaveText('6');
    await expect(page.getByTestId('queue-row')).toHaveCount(6);
    await expect(page.getByTestId('queue-row').filter({ hasText: 'PLM-D02' })).toHaveCount(3);
    await expect(page.getByTestId('queue-row').filter({ hasText: 'Meja 2' })).toHaveCount(3);
    // The desk filter lists each desk by its code and name, and keeps to that desk.
    await expect(page.getByTestId('filter-desk').locator('option')).toHaveText(['Semua', 'PLM-D01 · Meja 1', 'PLM-D02 · Meja 2']);
    await page.getByTestId('filter-desk').selectOption('PLM-D02');
    await expect(page.getByTestId('queue-row')).toHaveCount(3);
    await expect(page.getByTestId('queue-row').filter({ hasText: 'PLM-D01' })).toHaveCount(0);
    await page.getByTestId('filter-desk').selectOption('');
    await expect(page.getByTestId('queue-row')).toHaveCount(6);
    await expect(page.getByTestId('queue-row').filter({ hasText: 'BERSIH' })).toHaveCount(0);
    await shot(page, '1-queue-id');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByTestId('count-notSignedOff')).toContainText('Not yet signed off');
    await shot(page, '1-queue-en');
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    for (const [i, hold] of ALL.entries()) {
      await page.getByTestId('queue-row').filter({ hasText: hold.caseNumber! }).click();
      const review = page.getByTestId('case-review');
      await expect(review).toBeVisible();
      await expect(page.getByTestId('review-decision')).toContainText(hold.note.split('\n')[0]!);
      if (hold.decision === PASSPORT) {
        // Not in force until countersigned: no outcome, no sign-off. A wrong password is refused and changes nothing.
        await expect(page.getByTestId('sign-off')).toBeDisabled();
        await expect(page.getByTestId('outcome-form')).toHaveCount(0);
        const form = page.getByTestId('countersign-form');
        await form.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
        await form.getByRole('button').click();
        await expect(page.getByRole('alert')).toBeVisible();
        await expect(form).toBeVisible();
        if (i === 2) await shot(page, '2-countersign-refused-id');
        await form.getByLabel('Kata sandi').fill(SUPERVISOR.password);
        await form.getByRole('button').click();
        await expect(form).toHaveCount(0);
        await expect(page.getByTestId('review-decision')).toContainText(SUPERVISOR.name);
      }
      if (i === 0) {
        await page.getByTestId('note-input').fill('Keluarga dihubungi, "dijemput" kakak; عائلة');
        await page.getByTestId('add-note').click();
        await expect(page.getByTestId('supervisor-notes')).toContainText('عائلة');
        await shot(page, '2-case-under-review-id');
      }
      if (i === 1) {
        await page.getByRole('button', { name: 'EN', exact: true }).click();
        await expect(page.getByTestId('sign-off')).toHaveText('Sign off');
        await shot(page, '2-case-under-review-en');
      }
      await page.getByTestId('outcome-choice').selectOption(hold.outcome);
      if (hold.outcome === 'other') await page.getByTestId('outcome-form').locator('input:not([type=datetime-local])').fill('Dijemput keluarga di terminal.');
      await page.getByTestId('save-outcome').click();
      await expect(page.getByTestId('outcome-recorded')).toBeVisible();
      await page.getByTestId('sign-off').click();
      await expect(page.getByTestId('signed-off')).toContainText(SUPERVISOR.name);
      if (i === 0) await shot(page, '3-signed-off-with-outcome-id');
      if (i === 1) {
        await shot(page, '3-signed-off-with-outcome-en');
        await page.getByRole('button', { name: 'ID', exact: true }).click();
      }
      await page.getByTestId('back-to-queue').click();
      await expect(count(page, 'notSignedOff')).toHaveText(String(ALL.length - i - 1));
    }
    await expect(count(page, 'awaitingCountersignature')).toHaveText('0');
    await shot(page, '4-queue-cleared-id');

    // The CSV: the real picker first, which headless Chromium answers as a supervisor who closed it: nothing audited.
    const csvExports = () => audited(desks[0]!.core.databasePath, 'review.csv_exported');
    await page.getByTestId('export-csv').click();
    await expect(page.getByTestId('export-message')).toHaveText('Ekspor dibatalkan; tidak ada yang disimpan.');
    expect(csvExports()).toEqual([]);
    await pickerChoosesOpfsFile(page);
    await page.getByTestId('export-csv').click();
    await expect(page.getByTestId('export-message')).toContainText('6 penundaan diekspor ke pilihan-tinjauan-');
    const savedAs = /pilihan-tinjauan-[\d-]+_[\d-]+\.csv/.exec((await page.getByTestId('export-message').textContent()) ?? '')![0];
    const bytes = await readOpfsFile(page, savedAs);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'review.csv'), bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(readmeColumns());
    expect(records).toHaveLength(6);
    const rows = records.map((r) => Object.fromEntries(header!.map((h, j) => [h, r[j]])) as Record<string, string>);
    for (const hold of ALL) {
      const officer = OFFICERS[hold.officer];
      const row = rows.find((r) => r.case_number === hold.caseNumber);
      expect(row, hold.caseNumber).toMatchObject({
        desk_code: `PLM-D0${hold.desk + 1}`,
        desk_name: `Meja ${hold.desk + 1}`,
        officer_number: officer.officerNumber,
        officer_name: officer.name,
        agency: officer.agency,
        decision: hold.decision.outcome,
        review_state: 'signed_off',
        surname: hold.surname,
        given_names: hold.given,
        nationality: 'IDN',
        document_number: maskDocumentNumber(hold.doc),
        destination_country: hold.country ?? '',
        origin_province_code: hold.origin?.provinceCode ?? '',
        origin_province: hold.origin?.province ?? '',
        origin_regency_code: hold.origin?.regencyCode ?? '',
        origin_regency: hold.origin?.regency ?? '',
        traveller_outcome: hold.outcome,
        signed_off_by: SUPERVISOR.officerNumber,
        signed_off_by_name: SUPERVISOR.name,
      });
      expect(row!.document_number).not.toBe(hold.doc);
      // Notes are never exported.
      expect(text).not.toContain(hold.note.split('\n')[0]!);
    }
    expect(text).not.toContain('K2000009');
    expect(text).not.toContain('عائلة');
    expect(csvExports()).toEqual([expect.objectContaining({ actor: SUPERVISOR.officerNumber, rows: 6, fullDocumentNumbers: false, filters: {}, savedAs })]);
    await shot(page, '5-csv-saved-id');

    // The report of the day, with its charts, in both languages; then saved as PDF where the supervisor picks.
    await page.getByRole('button', { name: /Kembali ke beranda/ }).click();
    await page.getByRole('button', { name: /Laporan supervisor/ }).click();
    await page.getByTestId('report-period').selectOption('day');
    const totals = page.getByTestId('report-totals-table').locator('tbody tr');
    await expect(totals.nth(1)).toHaveText(/Penundaan dan rujukan.*\s*6\s*0\s*\+6/);
    await expect(page.getByTestId('breakdown-desk').locator('tbody tr')).toHaveText([/PLM-D01 · Meja 1\s*3\s*0/, /PLM-D02 · Meja 2\s*3\s*0/]);
    for (const breakdown of ['decision', 'destination', 'agency', 'desk', 'hour', 'regency']) await expect(page.getByTestId(`chart-${breakdown}`)).toBeVisible();
    // The report's officer filter is the queue's: one officer's holds, at their desk only; then all again.
    const byComma = ALL.filter((h) => h.officer === 'comma').length;
    await page.getByTestId('report-filter-officer').selectOption(OFFICERS.comma.officerNumber);
    await expect(page.getByTestId('breakdown-desk').locator('tbody tr')).toHaveText([new RegExp(`PLM-D01 · Meja 1\\s*${byComma}\\s*0`)]);
    await page.getByTestId('report-filter-desk').selectOption('PLM-D02');
    await expect(page.getByTestId('breakdown-desk').locator('tbody tr')).toHaveCount(0);
    await page.getByTestId('report-filter-officer').selectOption('');
    await expect(page.getByTestId('breakdown-desk').locator('tbody tr')).toHaveText([/PLM-D02 · Meja 2\s*3\s*0/]);
    await page.getByTestId('report-filter-desk').selectOption('');
    await expect(page.getByTestId('breakdown-desk').locator('tbody tr')).toHaveCount(2);
    await shot(page, '6-report-id');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Review report' })).toBeVisible();
    await shot(page, '6-report-en');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await page.getByTestId('report-pdf').click();
    await expect(page.getByRole('status')).toContainText('Laporan disimpan sebagai pilihan-laporan-', { timeout: 120_000 });
    const pdfName = /pilihan-laporan-[\d-]+_[\d-]+\.pdf/.exec((await page.getByRole('status').textContent()) ?? '')![0];
    const pdf = join(OUT, 'report-day.pdf');
    writeFileSync(pdf, await readOpfsFile(page, pdfName));
    expect(pdfPageSizeMm(pdf)).toEqual({ width: 210, height: 297 });
    const pdfWords = pdfText(pdf);
    for (const words of ['Laporan tinjauan', 'Meja 1', 'Meja 2', 'Kota Palembang', 'Menurut kabupaten/kota asal']) expect(pdfWords).toContain(words);
    pdfToPng(pdf, 100);
    expect(audited(desks[0]!.core.databasePath, 'review.report_pdf_exported')).toEqual([expect.objectContaining({ actor: SUPERVISOR.officerNumber, period: 'day', savedAs: pdfName })]);

    // The sign-offs and countersignatures reach desk 2 through the hub.
    await expect.poll(() => casesHere(desks[1]!.core.databasePath, 'signed_off_at IS NOT NULL', numbers), { timeout: 60_000 }).toBe(6);

    // An officer at desk 1 has neither screen, and the core refuses the review to them.
    await page.getByRole('button', { name: /Kembali ke beranda/ }).click();
    await page.getByRole('button', { name: /Keluar/ }).click();
    await signIn(page, OFFICERS.comma.officerNumber, OFFICERS.comma.password);
    await expect(page.getByRole('button', { name: /Pemeriksaan baru/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Tinjauan harian supervisor/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Laporan supervisor/ })).toHaveCount(0);
    const day = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() };
    for (const [name, input] of [
      ['review.queue', day],
      ['review.exportCsv', { ...day, fullDocumentNumbers: true }],
      ['review.csvSaved', { exportId: '00000000-0000-4000-8000-000000000000', savedAs: 'x.csv' }],
    ] as const) {
      expect(await desks[0]!.core.dispatch(name, input as never)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(csvExports()).toHaveLength(1);
  } finally {
    for (const desk of desks) await desk.close();
    await hubs?.close();
  }
});
