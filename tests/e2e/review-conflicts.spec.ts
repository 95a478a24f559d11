// Sync conflicts in the supervisor's review, in the browser host (issue 17): a hold that this desk and desk D02 decided
// while apart arrives through the desk's real sync intake; the daily queue counts and marks it, the conflicts filter
// lists it, and the case review shows both decisions with who and when, in Indonesian and English; a traveller this
// desk cleared first and D02 held is listed apart (no hold) and opens the same review.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Officer } from '../../shared/contract';
import type { PulledEvent } from '../../shared/contract/sync';
import { openServices } from '../../electron/core';
import { CaseConflicts } from '../../electron/core/cases/case-conflicts';
import { CaseRepository } from '../../electron/core/cases/case-repository';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { EventStore, eventFromRow, type EventRow } from '../../electron/core/events/event-store';
import { Projector } from '../../electron/core/events/projector';
import { EventIntake } from '../../electron/core/sync/event-intake';
import { expect, signIn, test } from './desk-fixture';
import { CLEAR_TOURIST } from '../fixtures/triage-answers';
import { passport } from './queue-tools';

const TUNDA = { outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tanpa ID PMI.' } as const;
const REFER = { outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Ke BP3MI.' } as const;
const D02_OFFICER: Officer = { id: 90, name: 'Dewi Petugas', officerNumber: 'BP-D2', agency: 'BP3MI', role: 'officer', active: true, createdAt: '2026-01-01T00:00:00Z' };

/** Takes `rows` into `db` through the sync intake and its conflict check, as a pull from the hub does. */
function pull(db: Db, rows: EventRow[], deskCode: string, conflicts?: CaseConflicts): void {
  const repository = new CaseRepository(db);
  const projector = new Projector(repository);
  const store = new EventStore(db, 'unused');
  const check = conflicts ?? new CaseConflicts(store, projector, repository, () => new Date());
  const pulled = rows.map((row) => {
    const parsed = eventFromRow(row);
    if (!parsed.ok) throw new Error(parsed.problem);
    return { ...parsed.event, airportCode: 'PLM', deskCode } as PulledEvent;
  });
  new EventIntake(db, store, projector, () => new Date(), (event) => check.afterApply(event)).takePage(pulled, () => {});
}

const allEvents = (db: Db) => db.prepare('SELECT * FROM events ORDER BY at, device_seq').all() as EventRow[];

test('a hold two desks decided while apart is counted, marked and filtered in the queue, and its review shows both decisions', async ({ page, desk, shot }) => {
  test.setTimeout(180_000);
  await desk.start({ demo: true });
  // This desk opens two cases; desk D02 gets them by sync, then both desks decide the second while apart.
  await desk.core.dispatch('session.signIn', { officerNumber: 'DEMO-BP', password: 'demo-petugas-2026' });
  const ids: string[] = [];
  for (const [doc, surname] of [['K7000001', 'LESTARI'], ['K7000002', 'WIDODO'], ['K7000003', 'RAHAYU']] as const) {
    const opened = (await desk.core.dispatch('cases.open', { source: 'manual', mrz: passport(doc, surname, 'SITI').join('\n') })) as { ok: true; value: { id: string } };
    ids.push(opened.value.id);
  }
  await desk.core.dispatch('cases.decide', { caseId: ids[0], ...TUNDA, reasons: [...TUNDA.reasons] });

  const dir = mkdtempSync(join(tmpdir(), 'meja-e2e-d02-'));
  const other = openServices({ dataDir: dir });
  other.settings.update({ deskCode: 'D02', deskName: 'Meja 2' });
  const ours = openDatabase(desk.core.databasePath);
  pull(other.db, allEvents(ours), 'D01', other.cases.conflicts);
  await desk.core.dispatch('cases.decide', { caseId: ids[1], ...TUNDA, reasons: [...TUNDA.reasons] });
  // The third: this desk clears the traveller, D02 holds them; the clear came first and stands.
  await desk.core.dispatch('cases.recordAnswers', { caseId: ids[2], answers: CLEAR_TOURIST });
  const cleared = await desk.core.dispatch('cases.decide', { caseId: ids[2], outcome: 'clear' });
  if (!cleared.ok) throw new Error(cleared.error.message);
  await desk.core.dispatch('session.signOut', {});
  await new Promise((resolve) => setTimeout(resolve, 20));
  const decided = other.cases.decide({ caseId: ids[1]!, ...REFER, reasons: [...REFER.reasons], contact: null }, D02_OFFICER);
  if (!decided.ok) throw new Error(decided.error.message);
  const held = other.cases.decide({ caseId: ids[2]!, ...TUNDA, reasons: [...TUNDA.reasons], contact: null }, D02_OFFICER);
  if (!held.ok) throw new Error(held.error.message);
  pull(ours, allEvents(other.db), 'D02');
  ours.close();
  other.db.close();
  rmSync(dir, { recursive: true, force: true });

  await desk.open(page);
  await signIn(page, 'DEMO-SPV-BP', 'demo-supervisor-2026');
  await page.getByRole('button', { name: /Tinjauan harian supervisor/ }).click();
  await expect(page.getByTestId('count-holds')).toContainText('2');
  await expect(page.getByTestId('count-conflicts')).toContainText('1');
  await expect(page.getByTestId('count-conflicts')).toContainText('Konflik antarmeja');
  await expect(page.getByTestId('row-conflict')).toHaveCount(1);
  await expect(page.locator('.queue-item.has-conflict')).toContainText('WIDODO');
  // The cleared traveller whom D02 held is no hold, so not a row: it is listed above the filters.
  await expect(page.getByTestId('conflicted-clears')).toContainText('Kasus bersih dengan konflik antarmeja: 1');
  await expect(page.getByTestId('conflicted-clears').getByRole('button')).toContainText('RAHAYU');
  await page.getByTestId('filter-conflicts').selectOption('only');
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toContainText('WIDODO');
  await shot(page, '1-queue-conflicts-id');

  await page.getByTestId('queue-row').click();
  const conflicts = page.getByTestId('sync-conflicts');
  await expect(conflicts).toContainText('Konflik antarmeja: perlu supervisor');
  await expect(conflicts).toContainText('Diputuskan di dua meja');
  await expect(conflicts.locator('ol li')).toHaveText([/DEMO-BP: Tunda keberangkatan/, /BP-D2: Rujuk ke BP3MI/]);
  // The first decision stands on the case.
  await expect(page.getByTestId('review-decision')).toContainText('Tunda keberangkatan');
  await shot(page, '2-review-conflict-id');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(conflicts).toContainText('Decided at two desks');
  await expect(conflicts.locator('ol li').nth(1)).toContainText('BP-D2: Refer to BP3MI');
  await shot(page, '3-review-conflict-en');

  await page.getByTestId('back-to-queue').click();
  await page.getByTestId('conflicted-clears').getByRole('button').click();
  await expect(conflicts.locator('ol li')).toHaveText([/DEMO-BP: Clear/, /BP-D2: Delay departure \(Tunda\)/]);
  await expect(page.getByTestId('review-decision')).toContainText('Clear');
  await shot(page, '4-review-cleared-conflict-en');
});
