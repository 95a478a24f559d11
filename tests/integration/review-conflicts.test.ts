// Sync conflicts in the supervisors' review (issue 17): a hold that two desks decided while apart, taken in through the
// desk's real sync intake, is counted at the top of the daily queue, marked on its row, found by the conflicts filter,
// and listed with both sides in the review of the case.
import { afterEach, describe, expect, it } from 'vitest';
import { CLEAR_TOURIST } from '../fixtures/triage-answers';
import { OFFICER_BP, REFER, SPV_BP, TUNDA, cleanReviewDesks, deliverBySync, desk, mrz, must } from './review-harness';

afterEach(cleanReviewDesks);

describe('sync conflicts in the review', () => {
  it('counts, marks and filters the holds two desks decided while apart, and shows both decisions in the review', () => {
    const a = desk('D01');
    const b = desk('D02');
    a.hold('A6000001', TUNDA, OFFICER_BP);
    // Desk 2 receives the opening of a case of desk 1, then both decide it while apart: desk 1 first.
    const opened = must(a.services.cases.open({ source: 'manual', mrz: mrz('A6000002', 'WIDODO') }, OFFICER_BP));
    deliverBySync(b, a.events(), { airportCode: 'PLM', deskCode: 'D01' });
    a.clock.now = new Date(a.clock.now.getTime() + 60_000);
    must(a.services.cases.decide({ caseId: opened.id, ...TUNDA, contact: null }, OFFICER_BP));
    b.clock.now = new Date(a.clock.now.getTime() + 60_000);
    must(b.services.cases.decide({ caseId: opened.id, ...REFER, contact: null }, OFFICER_BP));
    deliverBySync(a, b.events());

    const queue = a.queue();
    expect(queue.counts).toMatchObject({ holds: 2, conflicts: 1 });
    expect(queue.rows.map((row) => [row.caseNumber.slice(-4), row.decision, row.conflicts])).toEqual([
      [expect.any(String), 'tunda', 0],
      [expect.any(String), 'tunda', 1],
    ]);
    const conflicted = a.queue({ conflicted: true });
    expect(conflicted.rows.map((row) => row.id)).toEqual([opened.id]);
    expect(conflicted.counts.holds).toBe(2);
    // The filter is part of what the audit records of the queue shown.
    const viewed = a.services.db.prepare("SELECT detail FROM audit_log WHERE action = 'review.queue_viewed' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(viewed)).toMatchObject({ filters: { conflicted: true }, rows: 1 });

    const review = must(a.services.review.detail(opened.id, SPV_BP));
    expect(review.case.conflicts).toEqual([
      expect.objectContaining({ kind: 'decided_twice', sides: [expect.objectContaining({ value: 'tunda' }), expect.objectContaining({ value: 'refer_bp3mi' })] }),
    ]);
  });

  it('lists a case that stands as a clear while another desk held the traveller, outside the holds', () => {
    const a = desk('D01');
    const b = desk('D02');
    const opened = must(a.services.cases.open({ source: 'manual', mrz: mrz('A6000003', 'RAHAYU') }, OFFICER_BP));
    deliverBySync(b, a.events(), { airportCode: 'PLM', deskCode: 'D01' });
    // Apart: desk 1 clears first, desk 2 holds the same traveller a minute later. The first decision stands.
    a.clock.now = new Date(a.clock.now.getTime() + 60_000);
    must(a.services.cases.recordAnswers({ caseId: opened.id, answers: CLEAR_TOURIST }, OFFICER_BP));
    must(a.services.cases.decide({ caseId: opened.id, outcome: 'clear', reasons: [], legalGround: null, note: '', contact: null }, OFFICER_BP));
    b.clock.now = new Date(a.clock.now.getTime() + 60_000);
    must(b.services.cases.decide({ caseId: opened.id, ...TUNDA, contact: null }, OFFICER_BP));
    deliverBySync(a, b.events());

    const queue = a.queue();
    expect(queue.rows).toEqual([]);
    expect(queue.counts).toMatchObject({ holds: 0, conflicts: 0 });
    expect(queue.conflictedClears).toEqual([{ id: opened.id, caseNumber: opened.caseNumber, openedAt: opened.openedAt, deskCode: 'PLM-D01', deskName: 'Meja 1', name: 'RAHAYU, SITI' }]);
    expect(must(a.services.review.detail(opened.id, SPV_BP)).case.conflicts).toEqual([
      expect.objectContaining({ kind: 'decided_twice', sides: [expect.objectContaining({ value: 'clear' }), expect.objectContaining({ value: 'tunda' })] }),
    ]);
  });
});
