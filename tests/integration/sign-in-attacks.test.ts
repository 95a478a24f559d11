// Sign-in under attack (issue #16): parallel guesses, locked accounts answering at a wrong password's pace,
// and what an unknown officer number leaves in the audit log.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGN_IN_POLICY } from '../../shared/contract';
import { ADMIN, openDeskWithAdmin, type TestDesk } from './core-harness';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

function failedAttempts(desk: TestDesk): number {
  const raw = new Database(desk.core.databasePath, { readonly: true });
  try {
    return raw.prepare('SELECT failed_attempts FROM officers WHERE officer_number = ?').pluck().get(ADMIN.officerNumber) as number;
  } finally {
    raw.close();
  }
}

describe('parallel wrong passwords', () => {
  it('count every guess and lock the account after the fifth of twelve sent at once', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('session.signOut', {});
    const guesses = Array.from({ length: 12 }, (_, i) =>
      desk!.call('session.signIn', { officerNumber: ADMIN.officerNumber, password: `wrong-guess-${i}` }),
    );
    const results = await Promise.all(guesses);
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'bad_credentials')).toHaveLength(SIGN_IN_POLICY.maxFailedAttempts - 1);
    expect(codes.filter((c) => c === 'account_locked')).toHaveLength(12 - (SIGN_IN_POLICY.maxFailedAttempts - 1));
    expect(failedAttempts(desk)).toBeGreaterThanOrEqual(SIGN_IN_POLICY.maxFailedAttempts);
    // The right password is refused now: the guesses locked the account.
    const right = await desk.call('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(right).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    expect(await desk.call('session.status', {})).toMatchObject({ ok: true, value: null });
    const raw = new Database(desk.core.databasePath, { readonly: true });
    const failed = raw.prepare("SELECT detail FROM audit_log WHERE action = 'session.sign_in_failed'").pluck().all() as string[];
    raw.close();
    expect(failed.map((detail) => (JSON.parse(detail) as { failedAttempts: number }).failedAttempts).sort()).toEqual([1, 2, 3, 4, 5]);
  }, 120_000);
});

describe('a locked account', () => {
  it('answers at the pace of a wrong password, so the answer does not tell it exists', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('session.signOut', {});
    const timed = async (officerNumber: string) => {
      const started = performance.now();
      const result = await desk!.call('session.signIn', { officerNumber, password: 'wrong-password' });
      return { result, ms: performance.now() - started };
    };
    const unknown = await timed('NOBODY-HERE');
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    for (let attempt = 0; attempt < SIGN_IN_POLICY.maxFailedAttempts; attempt++) {
      await desk.call('session.signIn', { officerNumber: ADMIN.officerNumber, password: `guess-${attempt}` });
    }
    const locked = await timed(ADMIN.officerNumber);
    expect(locked.result).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    // Same work (one password check and the first wait) as an unknown number: well over half its time.
    expect(locked.ms / unknown.ms).toBeGreaterThan(0.6);
  }, 120_000);
});

describe('an unknown officer number', () => {
  it('is audited masked, so a password typed into the number field never lands in the log', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('session.signOut', {});
    await desk.call('session.signIn', { officerNumber: 'Rahasia-Sekali-99', password: 'whatever-it-is' });
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    const failed = (await desk.must('audit.recent', { limit: 20 })).find((e) => e.action === 'session.sign_in_failed');
    expect(failed?.detail).toMatchObject({ reason: 'unknown_officer' });
    expect(JSON.stringify(failed)).not.toMatch(/Rahasia|Sekali|99/);
  }, 60_000);
});
