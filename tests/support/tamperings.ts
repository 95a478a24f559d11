// What an attacker with a shell does to a closed desk's database file (issue #16, finding 3), shared by the
// integration, sync and end-to-end tests of tamper evidence so each tampering is written once.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { headFilePath } from '../../electron/core/audit/audit-log';

type AuditRow = { seq: number; at: string; actor: string | null; action: string; detail: string; prev_hash: string };

const chainHash = (prev: string, seq: number, at: string, actor: string | null, action: string, detail: string) =>
  createHash('sha256').update(JSON.stringify([prev, seq, at, actor, action, detail])).digest('hex');

/**
 * Rewrites the decision's audit entry and recomputes every hash after it, triggers put back, so the chain is
 * consistent in itself. Returns the forged head, for an attacker who also rewrites the head file.
 */
export function rewriteAndRehash(raw: Database.Database): { seq: number; hash: string } {
  raw.exec('DROP TRIGGER audit_log_no_update');
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  let prev = '0'.repeat(64);
  const update = raw.prepare('UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const detail = row.action === 'case.decided' ? JSON.stringify({ caseId: 'someone-else' }) : row.detail;
    const hash = chainHash(prev, row.seq, row.at, row.actor, row.action, detail);
    update.run(detail, prev, hash, row.seq);
    prev = hash;
  }
  raw.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
  return { seq: rows.at(-1)!.seq, hash: prev };
}

/** As above, and the head file beside the database rewritten to the forged head: only the hub can still tell. */
export function rewriteChainAndHeadFile(raw: Database.Database, databasePath: string): void {
  const head = rewriteAndRehash(raw);
  writeFileSync(headFilePath(databasePath), `${JSON.stringify(head)}\n`, { mode: 0o600 });
}

/** Deletes the newest three audit entries, triggers put back. */
export function cutTail(raw: Database.Database): void {
  raw.exec('DROP TRIGGER audit_log_no_delete');
  raw.exec('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)');
  raw.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
}

/** Changes the decision (and note) of every case behind its events. */
export function changeCaseRows(raw: Database.Database): void {
  raw.exec("UPDATE cases SET decision = 'clear', note = ''");
}

/** Drops the trigger that keeps events from being deleted. */
export function dropEventsTrigger(raw: Database.Database): void {
  raw.exec('DROP TRIGGER events_no_delete');
}

/**
 * Puts two append-only triggers back under their own names but protecting nothing: one whose WHEN never holds,
 * one on another table. A check that only looks for a name and a RAISE(ABORT …) would pass them.
 */
export function neuterTriggers(raw: Database.Database): void {
  raw.exec('DROP TRIGGER audit_log_no_delete');
  raw.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
  raw.exec('DROP TRIGGER events_no_update');
  raw.exec("CREATE TRIGGER events_no_update BEFORE UPDATE ON settings BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;");
}
