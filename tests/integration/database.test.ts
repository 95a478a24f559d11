// The desk database: durable pragmas, migrations applied once, and refusal of databases this code does not understand.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseRefusedError, openDatabase } from '../../electron/core/db/connection';
import { migrations } from '../../electron/core/db/migrations';
import { ReferenceRefusals } from '../../electron/core/sync/reference-refusals';
import { WATCH_LIST_KINDS } from '../../shared/checklist';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meja-db-'));
  dirs.push(dir);
  return join(dir, 'nested', 'desk.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file with WAL, synchronous=FULL and foreign keys, and applies every migration', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(migrations.map((m) => m.version));
    db.close();
  });

  it("holds the watch list's kinds to the shared list: the table refuses any other kind", () => {
    const db = openDatabase(tempFile());
    const insert = db.prepare("INSERT INTO watch_list (kind, match_key, value, note, source) VALUES (?, 'K', 'v', '', 'test')");
    for (const kind of WATCH_LIST_KINDS) expect(() => insert.run(kind)).not.toThrow();
    expect(() => insert.run('vehicle')).toThrow(/CHECK/);
    const check = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'watch_list'").pluck().get() as string).match(/kind IN \(([^)]*)\)/)?.[1];
    expect(check?.split(',').map((kind) => kind.trim().replace(/'/g, ''))).toEqual([...WATCH_LIST_KINDS]);
    db.close();
  });

  it('applies nothing twice when opened again', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    db.close();
  });

  it('applies new migrations in order, each in its own transaction, and rolls back a failing one', () => {
    const file = tempFile();
    openDatabase(file).close();
    const broken = [...migrations, { version: 900, name: 'half broken', sql: 'CREATE TABLE t900 (x INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => openDatabase(file, broken)).toThrow(/nowhere/);
    const raw = new Database(file);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't900'").pluck().get()).toBe(0);
    expect(raw.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(migrations.at(-1)!.version);
    raw.close();
  });

  it('refuses a database written by a newer version, without changing it', () => {
    const file = tempFile();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'from the future', 'x', '2030-01-01')").run();
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseRefusedError);
    expect(() => openDatabase(file)).toThrow(/newer version/);
    const after = new Database(file);
    expect(after.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(999);
    after.close();
  });

  it('refuses a database whose applied migration differs from the code', () => {
    const file = tempFile();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").run();
    raw.close();
    expect(() => openDatabase(file)).toThrow(/does not match/);
  });

  it('gives refusals stored before problem codes the code their English says, and an unspecified one otherwise', () => {
    const file = tempFile();
    openDatabase(file, migrations.filter((m) => m.version <= 8)).close();
    const raw = new Database(file);
    const insert = raw.prepare("INSERT INTO reference_refused (direction, revision, kind, item_key, problem, refused_at) VALUES (?, ?, ?, ?, ?, '2026-12-01T08:00:00.000Z')");
    insert.run('received', 7, 'officer', 'ADM-001', "ADM-001 is this desk's last active administrator: kept active here; make another administrator at this desk first");
    insert.run('received', 8, 'watch_list', 'w-1', 'version: watch list w-1 is already known to this desk with other content; give the changed watch list a new version');
    insert.run('received', 9, 'checklist', '2099.1', 'questions.0.id: Required');
    insert.run('sent', null, 'checklist', '2099.2', 'Some reference data breaks its rules; nothing was stored.');
    raw.close();

    const db = openDatabase(file);
    const refusals = new ReferenceRefusals(db, () => new Date());
    expect(refusals.newest(10).map(({ key, problemCode, params, problem }) => ({ key, problemCode, params, kept: problem.length > 0 }))).toEqual([
      { key: '2099.2', problemCode: 'hub_refused', params: {}, kept: true },
      { key: '2099.1', problemCode: 'unspecified', params: {}, kept: true },
      { key: 'w-1', problemCode: 'version_clash', params: {}, kept: true },
      { key: 'ADM-001', problemCode: 'last_admin', params: { officer: 'ADM-001' }, kept: true },
    ]);
    db.close();
  });
});
