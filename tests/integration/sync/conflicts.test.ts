// Conflicts between desks on a real hub: two desks deciding one case while apart, and amending one field while
// apart. Both records are kept at every desk, nothing is decided by last writer (or last arrival) wins, and the
// case shows the conflict for a supervisor.
import { describe, expect, it } from 'vitest';
import type { TestDesk } from '../core-harness';
import { enrolledDesk, hubForThisFile, HOLD, passport, query, synced } from './sync-harness';
import { CLEAR_TOURIST } from '../../fixtures/triage-answers';

const shared = hubForThisFile();

async function twoDesks(a: string, b: string): Promise<[TestDesk, TestDesk]> {
  const d1 = await enrolledDesk(shared.hub, 'PLM', a);
  const d2 = await enrolledDesk(shared.hub, 'PLM', b);
  shared.track(d1);
  shared.track(d2);
  return [d1, d2];
}

describe('conflicts between desks', () => {
  it('keeps both decisions of a case decided at two desks while apart; the first stands and the case is flagged', async () => {
    const [d1, d2] = await twoDesks('X01', 'X02');
    const opened = await d1.must('cases.open', { source: 'manual', mrz: passport('X1000001') });
    await synced(d1);
    await synced(d2);
    // Apart: desk 1 holds the traveller, a minute later desk 2 clears the same case.
    d1.clock.advanceMinutes(1);
    await d1.must('cases.decide', { caseId: opened.id, ...HOLD });
    d2.clock.advanceMinutes(2);
    await d2.must('cases.recordAnswers', { caseId: opened.id, answers: CLEAR_TOURIST });
    await d2.must('cases.decide', { caseId: opened.id, outcome: 'clear' });
    // Desk 2 syncs first, so desk 1 gets the later decision last and desk 2 gets the earlier one last.
    await synced(d2);
    await synced(d1);
    await synced(d2);
    for (const desk of [d1, d2]) {
      const detail = await desk.must('cases.get', { caseId: opened.id });
      expect(detail.decision).toBe('tunda');
      expect(detail.conflicts).toHaveLength(1);
      expect(detail.conflicts[0]).toMatchObject({ kind: 'decided_twice', field: null });
      expect(detail.conflicts[0]!.sides.map((s) => s.value)).toEqual(['tunda', 'clear']);
      expect(query(desk, "SELECT id FROM events WHERE case_id = ? AND type = 'case.decided'", opened.id)).toHaveLength(2);
    }
  });

  it('keeps both amendments of one field made while apart, in time order, shows the latest by time, and flags it', async () => {
    const [d1, d2] = await twoDesks('Y01', 'Y02');
    const opened = await d1.must('cases.open', { source: 'manual', mrz: passport('Y1000001') });
    await d1.must('cases.decide', { caseId: opened.id, ...HOLD });
    await synced(d1);
    await synced(d2);
    d1.clock.advanceMinutes(1);
    await d1.must('cases.amend', { caseId: opened.id, field: 'note', value: 'Catatan dari meja 1', reason: 'Dilengkapi' });
    d2.clock.advanceMinutes(2);
    await d2.must('cases.amend', { caseId: opened.id, field: 'note', value: 'Catatan dari meja 2', reason: 'Diperbaiki' });
    // Desk 2's later amendment reaches desk 1 after its own; desk 1's earlier one reaches desk 2 after its own.
    await synced(d2);
    await synced(d1);
    await synced(d2);
    for (const desk of [d1, d2]) {
      const detail = await desk.must('cases.get', { caseId: opened.id });
      expect(query<{ note: string }>(desk, 'SELECT note FROM cases WHERE id = ?', opened.id)[0]!.note).toBe('Catatan dari meja 2');
      expect(detail.amendments.map((a) => a.reason)).toEqual(['Dilengkapi', 'Diperbaiki']);
      expect(detail.conflicts).toEqual([expect.objectContaining({ kind: 'concurrent_amendments', field: 'note' })]);
      expect(detail.conflicts[0]!.sides.map((s) => s.value)).toEqual(['Catatan dari meja 1', 'Catatan dari meja 2']);
    }
  });

  it('does not flag amendments made one after another with each desk seeing the other', async () => {
    const [d1, d2] = await twoDesks('Z01', 'Z02');
    const opened = await d1.must('cases.open', { source: 'manual', mrz: passport('Z1000001') });
    await d1.must('cases.decide', { caseId: opened.id, ...HOLD });
    d1.clock.advanceMinutes(1);
    await d1.must('cases.amend', { caseId: opened.id, field: 'note', value: 'Pertama', reason: 'Satu' });
    await synced(d1);
    await synced(d2);
    d2.clock.advanceMinutes(2);
    await d2.must('cases.amend', { caseId: opened.id, field: 'note', value: 'Kedua', reason: 'Dua' });
    await synced(d2);
    await synced(d1);
    const detail = await d1.must('cases.get', { caseId: opened.id });
    expect(detail.conflicts).toEqual([]);
    expect(query<{ note: string }>(d1, 'SELECT note FROM cases WHERE id = ?', opened.id)[0]!.note).toBe('Kedua');
  });
});
