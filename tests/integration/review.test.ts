// The supervisors' review on the real core (issue 17): the daily queue of holds from two desks (the other desk's
// events received as sync delivers them), its counts, filters and sort; the rules of sign-off, outcome, notes and
// the countersignature with the password, each tried and broken; the roles at the dispatch; replay of review events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Officer } from '../../shared/contract';
import { generateMrz } from '../../shared/mrz';
import { openServices } from '../../electron/core';
import { CaseRepository } from '../../electron/core/cases/case-repository';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { EventStore, eventFromRow, type EventRow } from '../../electron/core/events/event-store';
import { Projector } from '../../electron/core/events/projector';
import { ADMIN, openDeskWithAdmin, type TestDesk } from './core-harness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const SPV_BP = { name: 'Sari Supervisor', officerNumber: 'BP-SPV', agency: 'BP3MI', role: 'supervisor', password: 'supervisor-pass-1' } as const;
const SPV_IM = { name: 'Hendra Wijaya', officerNumber: 'IMI-SPV', agency: 'IMIGRASI', role: 'supervisor', password: 'supervisor-pass-2' } as const;
const OFFICER_BP = { name: 'Budi Petugas', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'officer-pass-01' } as const;
const OFFICER_IM = { name: 'Agus Saputra', officerNumber: 'IMI-1', agency: 'IMIGRASI', role: 'officer', password: 'officer-pass-02' } as const;
type Account = typeof SPV_BP | typeof SPV_IM | typeof OFFICER_BP | typeof OFFICER_IM | typeof ADMIN;

function mrz(documentNumber: string, surname = 'LESTARI'): string {
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

interface Decision {
  outcome: 'clear' | 'tunda' | 'refer_bp3mi' | 'passport_action';
  reasons: string[];
  legalGround: string | null;
  note: string;
}
const TUNDA: Decision = { outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tanpa ID PMI.' };
const REFER: Decision = { outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Ke BP3MI.' };
const PASSPORT: Decision = { outcome: 'passport_action', reasons: ['WATCH_LIST'], legalGround: 'PERMENKUMHAM_8_2014_PREVENTION_LIST', note: 'Daftar cegah.' };
const CLEAR: Decision = { outcome: 'clear', reasons: [], legalGround: null, note: '' };

async function staffedDesk(): Promise<TestDesk> {
  const desk = await openDeskWithAdmin();
  cleanups.push(() => desk.close());
  for (const account of [SPV_BP, SPV_IM, OFFICER_BP, OFFICER_IM]) await desk.must('officers.create', account);
  return desk;
}

async function as(desk: TestDesk, account: Account): Promise<void> {
  await desk.must('session.signIn', { officerNumber: account.officerNumber, password: account.password });
}

/** Opens and decides a case as whoever is signed in; returns its id. */
async function hold(desk: TestDesk, documentNumber: string, decision: Decision): Promise<string> {
  const opened = await desk.must('cases.open', { source: 'manual', mrz: mrz(documentNumber) });
  await desk.must('cases.decide', { caseId: opened.id, ...decision });
  return opened.id;
}

/** The window of the test clock's day in Palembang (WIB, UTC+7). */
const DAY = { from: '2026-11-28T00:00:00+07:00', to: '2026-11-29T00:00:00+07:00' };

/** Delivers another desk's events into this desk's database the way sync does: receive, then project what is new. */
function deliver(into: Db, events: EventRow[]): void {
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

const officerOf = (account: typeof OFFICER_BP, id: number): Officer => ({ id, name: account.name, officerNumber: account.officerNumber, agency: account.agency, role: account.role, active: true, createdAt: '2026-11-01T00:00:00Z' });

/** A second desk, D02, with two holds and a clear case recorded in its own database; returns its events. */
function otherDesksEvents(): EventRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'meja-review-b-'));
  const clock = { now: new Date('2026-11-28T03:00:00Z') };
  const services = openServices({ dataDir: dir, now: () => clock.now });
  cleanups.push(() => {
    services.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  services.settings.update({ deskCode: 'D02', deskName: 'Meja 2' });
  const officer = officerOf(OFFICER_BP, 99);
  for (const [doc, decision] of [['B2000001', TUNDA], ['B2000002', REFER], ['B2000003', null]] as const) {
    const opened = services.cases.open({ source: 'manual', mrz: mrz(doc, 'WIDODO') }, officer);
    if (!opened.ok) throw new Error(opened.error.message);
    const decided = services.cases.decide({ caseId: opened.value.id, ...(decision ?? CLEAR), contact: null }, officer);
    if (!decided.ok) throw new Error(decided.error.message);
    clock.now = new Date(clock.now.getTime() + 10 * 60_000);
  }
  return services.db.prepare('SELECT * FROM events ORDER BY device_seq').all() as EventRow[];
}

function deskDb(desk: TestDesk): Db {
  const db = openDatabase(desk.core.databasePath);
  cleanups.push(() => db.close());
  return db;
}

describe('daily queue', () => {
  it("lists every hold of the day from both desks, never a clear case or another day's, with counts, filters and sort", async () => {
    const desk = await staffedDesk();
    await as(desk, OFFICER_IM);
    const passport = await hold(desk, 'A1000001', PASSPORT);
    desk.clock.advanceMinutes(2);
    const tunda = await hold(desk, 'A1000002', TUNDA);
    await hold(desk, 'A1000003', CLEAR);
    // The day before in Palembang: 16:59 UTC on the 27th is 23:59 WIB.
    desk.clock.now = new Date('2026-11-27T16:59:00Z');
    await as(desk, OFFICER_IM);
    await hold(desk, 'A1000004', TUNDA);
    desk.clock.now = new Date('2026-11-28T09:00:00Z');
    deliver(deskDb(desk), otherDesksEvents());

    await as(desk, SPV_BP);
    const queue = await desk.must('review.queue', DAY);
    expect(queue.counts).toEqual({ holds: 4, tunda: 2, referred: 1, passportActions: 1, awaitingCountersignature: 1, notSignedOff: 4 });
    expect(queue.rows.map((r) => r.deskName).sort()).toEqual(['Meja 1', 'Meja 1', 'Meja 2', 'Meja 2']);
    expect(queue.rows.every((r) => r.decision !== ('clear' as string))).toBe(true);
    // Opened order by default: D02's 03:00 and 03:10 UTC come before this desk's 08:00.
    expect(queue.rows.map((r) => r.documentNumber)).toEqual(['B2000001', 'B2000002', 'A1000001', 'A1000002']);
    expect(queue.rows.find((r) => r.id === passport)).toMatchObject({ state: 'awaiting_countersignature', agency: 'IMIGRASI', officerNumber: 'IMI-1' });
    expect(queue.rows.find((r) => r.id === tunda)).toMatchObject({ state: 'no_outcome', riskLevel: expect.any(String) });
    expect(queue.choices.desks).toEqual(['Meja 1', 'Meja 2']);

    const filtered = async (filter: Record<string, unknown>) => (await desk.must('review.queue', { ...DAY, ...filter })).rows.map((r) => r.documentNumber);
    expect(await filtered({ desk: 'Meja 2' })).toEqual(['B2000001', 'B2000002']);
    expect(await filtered({ agency: 'IMIGRASI' })).toEqual(['A1000001', 'A1000002']);
    expect(await filtered({ officer: 'BP-1' })).toEqual(['B2000001', 'B2000002']);
    expect(await filtered({ decision: 'tunda' })).toEqual(['B2000001', 'A1000002']);
    expect(await filtered({ state: 'awaiting_countersignature' })).toEqual(['A1000001']);
    expect(await filtered({ destinationCountry: 'MYS' })).toEqual([]);
    expect(await filtered({ sort: 'caseNumber', descending: true })).toEqual(['B2000002', 'B2000001', 'A1000002', 'A1000001']);
    expect(await filtered({ sort: 'decision' })).toEqual(['A1000001', 'B2000002', 'B2000001', 'A1000002']);
    // The shift that crosses midnight: 23:00 WIB on the 27th to 07:00 WIB on the 28th holds the late hold only.
    const night = await desk.must('review.queue', { from: '2026-11-27T23:00:00+07:00', to: '2026-11-28T07:00:00+07:00' });
    expect(night.rows.map((r) => r.documentNumber)).toEqual(['A1000004']);
    // Every showing of the queue is audited with its filter.
    const audited = (await desk.must('audit.recent', { limit: 100 })).filter((e) => e.action === 'review.queue_viewed');
    expect(audited.length).toBeGreaterThanOrEqual(10);
    expect(audited.some((e) => (e.detail.filters as Record<string, unknown>).desk === 'Meja 2')).toBe(true);
  });

  it('refuses a window that ends before it starts or spans more than a week', async () => {
    const desk = await staffedDesk();
    expect(await desk.call('review.queue', { from: DAY.to, to: DAY.from })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } });
    expect(await desk.call('review.queue', { from: '2026-11-01T00:00:00Z', to: '2026-11-28T00:00:00Z' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await desk.call('review.queue', { ...DAY, originRegency: 'Palembang' })).toMatchObject({ ok: false, error: { field: 'originRegency' } });
  });
});

describe('review rules', () => {
  it('lets an officer call no review procedure, an admin review but not sign off, and a supervisor do all', async () => {
    const desk = await staffedDesk();
    await as(desk, OFFICER_BP);
    const caseId = await hold(desk, 'A1000010', TUNDA);
    const calls = [
      ['review.queue', DAY],
      ['review.case', { caseId }],
      ['review.addNote', { caseId, note: 'saya petugas' }],
      ['review.recordOutcome', { caseId, outcome: 'handed_to_bp3mi', happenedAt: desk.clock.now.toISOString() }],
      ['review.signOff', { caseId }],
      ['review.countersign', { caseId, password: OFFICER_BP.password }],
    ] as const;
    for (const [name, input] of calls) {
      expect(await desk.core.dispatch(name, input), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await as(desk, ADMIN);
    expect((await desk.must('review.queue', DAY)).rows).toHaveLength(1);
    await desk.must('review.recordOutcome', { caseId, outcome: 'handed_to_bp3mi', happenedAt: desk.clock.now.toISOString() });
    expect(await desk.call('review.signOff', { caseId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await as(desk, SPV_BP);
    const signed = await desk.must('review.signOff', { caseId });
    expect(signed.signedOff).toMatchObject({ by: SPV_BP.officerNumber, byName: SPV_BP.name });
    // Nothing the officer tried was written.
    const db = deskDb(desk);
    const types = db.prepare('SELECT type, officer_number FROM events WHERE case_id = ? ORDER BY device_seq').all(caseId);
    expect(types).toEqual([
      { type: 'case.opened', officer_number: 'BP-1' },
      { type: 'case.decided', officer_number: 'BP-1' },
      { type: 'case.traveller_outcome_recorded', officer_number: ADMIN.officerNumber },
      { type: 'case.signed_off', officer_number: SPV_BP.officerNumber },
    ]);
  });

  it('signs off only a hold with an outcome, not awaiting countersignature, not their own, and only once', async () => {
    const desk = await staffedDesk();
    await as(desk, OFFICER_IM);
    const passport = await hold(desk, 'A1000020', PASSPORT);
    const clear = await hold(desk, 'A1000021', CLEAR);
    await as(desk, SPV_BP);
    const own = await hold(desk, 'A1000022', TUNDA);
    await as(desk, OFFICER_BP);
    const tunda = await hold(desk, 'A1000023', TUNDA);
    await as(desk, SPV_BP);
    const now = () => desk.clock.now.toISOString();

    expect(await desk.call('review.signOff', { caseId: clear })).toMatchObject({ ok: false, error: { reason: 'notAHold' } });
    expect(await desk.call('review.recordOutcome', { caseId: clear, outcome: 'other', happenedAt: now(), note: 'x' })).toMatchObject({ ok: false, error: { reason: 'notAHold' } });
    expect(await desk.call('review.signOff', { caseId: passport })).toMatchObject({ ok: false, error: { reason: 'awaitingCountersignature' } });
    expect(await desk.call('review.recordOutcome', { caseId: passport, outcome: 'handed_to_police', happenedAt: now() })).toMatchObject({
      ok: false,
      error: { reason: 'awaitingCountersignature' },
    });
    expect(await desk.call('review.signOff', { caseId: tunda })).toMatchObject({ ok: false, error: { reason: 'outcomeRequired' } });
    await desk.must('review.recordOutcome', { caseId: own, outcome: 'traveller_withdrew', happenedAt: now() });
    expect(await desk.call('review.signOff', { caseId: own })).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'signOffOwnDecision' } });
    expect(await desk.call('review.signOff', { caseId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await desk.must('review.recordOutcome', { caseId: tunda, outcome: 'released_documents_complete', happenedAt: now() });
    // Two sign-offs at once (two windows, a double click): exactly one is recorded.
    const both = await Promise.all([desk.call('review.signOff', { caseId: tunda }), desk.call('review.signOff', { caseId: tunda })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'alreadySignedOff' } });
    // A signed-off outcome stays as signed.
    expect(await desk.call('review.recordOutcome', { caseId: tunda, outcome: 'handed_to_police', happenedAt: now() })).toMatchObject({
      ok: false,
      error: { reason: 'alreadySignedOff' },
    });
    const db = deskDb(desk);
    expect(db.prepare("SELECT count(*) FROM events WHERE type = 'case.signed_off'").pluck().get()).toBe(1);
    const queue = await desk.must('review.queue', DAY);
    expect(queue.counts.notSignedOff).toBe(queue.counts.holds - 1);
    expect(queue.rows.find((r) => r.id === tunda)).toMatchObject({ state: 'signed_off', travellerOutcome: 'released_documents_complete', signedOffByName: SPV_BP.name });
  });

  it("records the traveller's outcome with its time: never before the decision, never ahead, 'other' with a note", async () => {
    const desk = await staffedDesk();
    await as(desk, OFFICER_BP);
    const caseId = await hold(desk, 'A1000030', REFER);
    await as(desk, SPV_BP);
    const minutes = (m: number) => new Date(desk.clock.now.getTime() + m * 60_000).toISOString();
    expect(await desk.call('review.recordOutcome', { caseId, outcome: 'handed_to_bp3mi', happenedAt: minutes(-30) })).toMatchObject({
      ok: false,
      error: { field: 'happenedAt', reason: 'outcomeBeforeDecision' },
    });
    expect(await desk.call('review.recordOutcome', { caseId, outcome: 'handed_to_bp3mi', happenedAt: minutes(60) })).toMatchObject({
      ok: false,
      error: { field: 'happenedAt', reason: 'outcomeInFuture' },
    });
    expect(await desk.call('review.recordOutcome', { caseId, outcome: 'other', happenedAt: minutes(0), note: '   ' })).toMatchObject({
      ok: false,
      error: { field: 'note', reason: 'outcomeNoteRequired' },
    });
    expect(await desk.call('review.recordOutcome', { caseId, outcome: 'deported' as never, happenedAt: minutes(0) })).toMatchObject({ ok: false, error: { field: 'outcome' } });
    desk.clock.advanceMinutes(45);
    await as(desk, SPV_BP);
    // Recorded later than it happened, in Palembang time: stored as the instant.
    const recorded = await desk.must('review.recordOutcome', { caseId, outcome: 'other', happenedAt: '2026-11-28T15:20:00+07:00', note: 'Dijemput keluarga, "kakak", ke Lahat.' });
    expect(recorded.travellerOutcome).toMatchObject({ outcome: 'other', happenedAt: '2026-11-28T08:20:00.000Z', recordedAt: '2026-11-28T08:45:00.000Z', by: SPV_BP.officerNumber });
    // Correcting the outcome before sign-off: the later recording is the one shown.
    desk.clock.advanceMinutes(1);
    const corrected = await desk.must('review.recordOutcome', { caseId, outcome: 'handed_to_bp3mi', happenedAt: minutes(0) });
    expect(corrected.travellerOutcome?.outcome).toBe('handed_to_bp3mi');
  });

  it('keeps every supervisor note verbatim, in order, with author and time, and audits each step', async () => {
    const desk = await staffedDesk();
    await as(desk, OFFICER_BP);
    const caseId = await hold(desk, 'A1000040', TUNDA);
    await as(desk, SPV_BP);
    const hostile = `<img src=x onerror=alert(1)>'; DROP TABLE cases; -- عائلة, "kutip"\nbaris baru`;
    await desk.must('review.addNote', { caseId, note: hostile });
    desk.clock.advanceMinutes(1);
    await as(desk, SPV_IM);
    const detail = await desk.must('review.addNote', { caseId, note: 'Dicek ulang.' });
    expect(detail.notes).toEqual([
      { at: '2026-11-28T08:00:00.000Z', by: SPV_BP.officerNumber, byName: SPV_BP.name, note: hostile },
      { at: '2026-11-28T08:01:00.000Z', by: SPV_IM.officerNumber, byName: SPV_IM.name, note: 'Dicek ulang.' },
    ]);
    expect(await desk.call('review.addNote', { caseId, note: '   ' })).toMatchObject({ ok: false, error: { field: 'note' } });
    const shown = await desk.must('review.case', { caseId });
    expect(shown.case.decisionDetail).toMatchObject({ outcome: 'tunda', legalGround: TUNDA.legalGround });
    expect(shown.notes).toHaveLength(2);
    const actions = (await desk.must('audit.recent', { limit: 50 })).map((e) => e.action);
    expect(actions.filter((a) => a === 'review.noted')).toHaveLength(2);
    expect(actions).toContain('case.viewed');
  });

  it('countersigns a passport action only with the supervisor password typed again; a wrong one counts and changes nothing', async () => {
    const desk = await staffedDesk();
    await as(desk, OFFICER_IM);
    const caseId = await hold(desk, 'A1000050', PASSPORT);
    await as(desk, SPV_BP);
    // A BP3MI supervisor with the right password is still not the one who countersigns.
    expect(await desk.call('review.countersign', { caseId, password: SPV_BP.password })).toMatchObject({ ok: false, error: { reason: 'countersignImigrasiSupervisor' } });
    await as(desk, SPV_IM);
    expect(await desk.call('review.countersign', { caseId, password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect((await desk.must('review.case', { caseId })).case.status).toBe('awaiting_countersignature');
    const signed = await desk.must('review.countersign', { caseId, password: SPV_IM.password });
    expect(signed.case).toMatchObject({ status: 'decided', decisionDetail: { countersignedBy: SPV_IM.officerNumber } });
    expect(await desk.call('review.countersign', { caseId, password: SPV_IM.password })).toMatchObject({ ok: false, error: { reason: 'notAwaitingCountersignature' } });
  });
});

describe('review events', () => {
  it('rebuild the review from events alone, and two desks signing off the same hold keep the first sign-off in either order', async () => {
    const desk = await staffedDesk();
    await as(desk, OFFICER_BP);
    const caseId = await hold(desk, 'A1000060', TUNDA);
    await as(desk, SPV_BP);
    await desk.must('review.recordOutcome', { caseId, outcome: 'handed_to_bp3mi', happenedAt: desk.clock.now.toISOString() });
    await desk.must('review.addNote', { caseId, note: 'Diserahkan ke shelter.' });
    desk.clock.advanceMinutes(2);
    await desk.must('review.signOff', { caseId });
    const db = deskDb(desk);
    const events = db.prepare('SELECT * FROM events ORDER BY device_seq').all() as EventRow[];
    const caseRow = (into: Db) => into.prepare('SELECT * FROM cases WHERE id = ?').get(caseId);
    const notes = (into: Db) => into.prepare('SELECT case_id, event_id, author, author_name, at, note FROM supervisor_notes').all();

    // Another desk's supervisor signed off the same hold a minute earlier, before the two desks synced.
    const earlier = eventFromRow(events.find((e) => e.type === 'case.signed_off')!);
    if (!earlier.ok) throw new Error(earlier.problem);
    const rival: EventRow = {
      ...events.find((e) => e.type === 'case.signed_off')!,
      id: '11111111-1111-4111-8111-111111111111',
      device_id: 'other-desk',
      device_seq: 1,
      officer_number: SPV_IM.officerNumber,
      at: new Date(Date.parse(earlier.event.at) - 60_000).toISOString(),
      payload: JSON.stringify({ officerName: SPV_IM.name }),
    };
    for (const order of [[...events, rival], [rival, ...events]]) {
      const dir = mkdtempSync(join(tmpdir(), 'meja-review-replay-'));
      const fresh = openDatabase(join(dir, 'fresh.sqlite'));
      cleanups.push(() => {
        fresh.close();
        rmSync(dir, { recursive: true, force: true });
      });
      // The rival cannot come before the case it is for; otherwise any order.
      deliver(fresh, order[0] === rival ? events.slice(0, 2) : []);
      deliver(fresh, order);
      expect(fresh.prepare('SELECT signed_off_by, signed_off_at FROM cases WHERE id = ?').get(caseId)).toEqual({ signed_off_by: SPV_IM.officerNumber, signed_off_at: rival.at });
      expect(notes(fresh)).toEqual(notes(db));
      const { signed_off_by: _b, signed_off_by_name: _n, signed_off_at: _a, signed_off_event_id: _e, ...rest } = caseRow(fresh) as Record<string, unknown>;
      const { signed_off_by: _b2, signed_off_by_name: _n2, signed_off_at: _a2, signed_off_event_id: _e2, ...expected } = caseRow(db) as Record<string, unknown>;
      expect(rest).toEqual(expected);
    }
    // Replaying this desk's own events alone rebuilds its rows exactly.
    const dir = mkdtempSync(join(tmpdir(), 'meja-review-replay-'));
    const fresh = openDatabase(join(dir, 'fresh.sqlite'));
    cleanups.push(() => {
      fresh.close();
      rmSync(dir, { recursive: true, force: true });
    });
    deliver(fresh, events);
    expect(caseRow(fresh)).toEqual(caseRow(db));
    expect(notes(fresh)).toEqual(notes(db));
  });
});
