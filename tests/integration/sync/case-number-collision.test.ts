// Two desks used before enrolment both start as desk D01 and can number different cases alike (PLM-D01-…-0001).
// After both enrol, the other desk's case with a taken number is held back at each desk, kept and shown in the header,
// while every other event keeps flowing; before, the UNIQUE case number stopped each desk's sync for good.
import { expect, it } from 'vitest';
import { deskAdmin, openDeskWithAdmin } from '../core-harness';
import { HOLD, MANUAL_SYNC, enroll, hubForThisFile, passport, query } from './sync-harness';

const shared = hubForThisFile();

it('holds back the other desk\'s case with a taken number and goes on syncing everything else', async () => {
  const d1 = await openDeskWithAdmin(MANUAL_SYNC, undefined, deskAdmin('D01'));
  const d2 = await openDeskWithAdmin(MANUAL_SYNC, undefined, deskAdmin('D02'));
  shared.track(d1);
  shared.track(d2);
  const first = await d1.must('cases.open', { source: 'manual', mrz: passport('B1000001') });
  await d1.must('cases.decide', { caseId: first.id, ...HOLD });
  const twin = await d2.must('cases.open', { source: 'manual', mrz: passport('B2000002', 'WATI') });
  await d2.must('cases.decide', { caseId: twin.id, ...HOLD });
  expect(twin.caseNumber).toBe(first.caseNumber);

  await enroll(d1, shared.hub, 'PLM', 'D01');
  await enroll(d2, shared.hub, 'PLM', 'D02');
  const later = await d2.must('cases.open', { source: 'manual', mrz: passport('B3000003', 'SARI') });
  expect(later.caseNumber.startsWith('PLM-D02-')).toBe(true);
  await d2.must('sync.now', {});
  const atDesk1 = await d1.must('sync.now', {});

  // Desk 1 syncs on: desk 2's later case arrives, the twin is held back (not applied, not lost) and the header says so.
  expect(atDesk1.state).not.toBe('offline');
  expect(atDesk1.problem?.code).toBe('held_back');
  expect((await d1.must('cases.get', { caseId: later.id })).caseNumber).toBe(later.caseNumber);
  expect((await d1.must('cases.get', { caseId: first.id })).caseNumber).toBe(first.caseNumber);
  const held = query<{ problem: string; event: string }>(d1, 'SELECT problem, event FROM sync_held_back');
  expect(held.some((row) => row.problem.includes(first.caseNumber) && JSON.parse(row.event).caseId === twin.id)).toBe(true);
  expect(query(d1, 'SELECT id FROM cases WHERE id = ?', twin.id)).toHaveLength(0);

  // Desk 2 the same way round: its own twin stays, desk 1's first case is held back.
  const atDesk2 = await d2.must('sync.now', {});
  expect(atDesk2.problem?.code).toBe('held_back');
  expect((await d2.must('cases.get', { caseId: twin.id })).caseNumber).toBe(twin.caseNumber);
  expect(query(d2, 'SELECT id FROM cases WHERE id = ?', first.id)).toHaveLength(0);
}, 180_000);
