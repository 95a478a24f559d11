// The supervisors' review tests' shared desk (issue 17): officers of both agencies and roles, hold decisions, a desk
// of real services on a fresh database with a clock the test moves, and delivery of another desk's events as sync
// does it. Each desk is removed after its test (cleanReviewDesks in afterEach).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queueFilterSchema, type CallResult, type Officer } from '../../shared/contract';
import { generateMrz } from '../../shared/mrz';
import { openServices } from '../../electron/core';
import { CaseRepository } from '../../electron/core/cases/case-repository';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { EventStore, eventFromRow, type EventRow } from '../../electron/core/events/event-store';
import { Projector } from '../../electron/core/events/projector';
import { EventIntake } from '../../electron/core/sync/event-intake';
import type { PulledEvent } from '../../shared/contract/sync';
import { CLEAR_TOURIST } from '../fixtures/triage-answers';
import type { PagePdfRenderer, ShellCapabilities } from '../../electron/core/types';

const cleanups: (() => void)[] = [];
/** Runs `fn` after the test (with the desks). */
export const onCleanup = (fn: () => void): void => void cleanups.push(fn);
export function cleanReviewDesks(): void {
  while (cleanups.length) cleanups.pop()!();
}

const person = (id: number, officerNumber: string, name: string, agency: Officer['agency'], role: Officer['role']): Officer => ({
  id,
  name,
  officerNumber,
  agency,
  role,
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
});
export const OFFICER_BP = person(11, 'BP-1', 'Budi Petugas', 'BP3MI', 'officer');
export const OFFICER_IM = person(12, 'IMI-1', 'Agus Saputra', 'IMIGRASI', 'officer');
export const SPV_BP = person(13, 'BP-SPV', 'Sari Supervisor', 'BP3MI', 'supervisor');
export const SPV_IM = person(14, 'IMI-SPV', 'Hendra Wijaya', 'IMIGRASI', 'supervisor');

export interface Decision {
  outcome: 'clear' | 'tunda' | 'refer_bp3mi' | 'passport_action';
  reasons: string[];
  legalGround: string | null;
  note: string;
}
export const TUNDA: Decision = { outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tanpa ID PMI.' };
export const REFER: Decision = { outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Ke BP3MI.' };
export const PASSPORT: Decision = { outcome: 'passport_action', reasons: ['WATCH_LIST'], legalGround: 'PERMENKUMHAM_8_2014_PREVENTION_LIST', note: 'Daftar cegah.' };
export const CLEAR: Decision = { outcome: 'clear', reasons: [], legalGround: null, note: '' };

export function mrz(documentNumber: string, surname = 'LESTARI'): string {
  return generateMrz('TD3', {
    documentCode: 'P',
    issuingState: 'IDN',
    nationality: 'IDN',
    primaryIdentifier: surname,
    secondaryIdentifier: 'SITI',
    documentNumber,
    birthDate: '1999-04-12',
    sex: 'F',
    expiryDate: '2031-01-01',
  }).join('\n');
}

export function must<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The window of the test clock's day in Palembang (WIB, UTC+7). */
export const DAY = { from: '2026-11-28T00:00:00+07:00', to: '2026-11-29T00:00:00+07:00' };

/** One desk's real services on a fresh database, with a clock the test moves. */
export function desk(deskCode = 'D01', shell?: ShellCapabilities, pagePdf?: PagePdfRenderer) {
  const dir = mkdtempSync(join(tmpdir(), 'meja-review-'));
  const clock = { now: new Date('2026-11-28T08:00:00Z') };
  const services = openServices({ dataDir: dir, now: () => clock.now, shell, pagePdf });
  cleanups.push(() => {
    services.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  services.settings.update({ deskCode, deskName: `Meja ${deskCode.slice(1).replace(/^0/, '')}` });
  const hold = (documentNumber: string, decision: Decision, by: Officer, surname?: string): string => {
    const opened = must(services.cases.open({ source: 'manual', mrz: mrz(documentNumber, surname) }, by));
    // A clear needs every question shown answered (checklist 2026.2 on).
    if (decision.outcome === 'clear') must(services.cases.recordAnswers({ caseId: opened.id, answers: CLEAR_TOURIST }, by));
    must(services.cases.decide({ caseId: opened.id, ...decision, contact: null }, by));
    return opened.id;
  };
  const queue = (filter: Record<string, unknown> = {}) => services.review.queue(queueFilterSchema.parse({ ...DAY, ...filter }), SPV_BP);
  const minutes = (m: number) => new Date(clock.now.getTime() + m * 60_000).toISOString();
  return { services, clock, hold, queue, minutes, events: () => services.db.prepare('SELECT * FROM events ORDER BY device_seq').all() as EventRow[] };
}

/** Delivers another desk's events into a database the way sync does: receive, then project what is new. */
export function deliver(into: Db, events: EventRow[]): void {
  const projector = new Projector(new CaseRepository(into));
  const store = new EventStore(into, 'unused');
  into.transaction(() => {
    for (const row of events) {
      const parsed = eventFromRow(row);
      if (!parsed.ok) throw new Error(parsed.problem);
      if (store.receive(parsed.event)) projector.apply(parsed.event);
    }
  })();
}

/**
 * Delivers another desk's events through the desk's own intake, as a pull does: stored, projected, and checked for
 * conflicts with what this desk recorded while apart.
 */
export function deliverBySync(into: ReturnType<typeof desk>, events: EventRow[], from = { airportCode: 'PLM', deskCode: 'D02' }): void {
  const { services } = into;
  const intake = new EventIntake(services.db, services.events, services.projector, () => into.clock.now, (event) => services.cases.conflicts.afterApply(event));
  const pulled = events.map((row) => {
    const parsed = eventFromRow(row);
    if (!parsed.ok) throw new Error(parsed.problem);
    return { ...parsed.event, ...from } as PulledEvent;
  });
  intake.takePage(pulled, () => {});
}

export function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'meja-review-replay-'));
  const db = openDatabase(join(dir, 'fresh.sqlite'));
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}
