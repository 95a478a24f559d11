// Owns opening the desk's SQLite file: pragmas for durability, migration, and refusing a database
// that this code does not understand.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as codeMigrations, migrationChecksum, type Migration } from './migrations';

export type Db = Database.Database;

/** Thrown when the database cannot be used by this version of the app; the message is for the person starting it. */
export class DatabaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function openDatabase(file: string, migrations: readonly Migration[] = codeMigrations): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a decision acknowledged to the officer survives a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/** The newest migration this database has had (0 before the first). */
export function schemaVersion(db: Db): number {
  return (db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db
    .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[];
  const latestKnown = migrations.at(-1)?.version ?? 0;

  for (const row of applied) {
    if (row.version > latestKnown) {
      throw new DatabaseRefusedError(
        `The database was written by a newer version of Meja Klarifikasi (schema ${row.version}, this app knows up to ${latestKnown}). ` +
          'Install the newer version; the database has not been changed.',
      );
    }
    const known = migrations.find((m) => m.version === row.version);
    if (!known || migrationChecksum(known, sha256) !== row.checksum) {
      throw new DatabaseRefusedError(
        `The database's migration ${row.version} ("${row.name}") does not match this app's. ` +
          'It may come from a different build; the database has not been changed.',
      );
    }
  }

  const appliedVersions = new Set(applied.map((row) => row.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of migrations) {
    if (appliedVersions.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      const refusal = migration.refusal?.(db);
      if (refusal) throw new DatabaseRefusedError(`${refusal} The database has not been changed.`);
      record.run(migration.version, migration.name, migrationChecksum(migration, sha256), new Date().toISOString());
    })();
  }
}
