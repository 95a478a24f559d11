// The data folder under attack (issue #16, findings 5, 6 and 7): private modes, a database emptied or removed
// refused as damaged, first-run setup raced, and a full disk that must not leave a session without its audit entry.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, unlinkSync, writeSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseRefusedError, openCore } from '../../electron/core';
import { ADMIN, DESK_CODES, openDeskWithAdmin, openTestDesk, type TestDesk } from './core-harness';

let desk: TestDesk | undefined;
afterEach(() => {
  desk?.close();
  desk = undefined;
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

function auditActions(databasePath: string): string[] {
  const raw = new Database(databasePath, { readonly: true });
  try {
    return raw.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[];
  } finally {
    raw.close();
  }
}

describe('file modes', () => {
  it.skipIf(process.platform === 'win32')('creates the data folder 700 and its files 600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'meja-modes-'));
    desk = await openDeskWithAdmin({}, join(parent, 'nested', 'data'));
    expect(mode(desk.dataDir)).toBe('700');
    for (const file of ['desk.sqlite', 'desk.sqlite-wal', 'desk.sqlite-shm', 'desk.sqlite.desk']) expect([file, mode(join(desk.dataDir, file))]).toEqual([file, '600']);
    rmSync(parent, { recursive: true, force: true });
  });

  it.skipIf(process.platform === 'win32')('repairs a folder and files opened to other users at start, with a warning in the audit log', async () => {
    desk = await openDeskWithAdmin();
    desk.core.close();
    chmodSync(desk.dataDir, 0o755);
    chmodSync(join(desk.dataDir, 'desk.sqlite'), 0o644);
    const reopened = await openCore({ dataDir: desk.dataDir });
    reopened.close();
    expect(mode(desk.dataDir)).toBe('700');
    expect(mode(join(desk.dataDir, 'desk.sqlite'))).toBe('600');
    expect(auditActions(join(desk.dataDir, 'desk.sqlite')).filter((a) => a === 'desk.permissions_repaired')).toHaveLength(2);
  });
});

describe('a data folder that held a desk', () => {
  it('refuses an emptied database as damaged instead of offering first-run setup, and changes nothing', async () => {
    desk = await openDeskWithAdmin();
    desk.core.close();
    const file = join(desk.dataDir, 'desk.sqlite');
    for (const extra of ['-wal', '-shm']) if (existsSync(file + extra)) unlinkSync(file + extra);
    truncateSync(file, 0);
    await expect(openCore({ dataDir: desk.dataDir })).rejects.toThrow(DatabaseRefusedError);
    await expect(openCore({ dataDir: desk.dataDir })).rejects.toThrow(/empty/);
    expect(statSync(file).size).toBe(0);
    unlinkSync(file);
    await expect(openCore({ dataDir: desk.dataDir })).rejects.toThrow(/missing/);
    expect(existsSync(file)).toBe(false);
  });

  it("refuses another desk's database put in its place", async () => {
    desk = await openDeskWithAdmin();
    desk.core.close();
    const other = await openTestDesk();
    other.core.close();
    for (const extra of ['', '-wal', '-shm']) {
      const from = join(other.dataDir, `desk.sqlite${extra}`);
      const to = join(desk.dataDir, `desk.sqlite${extra}`);
      if (existsSync(to)) unlinkSync(to);
      if (existsSync(from)) execFileSync('cp', [from, to]);
    }
    rmSync(other.dataDir, { recursive: true, force: true });
    await expect(openCore({ dataDir: desk.dataDir })).rejects.toThrow(/belongs to desk/);
  });
});

describe('first-run setup', () => {
  it('makes one admin from four parallel setups', async () => {
    desk = await openTestDesk();
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => desk!.call('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES, officerNumber: `ADM-00${n}` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['setup_done', 'setup_done', 'setup_done']);
    const raw = new Database(desk.core.databasePath, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM officers').pluck().get()).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM audit_log WHERE action = 'setup.first_admin'").pluck().get()).toBe(1);
    raw.close();
  }, 60_000);
});

/** Mounts a small tmpfs (root only); the disk can then be filled for real. */
function smallDisk(): { dir: string; fill(databasePath?: string): void; free(): void; unmount(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'meja-fulldisk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=700', 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  return {
    dir,
    /** Fills the disk; the database's write-ahead log is emptied first, so the next write needs new space. */
    fill(databasePath?: string) {
      if (databasePath) {
        const raw = new Database(databasePath);
        raw.pragma('wal_checkpoint(TRUNCATE)');
        raw.close();
      }
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch {
        // ENOSPC: the disk is full.
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    unmount() {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('a full disk', () => {
  it.skipIf(process.getuid?.() !== 0)('leaves no signed-in session and no lock without its audit entry (needs root to mount a tmpfs)', async () => {
    const disk = smallDisk();
    try {
      const dataDir = join(disk.dir, 'data');
      mkdirSync(dataDir);
      desk = await openDeskWithAdmin({}, dataDir);
      disk.fill(desk.core.databasePath);
      const lock = await desk.call('session.lock', {});
      const lockedNow = (await desk.must('session.status', {}))?.locked;
      // Either both happened (the audit entry was written after all) or neither.
      expect({ answered: lock.ok, locked: lockedNow }).toEqual({ answered: false, locked: false });
      disk.free();
      await desk.must('session.signOut', {});
      disk.fill(desk.core.databasePath);
      const signIn = await desk.call('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
      expect(signIn).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(await desk.must('session.status', {})).toBeNull();
      disk.free();
      await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
      const actions = auditActions(desk.core.databasePath);
      expect(actions.filter((a) => a === 'session.signed_in')).toHaveLength(2);
      expect(actions.filter((a) => a === 'session.locked')).toHaveLength(0);
      desk.close();
      desk = undefined;
    } finally {
      disk.unmount();
    }
  }, 60_000);
});
