// The supervisors' review on the real core (issue 17): the daily queue of holds from two desks (the other desk's
// events received as sync delivers them), its counts, filters and sort; the rules of sign-off, outcome, notes and
// the countersignature with the password, each tried and broken; the roles at the dispatch; replay of review events.
// Rules are driven through the desk's services on a real database (no password hashing, which this small machine
// pays dearly for); roles through the dispatch with real accounts.
import { afterEach, describe, expect, it } from 'vitest';
import { procedures, queueFilterSchema } from '../../shared/contract';

const reviewOutcomeInput = procedures['review.recordOutcome'].input;
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { ADMIN, openDeskWithAdmin } from './core-harness';
import type { EventRow } from '../../electron/core/events/event-store';
import { CLEAR, DAY, OFFICER_BP, OFFICER_IM, PASSPORT, REFER, SPV_BP, SPV_IM, TUNDA, cleanReviewDesks, deliver, desk, freshDb, mrz, must, onCleanup } from './review-harness';

afterEach(cleanReviewDesks);

describe('daily queue', () => {
  it("lists every hold of the day from both desks, never a clear case or another day's, with counts, filters and sort", () => {
    const a = desk('D01');
    const passport = a.hold('A1000001', PASSPORT, OFFICER_IM);
    a.clock.now = new Date('2026-11-28T08:02:00Z');
    const tunda = a.hold('A1000002', TUNDA, OFFICER_IM);
    a.hold('A1000003', CLEAR, OFFICER_IM);
    // The day before in Palembang: 16:59 UTC on the 27th is 23:59 WIB.
    a.clock.now = new Date('2026-11-27T16:59:00Z');
    a.hold('A1000004', TUNDA, OFFICER_IM);
    const b = desk('D02');
    b.clock.now = new Date('2026-11-28T03:00:00Z');
    b.hold('B2000001', TUNDA, OFFICER_BP, 'WIDODO');
    b.clock.now = new Date('2026-11-28T03:10:00Z');
    b.hold('B2000002', REFER, OFFICER_BP, 'WIDODO');
    b.hold('B2000003', CLEAR, OFFICER_BP, 'WIDODO');
    deliver(a.services.db, b.events());

    const queue = a.queue();
    expect(queue.counts).toEqual({ holds: 4, tunda: 2, referred: 1, passportActions: 1, awaitingCountersignature: 1, notSignedOff: 4, conflicts: 0 });
    // Opened order by default: D02's 03:00 and 03:10 UTC come before this desk's 08:00.
    expect(queue.rows.map((r) => r.documentNumber)).toEqual(['B2000001', 'B2000002', 'A1000001', 'A1000002']);
    expect(queue.rows.map((r) => [r.deskCode, r.deskName])).toEqual([
      ['PLM-D02', 'Meja 2'],
      ['PLM-D02', 'Meja 2'],
      ['PLM-D01', 'Meja 1'],
      ['PLM-D01', 'Meja 1'],
    ]);
    expect(queue.rows.find((r) => r.id === passport)).toMatchObject({ state: 'awaiting_countersignature', agency: 'IMIGRASI', officerNumber: 'IMI-1' });
    expect(queue.rows.find((r) => r.id === tunda)).toMatchObject({ state: 'no_outcome', riskLevel: expect.stringMatching(/^(low|medium|high)$/) });
    expect(queue.choices.desks).toEqual([
      { code: 'PLM-D01', name: 'Meja 1' },
      { code: 'PLM-D02', name: 'Meja 2' },
    ]);
    expect(queue.choices.officers).toEqual([
      { number: 'IMI-1', name: 'Agus Saputra' },
      { number: 'BP-1', name: 'Budi Petugas' },
    ]);

    const docs = (filter: Record<string, unknown>) => a.queue(filter).rows.map((r) => r.documentNumber);
    expect(docs({ desk: 'PLM-D02' })).toEqual(['B2000001', 'B2000002']);
    expect(docs({ agency: 'IMIGRASI' })).toEqual(['A1000001', 'A1000002']);
    expect(docs({ officer: 'BP-1' })).toEqual(['B2000001', 'B2000002']);
    expect(docs({ decision: 'tunda' })).toEqual(['B2000001', 'A1000002']);
    expect(docs({ state: 'awaiting_countersignature' })).toEqual(['A1000001']);
    expect(docs({ destinationCountry: 'MYS' })).toEqual([]);
    expect(docs({ sort: 'caseNumber', descending: true })).toEqual(['B2000002', 'B2000001', 'A1000002', 'A1000001']);
    expect(docs({ sort: 'decision' })).toEqual(['A1000001', 'B2000002', 'B2000001', 'A1000002']);
    // Filters narrow the rows, never the counts at the top.
    expect(a.queue({ desk: 'PLM-D02' }).counts.holds).toBe(4);
    // The shift that crosses midnight: 23:00 WIB on the 27th to 07:00 WIB on the 28th holds the late hold only.
    expect(docs({ from: '2026-11-27T23:00:00+07:00', to: '2026-11-28T07:00:00+07:00' })).toEqual(['A1000004']);
    // Every showing of the queue is audited with its filter.
    const audited = a.services.audit.recent(100).filter((e) => e.action === 'review.queue_viewed');
    expect(audited.length).toBeGreaterThanOrEqual(10);
    expect(audited.some((e) => (e.detail.filters as Record<string, unknown>).desk === 'PLM-D02')).toBe(true);
  });

  it('refuses a window that ends before it starts or spans more than a week, and a regency that is not a code', () => {
    expect(queueFilterSchema.safeParse({ from: DAY.to, to: DAY.from }).error?.issues[0]?.path).toEqual(['to']);
    expect(queueFilterSchema.safeParse({ from: '2026-11-01T00:00:00Z', to: '2026-11-28T00:00:00Z' }).success).toBe(false);
    expect(queueFilterSchema.safeParse({ ...DAY, originRegency: 'Palembang' }).success).toBe(false);
    expect(queueFilterSchema.safeParse({ ...DAY, sort: 'name; DROP TABLE cases' }).success).toBe(false);
    expect(queueFilterSchema.safeParse({ ...DAY, originRegency: '16.71' }).success).toBe(true);
  });
});

describe('review roles at the dispatch', () => {
  it('lets an officer call no review procedure, an admin review but not sign off, and a supervisor sign off', async () => {
    const d = await openDeskWithAdmin();
    onCleanup(() => d.close());
    const officer = { name: 'Budi Petugas', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'officer-pass-01' } as const;
    const supervisor = { name: 'Sari Supervisor', officerNumber: 'BP-SPV', agency: 'BP3MI', role: 'supervisor', password: 'supervisor-pass-1' } as const;
    await d.must('officers.create', officer);
    await d.must('officers.create', supervisor);
    await d.must('session.signIn', { officerNumber: officer.officerNumber, password: officer.password });
    const opened = await d.must('cases.open', { source: 'manual', mrz: mrz('A1000010') });
    await d.must('cases.decide', { caseId: opened.id, ...TUNDA });
    const caseId = opened.id;
    const calls = [
      ['review.queue', DAY],
      ['review.case', { caseId }],
      ['review.addNote', { caseId, note: 'saya petugas' }],
      ['review.recordOutcome', { caseId, outcome: 'handed_to_bp3mi', happenedAt: d.clock.now.toISOString() }],
      ['review.signOff', { caseId }],
      ['review.countersign', { caseId, password: officer.password }],
    ] as const;
    for (const [name, input] of calls) {
      expect(await d.core.dispatch(name, input), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await d.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect((await d.must('review.queue', DAY)).rows.map((r) => r.id)).toEqual([caseId]);
    await d.must('review.recordOutcome', { caseId, outcome: 'handed_to_bp3mi', happenedAt: d.clock.now.toISOString() });
    expect(await d.call('review.signOff', { caseId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await d.must('session.signIn', { officerNumber: supervisor.officerNumber, password: supervisor.password });
    const signed = await d.must('review.signOff', { caseId });
    expect(signed.signedOff).toMatchObject({ by: supervisor.officerNumber, byName: supervisor.name });
    // Nothing the officer tried was written.
    const db = openDatabase(d.core.databasePath);
    onCleanup(() => db.close());
    expect(db.prepare('SELECT type, officer_number FROM events WHERE case_id = ? ORDER BY device_seq').all(caseId)).toEqual([
      { type: 'case.opened', officer_number: 'BP-1' },
      { type: 'case.decided', officer_number: 'BP-1' },
      { type: 'case.traveller_outcome_recorded', officer_number: ADMIN.officerNumber },
      { type: 'case.signed_off', officer_number: supervisor.officerNumber },
    ]);
  });
});

describe('review rules', () => {
  it('signs off only a hold with an outcome, not awaiting countersignature, not their own, and only once', async () => {
    const a = desk();
    const { review } = a.services;
    const passport = a.hold('A1000020', PASSPORT, OFFICER_IM);
    const clear = a.hold('A1000021', CLEAR, OFFICER_IM);
    const own = a.hold('A1000022', TUNDA, SPV_BP);
    const tunda = a.hold('A1000023', TUNDA, OFFICER_BP);
    const now = a.minutes(0);

    expect(review.signOff(clear, SPV_BP)).toMatchObject({ ok: false, error: { reason: 'notAHold' } });
    expect(review.recordOutcome({ caseId: clear, outcome: 'other', happenedAt: now, note: 'x' }, SPV_BP)).toMatchObject({ ok: false, error: { reason: 'notAHold' } });
    expect(review.signOff(passport, SPV_BP)).toMatchObject({ ok: false, error: { reason: 'awaitingCountersignature' } });
    expect(review.recordOutcome({ caseId: passport, outcome: 'handed_to_police', happenedAt: now, note: '' }, SPV_BP)).toMatchObject({
      ok: false,
      error: { reason: 'awaitingCountersignature' },
    });
    expect(review.signOff(tunda, SPV_BP)).toMatchObject({ ok: false, error: { reason: 'outcomeRequired' } });
    must(review.recordOutcome({ caseId: own, outcome: 'traveller_withdrew', happenedAt: now, note: '' }, SPV_BP));
    expect(review.signOff(own, SPV_BP)).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'signOffOwnDecision' } });
    expect(review.signOff('00000000-0000-4000-8000-000000000000', SPV_BP)).toMatchObject({ ok: false, error: { code: 'not_found' } });

    must(review.recordOutcome({ caseId: tunda, outcome: 'released_documents_complete', happenedAt: now, note: '' }, SPV_BP));
    // Two sign-offs at once (two supervisors, a double click): exactly one is recorded.
    const both = await Promise.all([Promise.resolve().then(() => review.signOff(tunda, SPV_BP)), Promise.resolve().then(() => review.signOff(tunda, SPV_IM))]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'alreadySignedOff' } });
    // A signed-off outcome stays as signed.
    expect(review.recordOutcome({ caseId: tunda, outcome: 'handed_to_police', happenedAt: now, note: '' }, SPV_IM)).toMatchObject({
      ok: false,
      error: { reason: 'alreadySignedOff' },
    });
    expect(a.services.db.prepare("SELECT count(*) FROM events WHERE type = 'case.signed_off'").pluck().get()).toBe(1);
    const queue = a.queue();
    expect(queue.counts.notSignedOff).toBe(queue.counts.holds - 1);
    expect(queue.rows.find((r) => r.id === tunda)).toMatchObject({ state: 'signed_off', travellerOutcome: 'released_documents_complete', signedOffByName: SPV_BP.name });
    expect(queue.rows.find((r) => r.id === own)).toMatchObject({ state: 'not_signed_off' });
    const actions = a.services.audit.recent(50).map((e) => e.action);
    expect(actions.filter((x) => x === 'review.signed_off')).toHaveLength(1);
    expect(actions.filter((x) => x === 'review.outcome_recorded')).toHaveLength(2);
  });

  it("takes an outcome given to the minute within the decision's own minute, and refuses the minute before", () => {
    const a = desk();
    a.clock.now = new Date('2026-11-28T08:10:40Z');
    const caseId = a.hold('A1000031', REFER, OFFICER_BP);
    const outcome = (happenedAt: string) => a.services.review.recordOutcome({ caseId, outcome: 'handed_to_bp3mi', happenedAt, note: '' } as never, SPV_BP);
    expect(outcome('2026-11-28T08:09:59Z')).toMatchObject({ ok: false, error: { reason: 'outcomeBeforeDecision' } });
    expect(must(outcome('2026-11-28T08:10:00Z')).travellerOutcome).toMatchObject({ happenedAt: '2026-11-28T08:10:00.000Z' });
  });

  it('takes an outcome given no time as happening when saved, never before its decision, even one stamped ahead', () => {
    const a = desk();
    a.clock.now = new Date('2026-11-28T08:10:40Z');
    const caseId = a.hold('A1000032', REFER, OFFICER_BP);
    const outcome = () => must(a.services.review.recordOutcome({ caseId, outcome: 'handed_to_bp3mi', note: '' }, SPV_BP)).travellerOutcome;
    // Saved in the decision's own second: the default is taken, and is the decision's time.
    expect(outcome()).toMatchObject({ happenedAt: '2026-11-28T08:10:40.000Z', recordedAt: '2026-11-28T08:10:40.000Z' });
    // Saved later: now, not when the screen opened.
    a.clock.now = new Date('2026-11-28T09:30:05Z');
    expect(outcome()).toMatchObject({ happenedAt: '2026-11-28T09:30:05.000Z' });
    // A decision stamped by a desk whose clock runs ahead lies after this desk's now: the default takes its time,
    // while a time typed for that moment is still refused.
    a.clock.now = new Date('2026-11-28T08:10:40Z');
    const ahead = a.hold('A1000033', REFER, OFFICER_BP);
    a.clock.now = new Date('2026-11-28T08:07:00Z');
    const given = (happenedAt: string) => a.services.review.recordOutcome({ caseId: ahead, outcome: 'handed_to_bp3mi', happenedAt, note: '' }, SPV_BP);
    expect(given('2026-11-28T08:07:00Z')).toMatchObject({ ok: false, error: { field: 'happenedAt', reason: 'outcomeBeforeDecision' } });
    expect(must(a.services.review.recordOutcome({ caseId: ahead, outcome: 'handed_to_bp3mi', note: '' }, SPV_BP)).travellerOutcome).toMatchObject({
      happenedAt: '2026-11-28T08:10:40.000Z',
      recordedAt: '2026-11-28T08:07:00.000Z',
    });
    // Through the contract, too: the time may be left out, and what is given must be an instant.
    expect(reviewOutcomeInput.safeParse({ caseId, outcome: 'other', note: 'x' }).success).toBe(true);
    expect(reviewOutcomeInput.safeParse({ caseId, outcome: 'other', note: 'x', happenedAt: '' }).success).toBe(false);
  });

  it("records the traveller's outcome with its time: never before the decision, never ahead, 'other' with a note", () => {
    const a = desk();
    const { review } = a.services;
    const caseId = a.hold('A1000030', REFER, OFFICER_BP);
    const outcome = (input: Record<string, string>) => review.recordOutcome({ caseId, outcome: 'handed_to_bp3mi', happenedAt: a.minutes(0), note: '', ...input } as never, SPV_BP);
    expect(outcome({ happenedAt: a.minutes(-30) })).toMatchObject({ ok: false, error: { field: 'happenedAt', reason: 'outcomeBeforeDecision' } });
    expect(outcome({ happenedAt: a.minutes(60) })).toMatchObject({ ok: false, error: { field: 'happenedAt', reason: 'outcomeInFuture' } });
    expect(outcome({ outcome: 'other' })).toMatchObject({ ok: false, error: { field: 'note', reason: 'outcomeNoteRequired' } });
    a.clock.now = new Date('2026-11-28T08:45:00Z');
    // Recorded later than it happened, given in Palembang time: stored as the instant.
    const recorded = must(outcome({ outcome: 'other', happenedAt: '2026-11-28T15:20:00+07:00', note: 'Dijemput keluarga, "kakak", ke Lahat.' }));
    expect(recorded.travellerOutcome).toMatchObject({ outcome: 'other', happenedAt: '2026-11-28T08:20:00.000Z', recordedAt: '2026-11-28T08:45:00.000Z', by: SPV_BP.officerNumber });
    // Corrected before sign-off: the later recording is the one shown.
    a.clock.now = new Date('2026-11-28T08:46:00Z');
    expect(must(outcome({})).travellerOutcome?.outcome).toBe('handed_to_bp3mi');
  });

  it('keeps every supervisor note verbatim, in order, with author and time; showing the case is audited', () => {
    const a = desk();
    const { review } = a.services;
    const caseId = a.hold('A1000040', TUNDA, OFFICER_BP);
    const hostile = `<img src=x onerror=alert(1)>'; DROP TABLE cases; -- عائلة, "kutip"\nbaris baru`;
    must(review.addNote({ caseId, note: hostile }, SPV_BP));
    a.clock.now = new Date('2026-11-28T08:01:00Z');
    const detail = must(review.addNote({ caseId, note: 'Dicek ulang.' }, SPV_IM));
    expect(detail.notes).toEqual([
      { at: '2026-11-28T08:00:00.000Z', by: SPV_BP.officerNumber, byName: SPV_BP.name, note: hostile },
      { at: '2026-11-28T08:01:00.000Z', by: SPV_IM.officerNumber, byName: SPV_IM.name, note: 'Dicek ulang.' },
    ]);
    const shown = must(review.detail(caseId, SPV_BP));
    expect(shown.case.decisionDetail).toMatchObject({ outcome: 'tunda', legalGround: TUNDA.legalGround });
    expect(shown.notes).toHaveLength(2);
    const actions = a.services.audit.recent(50).map((e) => e.action);
    expect(actions.filter((x) => x === 'review.noted')).toHaveLength(2);
    expect(actions).toContain('case.viewed');
  });

  it('countersigns a passport action only with the supervisor password typed again; a wrong one counts and changes nothing', async () => {
    const a = desk();
    const { review, officers } = a.services;
    const password = 'supervisor-pass-2';
    const imSupervisor = must(await officers.create({ name: SPV_IM.name, officerNumber: SPV_IM.officerNumber, agency: 'IMIGRASI', role: 'supervisor', password }, null));
    const caseId = a.hold('A1000050', PASSPORT, OFFICER_IM);
    // A BP3MI supervisor is not the one who countersigns, whatever the password.
    expect(await review.countersign(caseId, password, { ...SPV_BP, officerNumber: SPV_IM.officerNumber })).toMatchObject({ ok: false, error: { reason: 'countersignImigrasiSupervisor' } });
    expect(await review.countersign(caseId, 'wrong-password', imSupervisor)).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect(officers.repository.byNumber(SPV_IM.officerNumber)?.failedAttempts).toBe(1);
    expect(must(review.detail(caseId, imSupervisor)).case.status).toBe('awaiting_countersignature');
    const signed = must(await review.countersign(caseId, password, imSupervisor));
    expect(signed.case).toMatchObject({ status: 'decided', decisionDetail: { countersignedBy: SPV_IM.officerNumber } });
    expect(await review.countersign(caseId, password, imSupervisor)).toMatchObject({ ok: false, error: { reason: 'notAwaitingCountersignature' } });
  });
});

describe('review events', () => {
  it('rebuild the review from events alone; two desks signing off the same hold keep the first sign-off in either order', () => {
    const a = desk();
    const { review } = a.services;
    const caseId = a.hold('A1000060', TUNDA, OFFICER_BP);
    must(review.recordOutcome({ caseId, outcome: 'handed_to_bp3mi', happenedAt: a.minutes(0), note: '' }, SPV_BP));
    must(review.addNote({ caseId, note: 'Diserahkan ke shelter.' }, SPV_BP));
    a.clock.now = new Date('2026-11-28T08:02:00Z');
    must(review.signOff(caseId, SPV_BP));
    const events = a.events();
    const caseRow = (db: Db) => db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as Record<string, unknown>;
    const notes = (db: Db) => db.prepare('SELECT case_id, event_id, author, author_name, at, note FROM supervisor_notes').all();

    // This desk's own events alone rebuild its rows exactly.
    const own = freshDb();
    deliver(own, events);
    expect(caseRow(own)).toEqual(caseRow(a.services.db));
    expect(notes(own)).toEqual(notes(a.services.db));

    // Another desk's supervisor signed off the same hold a minute earlier, before the two desks synced.
    const ours = events.find((e) => e.type === 'case.signed_off')!;
    const rival: EventRow = {
      ...ours,
      id: '11111111-1111-4111-8111-111111111111',
      device_id: 'other-desk',
      device_seq: 1,
      officer_number: SPV_IM.officerNumber,
      at: '2026-11-28T08:01:00.000Z',
      payload: JSON.stringify({ officerName: SPV_IM.name }),
    };
    const opening = events.filter((e) => e.type === 'case.opened' || e.type === 'case.decided');
    for (const order of [[...events, rival], [...opening, rival, ...events]]) {
      const db = freshDb();
      deliver(db, order);
      expect(caseRow(db)).toMatchObject({ signed_off_by: SPV_IM.officerNumber, signed_off_by_name: SPV_IM.name, signed_off_at: rival.at });
      expect(notes(db)).toEqual(notes(a.services.db));
      const withoutSignOff = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('signed_off')));
      expect(withoutSignOff(caseRow(db))).toEqual(withoutSignOff(caseRow(a.services.db)));
    }
  });
});
