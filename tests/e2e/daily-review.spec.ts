// The supervisor's daily review in the browser host (issue 17): a day's holds from two desks (the other desk's
// events delivered as sync does), 1,200 rows in a virtualised list, filters and sort, a case under review, an
// outcome and a sign-off, in Indonesian and English; an officer never sees the screen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Officer } from '../../shared/contract';
import { generateMrz } from '../../shared/mrz';
import { openServices } from '../../electron/core';
import { CaseRepository } from '../../electron/core/cases/case-repository';
import { openDatabase } from '../../electron/core/db/connection';
import { EventStore, eventFromRow, type EventRow } from '../../electron/core/events/event-store';
import { Projector } from '../../electron/core/events/projector';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { expect, signIn, test } from './desk-fixture';

// Scrollbars as a desk shows them: headless Chromium hides them by default, which hid a heading row out of line with
// its rows by a scrollbar's width.
test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] } });

const OTHER_DESK_HOLDS = 1200;
const BP_OFFICER: Officer = { id: 90, name: 'Dewi Petugas', officerNumber: 'BP-D2', agency: 'BP3MI', role: 'officer', active: true, createdAt: '2026-01-01T00:00:00Z' };

const mrz = (documentNumber: string, surname: string) =>
  generateMrz('TD3', {
    documentCode: 'P',
    issuingState: 'IDN',
    nationality: 'IDN',
    primaryIdentifier: surname,
    secondaryIdentifier: 'SITI',
    documentNumber,
    birthDate: '1997-03-04',
    sex: 'F',
    expiryDate: '2031-01-01',
  }).join('\n');

const TUNDA = { outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tanpa ID PMI.' } as const;
const REFER = { outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Ke BP3MI, "shelter", Palembang.' } as const;

/** Desk D02 records its holds of today in its own database; returns its events, as the hub would hand them on. */
function otherDeskEvents(): { events: EventRow[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'meja-e2e-d02-'));
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const span = Math.max(60_000, Date.now() - 10 * 60_000 - midnight.getTime());
  const clock = { now: midnight };
  const services = openServices({ dataDir: dir, now: () => clock.now });
  services.settings.update({ deskCode: 'D02', deskName: 'Meja 2' });
  for (let i = 0; i < OTHER_DESK_HOLDS; i++) {
    clock.now = new Date(midnight.getTime() + Math.floor((span * i) / OTHER_DESK_HOLDS));
    const opened = services.cases.open({ source: 'manual', mrz: mrz(`D${String(2_000_000 + i)}`, i % 2 ? 'WIDODO' : 'SARI') }, BP_OFFICER);
    if (!opened.ok) throw new Error(opened.error.message);
    const decided = services.cases.decide({ caseId: opened.value.id, ...(i % 3 ? TUNDA : REFER), reasons: [...(i % 3 ? TUNDA : REFER).reasons], contact: null }, BP_OFFICER);
    if (!decided.ok) throw new Error(decided.error.message);
  }
  const events = services.db.prepare('SELECT * FROM events ORDER BY device_seq').all() as EventRow[];
  services.db.close();
  return { events, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a supervisor works a day of holds from two desks: virtualised queue, filters, review, outcome and sign-off', async ({ page, desk, shot }) => {
  test.setTimeout(240_000);
  await desk.start({ demo: true });
  // This desk's own holds, decided by a demo officer through the core.
  await desk.core.dispatch('session.signIn', { officerNumber: 'DEMO-BP', password: 'demo-petugas-2026' });
  const ownIds: string[] = [];
  for (const [doc, decision] of [['A1000001', REFER], ['A1000002', TUNDA]] as const) {
    const opened = await desk.core.dispatch('cases.open', { source: 'manual', mrz: mrz(doc, 'LESTARI') });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = (opened.value as { id: string }).id;
    ownIds.push(id);
    const decided = await desk.core.dispatch('cases.decide', { caseId: id, ...decision, reasons: [...decision.reasons] });
    if (!decided.ok) throw new Error(decided.error.message);
  }
  await desk.core.dispatch('session.signOut', {});
  // The other desk's events arrive as sync delivers them: stored as recorded, then projected.
  const other = otherDeskEvents();
  const db = openDatabase(desk.core.databasePath);
  const store = new EventStore(db, 'unused');
  const projector = new Projector(new CaseRepository(db));
  db.transaction(() => {
    for (const row of other.events) {
      const parsed = eventFromRow(row);
      if (!parsed.ok) throw new Error(parsed.problem);
      if (store.receive(parsed.event)) projector.apply(parsed.event);
    }
  })();
  db.close();
  other.cleanup();

  await desk.open(page);
  await signIn(page, 'DEMO-SPV-BP', 'demo-supervisor-2026');
  await page.getByRole('button', { name: /Tinjauan harian supervisor/ }).click();
  const total = OTHER_DESK_HOLDS + 2;
  await expect(page.getByTestId('count-holds')).toContainText(String(total));
  await expect(page.getByTestId('count-notSignedOff')).toContainText(String(total));
  await expect(page.getByTestId('queue-shown')).toContainText(`${total} dari ${total}`);
  // Virtualised: a screenful of rows in the page, not 1,202.
  const rendered = await page.getByTestId('queue-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await shot(page, '1-queue-id');
  // At the desk's screens and at 200% zoom (a 1280x720 window zoomed twice lays out as 640x360 CSS pixels): the page
  // never scrolls sideways, and no cell (the state column among them) is cut. At 1280 and 1366 the whole table fits;
  // at 200% the table alone scrolls sideways, keeping its columns (a data table, WCAG 1.4.10's exception).
  for (const [width, height, name] of [[1280, 720, '1280x720'], [1366, 768, '1366x768'], [640, 360, 'zoom-200']] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(page_.scroll).toBe(page_.client);
    const table = await page.locator('.queue-table').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    if (width >= 1280) expect(table.scroll).toBe(table.client);
    else expect(table.scroll).toBeGreaterThan(table.client);
    const clipped = await page.locator('.queue-row [role=cell], .queue-row [role=columnheader]').evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1).map((cell) => cell.textContent),
    );
    expect(clipped).toEqual([]);
    // Each heading stands over its column: the list's scrollbar takes no width from the rows that the heading keeps.
    const columnEdges = (selector: string) =>
      page.locator(selector).first().evaluate((row) => Array.from(row.children).map((cell) => cell.getBoundingClientRect().left));
    const headEdges = await columnEdges('.queue-head');
    const rowEdges = await columnEdges('.queue-item');
    expect(rowEdges).toHaveLength(headEdges.length);
    expect(Math.max(...rowEdges.map((left, i) => Math.abs(left - headEdges[i]!)))).toBeLessThan(1);
    await shot(page, `1-queue-${name}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  // Scrolled to the end, the last hold of the day (this desk's, opened last) is there.
  await page.getByTestId('queue-rows').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByTestId('queue-row').last()).toContainText('LESTARI');
  expect(await page.getByTestId('queue-row').count()).toBeLessThan(60);

  // Filters and sort are the core's: this desk only, then newest first.
  await page.getByTestId('filter-desk').selectOption('PLM-D01');
  await expect(page.getByTestId('queue-row')).toHaveCount(2);
  // Opened time ascending is the default: one click turns it.
  await page.getByTestId('sort-openedAt').click();
  await expect(page.getByTestId('sort-openedAt')).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('queue-row').first()).toContainText('Tunda keberangkatan');
  // By keyboard: the row's case number is its button (a click anywhere on the row opens it too, as elsewhere).
  await page.getByTestId('queue-row').last().getByRole('button').focus();
  await page.keyboard.press('Enter');

  // The case under review.
  await expect(page.getByTestId('case-review')).toBeVisible();
  await expect(page.getByTestId('review-decision')).toContainText('Rujuk ke BP3MI');
  await expect(page.getByTestId('sign-off')).toBeDisabled();
  await page.getByTestId('note-input').fill('Diantar ke shelter BP3MI, "Rumah Aman", عائلة');
  await page.getByTestId('add-note').click();
  await expect(page.getByTestId('supervisor-notes')).toContainText('عائلة');
  await shot(page, '2-case-under-review');
  await page.getByTestId('outcome-choice').selectOption('handed_to_bp3mi');
  await page.getByTestId('save-outcome').click();
  await expect(page.getByTestId('outcome-recorded')).toContainText('Diserahkan ke BP3MI');
  await page.getByTestId('sign-off').click();
  await expect(page.getByTestId('signed-off')).toContainText('Disahkan oleh');
  await shot(page, '3-signed-off-with-outcome');

  // Back at the queue, one fewer to sign off; the same screens in English.
  await page.getByTestId('back-to-queue').click();
  await expect(page.getByTestId('count-notSignedOff')).toContainText(String(total - 1));
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Daily review' })).toBeVisible();
  await page.getByTestId('filter-state').selectOption('signed_off');
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toContainText('Signed off');
  await shot(page, '4-queue-en');
});

test('an officer has no daily review on the home screen, and the dispatch refuses the queue to the officer signed in', async ({ page, desk }) => {
  await desk.start({ demo: true });
  await desk.open(page);
  await signIn(page, 'DEMO-BP', 'demo-petugas-2026');
  await expect(page.getByRole('button', { name: /Pemeriksaan baru/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Tinjauan harian supervisor/ })).toHaveCount(0);
  const now = new Date();
  const refused = await desk.core.dispatch('review.queue', { from: new Date(now.getTime() - 3_600_000).toISOString(), to: now.toISOString() });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});
