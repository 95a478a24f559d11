// The officer's unsaved place, kept in the core's session: it survives a lock and unlock (manual or idle), it is
// the signed-in officer's alone (a take-over starts clean, a locked desk hands it to nobody), and sign-out forgets it.
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDraft } from '../../shared/contract';
import { ADMIN, openDeskWithAdmin, type TestDesk } from './core-harness';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

const OFFICER = { name: 'Budi Petugas', officerNumber: 'IMI-042', agency: 'IMIGRASI', role: 'officer', password: 'officer-password-1' } as const;
const DRAFT: DeskDraft = {
  screen: 'case',
  caseId: '0b8f2c1e-5d2a-4a57-9d0e-3f0c6f1d2a11',
  decision: {
    outcome: 'tunda',
    reasonsAdded: ['NO_ID_PMI'],
    reasonsRemoved: [],
    legalGround: 'UU18_2017_PMI_PROTECTION',
    note: 'Akan bekerja tanpa ID PMI',
    phone: '',
    address: '',
    consent: false,
  },
};

describe('the draft stash', () => {
  it('returns the typed form after a manual lock and unlock', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('session.saveDraft', { draft: DRAFT });
    await desk.must('session.lock', {});
    await desk.must('session.unlock', { password: ADMIN.password });
    expect(await desk.must('session.draft', {})).toEqual(DRAFT);
  });

  it('returns it after the idle lock too, and to the same officer signing in again', async () => {
    desk = await openDeskWithAdmin({ idleLockMinutes: 5 });
    await desk.must('session.saveDraft', { draft: DRAFT });
    desk.clock.advanceMinutes(6);
    expect((await desk.must('session.status', {}))?.locked).toBe(true);
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(await desk.must('session.draft', {})).toEqual(DRAFT);
  });

  it('is not handed out, nor overwritten, while the desk is locked', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('session.saveDraft', { draft: DRAFT });
    await desk.must('session.lock', {});
    expect(await desk.call('session.draft', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await desk.call('session.saveDraft', { draft: null })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await desk.must('session.unlock', { password: ADMIN.password });
    expect(await desk.must('session.draft', {})).toEqual(DRAFT);
  });

  it('never leaks to another officer who takes the desk over, even when the first comes back', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('officers.create', OFFICER);
    await desk.must('session.saveDraft', { draft: DRAFT });
    await desk.must('session.lock', {});
    await desk.must('session.signIn', { officerNumber: OFFICER.officerNumber, password: OFFICER.password });
    expect(await desk.must('session.draft', {})).toBeNull();
    // The take-over ended the first officer's session: their draft is gone, not parked for later.
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(await desk.must('session.draft', {})).toBeNull();
  });

  it('is forgotten on sign-out and can be cleared by the officer', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('session.saveDraft', { draft: DRAFT });
    await desk.must('session.saveDraft', { draft: null });
    expect(await desk.must('session.draft', {})).toBeNull();
    await desk.must('session.saveDraft', { draft: DRAFT });
    await desk.must('session.signOut', {});
    expect(await desk.call('session.draft', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(await desk.must('session.draft', {})).toBeNull();
  });

  it('refuses a malformed draft with a coded error and keeps the one it had', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('session.saveDraft', { draft: DRAFT });
    const tooLong = { ...DRAFT, decision: { ...DRAFT.decision!, note: 'x'.repeat(10_001) } };
    expect(await desk.call('session.saveDraft', { draft: tooLong })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await desk.call('session.saveDraft', { draft: { ...DRAFT, screen: 'officers' } as unknown as DeskDraft })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await desk.must('session.draft', {})).toEqual(DRAFT);
  });
});
