// Owns the audit_log table: appending a row, reading rows back (the detail column as JSON for readers, as stored for
// the hash check). No chain rules here: hashing and verifying are audit-log.ts's.
import type { AuditEntry } from '../../../shared/contract';
import type { Db } from '../db/connection';

/** An entry as stored: its detail is the exact text that was hashed. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** A row with its place in the table, so a walk can go on from where it stopped. */
export type PagedAuditRow = AuditRow & { row_id: number };

/** An entry's number and hash: what a chain head is made of. */
export interface EntryHash {
  seq: number;
  hash: string;
}

export class AuditRepository {
  private readonly last;
  private readonly bySeq;
  private readonly insert;
  private readonly newest;

  constructor(private readonly db: Db) {
    this.last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.bySeq = db.prepare('SELECT seq, hash FROM audit_log WHERE seq = ?');
    this.insert = db.prepare('INSERT INTO audit_log (seq, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.newest = db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?');
  }

  /** The entry with the highest number, if any. */
  lastEntry(): EntryHash | undefined {
    return this.last.get() as EntryHash | undefined;
  }

  /** The entry of this number, if the table has one. */
  entry(seq: number): EntryHash | undefined {
    return this.bySeq.get(seq) as EntryHash | undefined;
  }

  add(row: AuditRow): void {
    this.insert.run(row.seq, row.at, row.actor, row.action, row.detail, row.prev_hash, row.hash);
  }

  /** The newest entries first, their detail read back as JSON. */
  recent(limit: number): AuditEntry[] {
    const rows = this.newest.all(limit) as AuditRow[];
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }

  /**
   * A reader of the table in storage order, a page at a time from after a row: a whole-table walk by pages (not one
   * open iterator) leaves the connection free for others between them.
   */
  pages(size: number): (afterRowId: number) => PagedAuditRow[] {
    const page = this.db.prepare(`SELECT rowid AS row_id, * FROM audit_log WHERE rowid > ? ORDER BY rowid LIMIT ${size}`);
    return (afterRowId) => page.all(afterRowId) as PagedAuditRow[];
  }
}
