// A pulled case whose number this desk already gives another case is held back at the desk, kept and shown in the
// header, while every other event keeps flowing (before fa7c71a the UNIQUE case number stopped the desk's sync for
// good). Since desk-code claims (#14) the hub refuses to enrol a desk whose cases carry another desk's code and keeps
// back a pushed case under one, so such a twin reaches a desk only from a hub that served it before: here a desk whose
// code was changed around its settings (which refuse that once enrolled) numbers a case as the other desk does.
import { expect, it } from 'vitest';
import { HOLD, enrolledDesk, hubForThisFile, passport, query, write } from './sync-harness';

const shared = hubForThisFile();

it("holds back the other desk's case with a taken number and goes on syncing everything else", async () => {
  const d1 = shared.track(await enrolledDesk(shared.hub, 'PLM', 'D01'));
  const d2 = shared.track(await enrolledDesk(shared.hub, 'PLM', 'D02'));
  const first = await d1.must('cases.open', { source: 'manual', mrz: passport('B1000001') });
  await d1.must('cases.decide', { caseId: first.id, ...HOLD });
  write(d2, `UPDATE settings SET value = '"D01"' WHERE key = 'deskCode'`);
  const twin = await d2.must('cases.open', { source: 'manual', mrz: passport('B2000002', 'WATI') });
  write(d2, `UPDATE settings SET value = '"D02"' WHERE key = 'deskCode'`);
  await d2.must('cases.decide', { caseId: twin.id, ...HOLD });
  expect(twin.caseNumber).toBe(first.caseNumber);
  await d1.must('sync.now', {});

  const later = await d2.must('cases.open', { source: 'manual', mrz: passport('B3000003', 'SARI') });
  expect(later.caseNumber.startsWith('PLM-D02-')).toBe(true);
  // The hub keeps the twin back (the desk's audit log says so); desk 2 pulls desk 1's first case, whose number its
  // twin holds.
  await d2.must('sync.now', {});
  expect(query<{ detail: string }>(d2, "SELECT detail FROM audit_log WHERE action = 'sync.case_withheld'").map((row) => JSON.parse(row.detail).caseNumber)).toEqual([twin.caseNumber]);
  const atDesk2 = await d2.must('sync.now', {});
  expect(atDesk2.state).not.toBe('offline');
  expect(atDesk2.problem?.code).toBe('held_back');
  expect(atDesk2.pending).toBe(0);
  expect((await d2.must('cases.get', { caseId: twin.id })).caseNumber).toBe(twin.caseNumber);
  const held = query<{ problem: string; event: string }>(d2, 'SELECT problem, event FROM sync_held_back');
  expect(held.some((row) => row.problem.includes(first.caseNumber) && JSON.parse(row.event).caseId === first.id)).toBe(true);
  expect(query(d2, 'SELECT id FROM cases WHERE id = ?', first.id)).toHaveLength(0);

  // Desk 1 syncs on: desk 2's later case arrives, the twin never does.
  const atDesk1 = await d1.must('sync.now', {});
  expect(atDesk1).toMatchObject({ state: 'idle', problem: null });
  expect((await d1.must('cases.get', { caseId: later.id })).caseNumber).toBe(later.caseNumber);
  expect((await d1.must('cases.get', { caseId: first.id })).caseNumber).toBe(first.caseNumber);
  expect(query(d1, 'SELECT id FROM cases WHERE id = ?', twin.id)).toHaveLength(0);
}, 180_000);
