// The audit log: append-only for the app, and every edit, deletion or reordering done around it is detected.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDeskWithAdmin, type TestDesk } from './core-harness';

let desk: TestDesk;
beforeEach(async () => {
  desk = await openDeskWithAdmin();
  await desk.must('session.lock', {});
  await desk.must('session.unlock', { password: 'admin-password-1' });
});
afterEach(() => desk.close());

/** Tampers with the live file the way someone with raw SQL access would: around the triggers. */
function tamper(sql: string): void {
  const raw = new Database(desk.core.databasePath);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  raw.exec(sql);
  raw.close();
}

describe('audit log', () => {
  it('records sign-in, lock and unlock, and verifies intact', async () => {
    const entries = await desk.must('audit.recent', { limit: 50 });
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['setup.first_admin', 'session.signed_in', 'session.locked', 'session.unlocked']));
    const verification = await desk.must('audit.verify', {});
    expect(verification).toMatchObject({ ok: true, brokenAt: null });
    expect(verification.entries).toBe(entries.length);
  });

  it('refuses updates and deletes from SQL while its triggers stand', () => {
    const raw = new Database(desk.core.databasePath);
    expect(() => raw.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    raw.close();
  });

  it('detects an edited entry', async () => {
    tamper("UPDATE audit_log SET actor = 'SOMEONE-ELSE' WHERE seq = 3");
    const verification = await desk.must('audit.verify', {});
    expect(verification).toMatchObject({ ok: false, brokenAt: 3 });
    expect(verification.problem).toMatch(/changed/);
  });

  it('detects an edited entry whose hash was recomputed naively', async () => {
    // Rewriting the detail and its own hash still breaks the link to the next entry.
    tamper("UPDATE audit_log SET detail = '{}', hash = 'f00d' WHERE seq = 2");
    const verification = await desk.must('audit.verify', {});
    expect(verification.ok).toBe(false);
    expect(verification.brokenAt).toBe(2);
  });

  it('detects a deleted entry', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 2');
    const verification = await desk.must('audit.verify', {});
    expect(verification).toMatchObject({ ok: false, brokenAt: 3 });
    expect(verification.problem).toMatch(/missing/);
  });

  it('detects reordered entries', async () => {
    tamper('UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -2;');
    const verification = await desk.must('audit.verify', {});
    expect(verification).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
