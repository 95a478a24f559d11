// Owns the officers table: reading and writing officer rows, nothing about passwords or sessions.
import type { Agency, Officer, Role } from '../../../shared/contract';
import type { Db } from '../db/connection';

export interface OfficerRecord extends Officer {
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
  /** When the account last changed anywhere (created, password, active): orders changes made at different desks. */
  changedAt: string;
  /**
   * What the hub says of whether this account is active and its role, where this desk keeps it otherwise (its last
   * active admin, which the hub would deactivate or demote); null where the desk follows the hub.
   */
  hubWord: { active: boolean; role: Role } | null;
}

interface OfficerRow {
  id: number;
  name: string;
  officer_number: string;
  agency: Agency;
  role: Role;
  password_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  changed_at: string | null;
  hub_active: number | null;
  hub_role: Role | null;
}

function toRecord(row: OfficerRow): OfficerRecord {
  return {
    id: row.id,
    name: row.name,
    officerNumber: row.officer_number,
    agency: row.agency,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    changedAt: row.changed_at ?? row.created_at,
    hubWord: row.hub_active === null || row.hub_role === null ? null : { active: row.hub_active === 1, role: row.hub_role },
  };
}

/** What counting a sign-in attempt found: the account was already locked, or this is attempt number `attempt`. */
export type AttemptCount =
  | { kind: 'gone' }
  | { kind: 'locked'; until: string; attempt: number }
  | { kind: 'counted'; attempt: number; locks: boolean };

export function publicOfficer(record: OfficerRecord): Officer {
  const { id, name, officerNumber, agency, role, active, createdAt } = record;
  return { id, name, officerNumber, agency, role, active, createdAt };
}

export class OfficerRepository {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM officers').get() as { n: number }).n;
  }

  byId(id: number): OfficerRecord | undefined {
    const row = this.db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as OfficerRow | undefined;
    return row && toRecord(row);
  }

  byNumber(officerNumber: string): OfficerRecord | undefined {
    const row = this.db.prepare('SELECT * FROM officers WHERE officer_number = ?').get(officerNumber) as OfficerRow | undefined;
    return row && toRecord(row);
  }

  list(): OfficerRecord[] {
    return (this.db.prepare('SELECT * FROM officers ORDER BY active DESC, name').all() as OfficerRow[]).map(toRecord);
  }

  insert(officer: { name: string; officerNumber: string; agency: Agency; role: Role; passwordHash: string; createdAt: string }): OfficerRecord {
    const info = this.db
      .prepare(
        'INSERT INTO officers (name, officer_number, agency, role, password_hash, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(officer.name, officer.officerNumber, officer.agency, officer.role, officer.passwordHash, officer.createdAt, officer.createdAt);
    return this.byId(Number(info.lastInsertRowid))!;
  }

  setPasswordHash(id: number, passwordHash: string, changedAt: string): void {
    this.db
      .prepare('UPDATE officers SET password_hash = ?, failed_attempts = 0, locked_until = NULL, changed_at = ? WHERE id = ?')
      .run(passwordHash, changedAt, id);
  }

  setActive(id: number, active: boolean, changedAt: string): void {
    this.db.prepare('UPDATE officers SET active = ?, changed_at = ? WHERE id = ?').run(active ? 1 : 0, changedAt, id);
  }

  /** The hub's word on an account this desk keeps as it is (see OfficerRecord.hubWord); the row is otherwise unchanged. */
  keepAgainstHub(officerNumber: string, word: { active: boolean; role: Role }): void {
    this.db.prepare('UPDATE officers SET hub_active = ?, hub_role = ? WHERE officer_number = ?').run(word.active ? 1 : 0, word.role, officerNumber);
  }

  /**
   * The desk follows the hub's word it kept aside on this account: active and role become the hub's, nothing is kept
   * aside any more. changed_at stays: the hub already holds this word with its own (later) time.
   */
  followHub(officerNumber: string): void {
    this.db
      .prepare('UPDATE officers SET active = hub_active, role = hub_role, hub_active = NULL, hub_role = NULL WHERE officer_number = ? AND hub_active IS NOT NULL AND hub_role IS NOT NULL')
      .run(officerNumber);
  }

  /**
   * Takes an account as the hub serves it (the desk follows the hub again: no word kept aside). Failed attempts and a lockout stay this desk's own (they count guesses
   * typed here); a new password clears them, as a reset here does.
   */
  upsertFromHub(account: { officerNumber: string; name: string; agency: Agency; role: Role; passwordHash: string; active: boolean; changedAt: string }): OfficerRecord {
    const params = { ...account, active: account.active ? 1 : 0 };
    this.db
      .prepare(
        `INSERT INTO officers (name, officer_number, agency, role, password_hash, active, created_at, changed_at)
         VALUES (@name, @officerNumber, @agency, @role, @passwordHash, @active, @changedAt, @changedAt)
         ON CONFLICT (officer_number) DO UPDATE SET name = excluded.name, agency = excluded.agency, role = excluded.role,
           active = excluded.active, changed_at = excluded.changed_at, hub_active = NULL, hub_role = NULL,
           failed_attempts = CASE WHEN password_hash = excluded.password_hash THEN failed_attempts ELSE 0 END,
           locked_until = CASE WHEN password_hash = excluded.password_hash THEN locked_until END,
           password_hash = excluded.password_hash`,
      )
      .run(params);
    return this.byNumber(account.officerNumber)!;
  }

  /**
   * Counts one sign-in attempt before its password is checked, in one immediate transaction, so that guesses sent
   * in parallel (each waiting on scrypt) count one each. An expired lock starts a fresh count; the attempt that
   * reaches `maxAttempts` sets the lock at once, so the guesses racing behind it are refused unchecked.
   */
  countAttempt(id: number, now: string, maxAttempts: number, lockUntil: string): AttemptCount {
    return this.db.transaction((): AttemptCount => {
      const before = this.db.prepare('SELECT locked_until FROM officers WHERE id = ?').get(id) as { locked_until: string | null } | undefined;
      if (!before) return { kind: 'gone' };
      if (before.locked_until !== null && before.locked_until > now) {
        const counted = this.db
          .prepare('UPDATE officers SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts')
          .pluck()
          .get(id) as number;
        return { kind: 'locked', until: before.locked_until, attempt: counted };
      }
      const attempt = this.db
        .prepare(
          `UPDATE officers SET
             failed_attempts = CASE WHEN locked_until IS NULL THEN failed_attempts + 1 ELSE 1 END,
             locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_attempts + 1 ELSE 1 END) >= ? THEN ? ELSE NULL END
           WHERE id = ? RETURNING failed_attempts`,
        )
        .pluck()
        .get(maxAttempts, lockUntil, id) as number;
      return { kind: 'counted', attempt, locks: attempt >= maxAttempts };
    }).immediate();
  }

  clearFailures(id: number): void {
    this.db.prepare('UPDATE officers SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
  }
}
