// Owns the database schema history: numbered migrations, applied in order, each once and in its own transaction.
// Never edit a migration that has shipped: add a new one. The checksum check refuses a database whose
// history disagrees with this list.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'desk, officers, audit log',
    sql: `
      CREATE TABLE desk (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        demo INTEGER NOT NULL CHECK (demo IN (0, 1)),
        created_at TEXT NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE officers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        officer_number TEXT NOT NULL COLLATE NOCASE UNIQUE,
        agency TEXT NOT NULL CHECK (agency IN ('BP3MI', 'IMIGRASI')),
        role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      -- The log is append-only for the application: raw edits must go around these triggers,
      -- and the hash chain catches those that do.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
];

/** A stable fingerprint of a migration's SQL, so that an edited migration is noticed. */
export function migrationChecksum(migration: Migration, hash: (text: string) => string): string {
  return hash(migration.sql.replace(/\s+/g, ' ').trim());
}
