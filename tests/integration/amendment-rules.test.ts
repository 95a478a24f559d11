// Amending a decision's substance (issue #16, finding 2): only the deciding agency may, and on a countersigned
// passport action the amendment voids the countersignature and puts the case back in the supervisor's queue.
import { afterEach, describe, expect, it } from 'vitest';
import { SITI_MRZ } from '../fixtures/travellers';
import { openDeskWithAdmin, type TestDesk } from './core-harness';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

const IMI_OFFICER = { name: 'Agus Saputra', officerNumber: 'IMI-1', agency: 'IMIGRASI', role: 'officer', password: 'imigrasi-pass-1' } as const;
const IMI_OFFICER_2 = { name: 'Dewi Kartika', officerNumber: 'IMI-2', agency: 'IMIGRASI', role: 'officer', password: 'imigrasi-pass-2' } as const;
const IMI_SUPERVISOR = { name: 'Hendra Wijaya', officerNumber: 'IMI-SPV', agency: 'IMIGRASI', role: 'supervisor', password: 'supervisor-pass-1' } as const;
const BP_OFFICER = { name: 'Budi Santoso', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'bp3mi-pass-111' } as const;

async function as(d: TestDesk, who: { officerNumber: string; password: string }) {
  await d.must('session.signIn', { officerNumber: who.officerNumber, password: who.password });
}

/** A passport action decided by an Imigrasi officer and countersigned by an Imigrasi supervisor. */
async function countersignedPassportAction(d: TestDesk): Promise<string> {
  for (const officer of [IMI_OFFICER, IMI_OFFICER_2, IMI_SUPERVISOR, BP_OFFICER]) await d.must('officers.create', officer);
  await as(d, IMI_OFFICER);
  const opened = await d.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
  await d.must('cases.decide', {
    caseId: opened.id,
    outcome: 'passport_action',
    reasons: ['WATCH_LIST'],
    legalGround: 'PERMENKUMHAM_8_2014_PREVENTION_LIST',
    note: 'On the prevention list.',
  });
  await as(d, IMI_SUPERVISOR);
  await d.must('cases.countersign', { caseId: opened.id });
  return opened.id;
}

describe('amending a decision', () => {
  it("refuses the other agency's amendment of a passport action's note, reasons or ground, and leaves the record as it was", async () => {
    desk = await openDeskWithAdmin();
    const caseId = await countersignedPassportAction(desk);
    await as(desk, BP_OFFICER);
    for (const [field, value] of [
      ['note', 'Rewritten by BP3MI'],
      ['reasons', ['WATCH_LIST', 'NO_CONSENT']],
      ['legalGround', 'PERMENKUMHAM_8_2014_PREVENTION_LIST'],
    ] as const) {
      const refused = await desk.call('cases.amend', { caseId, field, value: value as never, reason: 'I think so' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'amendOtherAgency' } });
    }
    // The travel details are no one agency's decision: either may correct them.
    await desk.must('cases.amend', { caseId, field: 'flight', value: 'GA 821', reason: 'Boarding pass' });
    const seen = await desk.must('cases.get', { caseId });
    expect(seen.decisionDetail).toMatchObject({ note: 'On the prevention list.', countersignedBy: IMI_SUPERVISOR.officerNumber });
    expect(seen.status).toBe('decided');
  });

  it("voids the countersignature when the deciding agency amends the substance, and puts the case back in the queue", async () => {
    desk = await openDeskWithAdmin();
    const caseId = await countersignedPassportAction(desk);
    await as(desk, IMI_OFFICER_2);
    const amended = await desk.must('cases.amend', { caseId, field: 'note', value: 'On the prevention list (letter 12/2026).', reason: 'Letter number added' });
    expect(amended.status).toBe('awaiting_countersignature');
    expect(amended.decisionDetail).toMatchObject({ note: 'On the prevention list (letter 12/2026).', countersignedBy: null, countersignedAt: null });
    await as(desk, IMI_SUPERVISOR);
    const queue = await desk.must('cases.search', { status: 'awaiting_countersignature' });
    expect(queue.map((c) => c.id)).toEqual([caseId]);
    const resigned = await desk.must('cases.countersign', { caseId });
    expect(resigned).toMatchObject({ status: 'decided', decisionDetail: { countersignedBy: IMI_SUPERVISOR.officerNumber } });
  });

  it('keeps a supervisor who amended a passport action from countersigning it', async () => {
    desk = await openDeskWithAdmin();
    const caseId = await countersignedPassportAction(desk);
    await as(desk, IMI_SUPERVISOR);
    const amended = await desk.must('cases.amend', { caseId, field: 'reasons', value: ['WATCH_LIST', 'NO_CONSENT'], reason: 'Second reason found' });
    expect(amended.status).toBe('awaiting_countersignature');
    expect(await desk.call('cases.countersign', { caseId })).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'countersignOwnDecision' } });
  });
});
