// The core behind its one dispatch: input validation, authorisation from the core's own session,
// first-run setup, sign-in with growing delays and lockout, idle lock, unlock and take-over.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGN_IN_POLICY } from '../../shared/contract';
import { ADMIN, DESK_CODES, openDeskWithAdmin, openTestDesk, type TestDesk } from './core-harness';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

const OFFICER = { name: 'Budi Petugas', officerNumber: 'IMI-042', agency: 'IMIGRASI', role: 'officer', password: 'officer-password-1' } as const;

/** A desk whose idle timer locks it three seconds after the last call, on the real clock. */
const openIdleLockingDesk = () => openDeskWithAdmin({ idleLockMinutes: 0.05, now: () => new Date() });

/** True once the core announces that the desk is locked; subscribes at once, so call it before what should lock. */
function lockAnnounced(open: TestDesk): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const stop = open.core.subscribe((event) => {
      if (event.name === 'session.changed' && event.payload.session?.locked) {
        stop();
        resolve(true);
      }
    });
  });
}

describe('dispatch', () => {
  it('answers unknown procedures and bad input with coded errors that name the field, never a throw', async () => {
    desk = await openTestDesk();
    expect(await desk.core.dispatch('cases.explode', {})).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    const bad = await desk.core.dispatch('setup.createFirstAdmin', { name: 'A', officerNumber: 'X1', agency: 'POLICE', password: 'short' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    const badAgency = await desk.core.dispatch('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES, agency: 'POLICE' });
    expect(badAgency).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'agency' } });
    const extra = await desk.core.dispatch('session.status', { role: 'admin' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    for (const junk of [null, 42, 'text', [1, 2], { __proto__: { x: 1 } }]) {
      const result = await desk.core.dispatch('session.signIn', junk);
      expect(result.ok).toBe(false);
    }
  });

  it('takes the role from the core session, never from the caller', async () => {
    desk = await openTestDesk();
    expect(await desk.call('officers.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    // A renderer that claims to be an admin is refused: the schema has no such field.
    expect(await desk.core.dispatch('officers.list', { role: 'admin' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await desk.must('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES });
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    await desk.must('officers.create', OFFICER);
    await desk.must('session.signIn', { officerNumber: OFFICER.officerNumber, password: OFFICER.password });
    expect(await desk.call('officers.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await desk.call('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await desk.must('session.status', {}))?.officer.role).toBe('officer');
  });
});

describe('first run', () => {
  it('reports setup needed on an empty desk, creates one admin, then refuses a second setup', async () => {
    desk = await openTestDesk();
    expect((await desk.must('app.info', {})).setupNeeded).toBe(true);
    const admin = await desk.must('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES });
    expect(admin).toMatchObject({ role: 'admin', agency: 'BP3MI', active: true });
    expect((await desk.must('app.info', {})).setupNeeded).toBe(false);
    expect(await desk.call('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES, officerNumber: 'ADM-002' })).toMatchObject({
      ok: false,
      error: { code: 'setup_done' },
    });
  });

  it('stores passwords only as scrypt hashes', async () => {
    desk = await openDeskWithAdmin();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(desk.core.databasePath, { readonly: true });
    const hash = raw.prepare('SELECT password_hash FROM officers').pluck().get() as string;
    raw.close();
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(hash).not.toContain(ADMIN.password);
  });

  it('seeds a demo desk in its own file with officers of every role and agency', async () => {
    desk = await openTestDesk({ demo: true });
    expect(desk.core.databasePath).toMatch(/demo\.sqlite$/);
    const info = await desk.must('app.info', {});
    expect(info).toMatchObject({ demo: true, setupNeeded: false });
    await desk.must('session.signIn', { officerNumber: 'DEMO-ADMIN', password: 'demo-admin-2026' });
    const officers = await desk.must('officers.list', {});
    expect(new Set(officers.map((o) => o.role))).toEqual(new Set(['officer', 'supervisor', 'admin']));
    expect(new Set(officers.map((o) => o.agency))).toEqual(new Set(['BP3MI', 'IMIGRASI']));
  });
});

describe('sign-in', () => {
  it('refuses a wrong password after a delay that grows, then locks the account and audits it all', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('session.signOut', {});
    const waits: number[] = [];
    for (let attempt = 1; attempt < SIGN_IN_POLICY.maxFailedAttempts; attempt++) {
      const started = Date.now();
      const result = await desk.call('session.signIn', { officerNumber: ADMIN.officerNumber, password: 'wrong-password' });
      waits.push(Date.now() - started);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    }
    // The enforced part of each wait doubles: 0.5 s, 1 s, 2 s, 4 s. Hashing time and a busy machine only add to a
    // wait, so lower bounds hold however loaded the machine is (a difference between waits would not).
    [500, 1000, 2000, 4000].forEach((least, i) => expect(waits[i]).toBeGreaterThanOrEqual(least));
    const locking = await desk.call('session.signIn', { officerNumber: ADMIN.officerNumber, password: 'wrong-password' });
    expect(locking).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    // Locked means locked, even with the right password, until the lockout passes.
    const right = await desk.call('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(right).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    desk.clock.advanceMinutes(SIGN_IN_POLICY.lockoutMinutes + 1);
    expect((await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password })).officer.officerNumber).toBe(
      ADMIN.officerNumber,
    );
    const actions = (await desk.must('audit.recent', { limit: 100 })).map((e) => e.action);
    expect(actions.filter((a) => a === 'session.sign_in_failed')).toHaveLength(5);
    expect(actions).toContain('officer.locked_out');
    expect(actions).toContain('session.sign_in_refused');
    expect(actions).toContain('session.signed_out');
  }, 90_000);

  it('refuses deactivated officers and unknown officer numbers alike', async () => {
    desk = await openDeskWithAdmin();
    const officer = await desk.must('officers.create', OFFICER);
    await desk.must('officers.setActive', { officerId: officer.id, active: false });
    expect(await desk.call('session.signIn', { officerNumber: OFFICER.officerNumber, password: OFFICER.password })).toMatchObject({
      ok: false,
      error: { code: 'account_inactive' },
    });
    expect(await desk.call('session.signIn', { officerNumber: 'NOBODY', password: 'whatever-it-is' })).toMatchObject({
      ok: false,
      error: { code: 'bad_credentials' },
    });
  });
});

describe('idle lock', () => {
  it('locks after the idle minutes, refuses work while locked, and unlocks for the same officer', async () => {
    desk = await openDeskWithAdmin({ idleLockMinutes: 5 });
    desk.clock.advanceMinutes(4);
    await desk.must('officers.list', {}); // activity resets the idle clock
    desk.clock.advanceMinutes(4);
    expect((await desk.must('session.status', {}))?.locked).toBe(false);
    desk.clock.advanceMinutes(1.5);
    expect((await desk.must('session.status', {}))?.locked).toBe(true);
    expect(await desk.call('officers.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await desk.call('session.touch', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await desk.call('session.unlock', { password: 'not-it-at-all' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect((await desk.must('session.unlock', { password: ADMIN.password })).locked).toBe(false);
    expect((await desk.must('officers.list', {})).length).toBe(1);
  });

  it('lets another officer take over a locked desk, and audits the take-over', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('officers.create', OFFICER);
    await desk.must('session.lock', {});
    const taken = await desk.must('session.signIn', { officerNumber: OFFICER.officerNumber, password: OFFICER.password });
    expect(taken).toMatchObject({ locked: false, officer: { officerNumber: OFFICER.officerNumber } });
    const entries = await desk.must('session.status', {});
    expect(entries?.officer.role).toBe('officer');
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    const takeOver = (await desk.must('audit.recent', { limit: 20 })).find((e) => e.action === 'session.take_over');
    expect(takeOver).toMatchObject({ actor: ADMIN.officerNumber, detail: { from: OFFICER.officerNumber } });
  });

  it('pushes a session.changed event when the idle timer locks the desk', async () => {
    desk = await openIdleLockingDesk();
    expect(await lockAnnounced(desk)).toBe(true);
    await desk.must('session.unlock', { password: ADMIN.password });
    const actions = (await desk.must('audit.recent', { limit: 5 })).map((e) => e.action);
    expect(actions).toContain('session.locked');
  });
});

describe('idle lock when the database cannot be written', () => {
  it('still locks and announces it, and the core carries on (it threw out of the timer and took the process down)', async () => {
    desk = await openIdleLockingDesk();
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    // Another writer holds the database past the core's busy timeout, as a full disk would refuse the write.
    const holder = new Database(desk.core.databasePath);
    holder.exec('BEGIN IMMEDIATE');
    try {
      expect(await lockAnnounced(desk)).toBe(true);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      process.off('uncaughtException', record);
    }
    expect(uncaught).toEqual([]);
    expect(await desk.must('session.status', {})).toMatchObject({ locked: true });
    await desk.must('session.unlock', { password: ADMIN.password });
  }, 60_000);
});

describe('officer administration', () => {
  it('adds officers, refuses duplicate numbers, resets passwords, and protects the last admin', async () => {
    desk = await openDeskWithAdmin();
    const officer = await desk.must('officers.create', OFFICER);
    expect(await desk.call('officers.create', { ...OFFICER, officerNumber: 'imi-042' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'officerNumber' },
    });
    await desk.must('officers.resetPassword', { officerId: officer.id, password: 'brand-new-password' });
    const admin = (await desk.must('session.status', {}))!.officer;
    expect(await desk.call('officers.setActive', { officerId: admin.id, active: false })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'cannotDeactivateSelf' },
    });
    await desk.must('session.signIn', { officerNumber: OFFICER.officerNumber, password: 'brand-new-password' });
    expect(await desk.call('officers.create', { ...OFFICER, officerNumber: 'X-9' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
