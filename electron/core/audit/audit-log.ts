// Owns the hash-chained audit log: appending entries, keeping its head in a file outside the database, and
// verifying that none was edited, removed or reordered.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AuditEntry, AuditVerification } from '../../../shared/contract';
import type { Db } from '../db/connection';
import { AuditRepository } from './audit-repository';

const GENESIS = '0'.repeat(64);
/** Entries hashed between two breaks for the event loop: a few milliseconds of work. */
const VERIFY_PAGE = 2000;

function entryHash(prevHash: string, seq: number, at: string, actor: string | null, action: string, detail: string): string {
  // JSON of an array keeps field boundaries unambiguous.
  return createHash('sha256').update(JSON.stringify([prevHash, seq, at, actor, action, detail])).digest('hex');
}

/** The chain head as the head file keeps it: the newest entry's number and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The head file beside a database: the chain head kept outside it, so that a cut tail or a rehashed chain shows. */
export function headFilePath(databasePath: string): string {
  return `${databasePath}.head`;
}

export function readHeadFile(path: string): ChainHead | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ChainHead>;
    if (typeof parsed.seq === 'number' && typeof parsed.hash === 'string') return { seq: parsed.seq, hash: parsed.hash };
  } catch {
    // Unreadable: reported by the integrity check as a head that does not match.
  }
  return { seq: -1, hash: 'unreadable' };
}

export class AuditLog {
  private readonly rows: AuditRepository;
  private headWritePending = false;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    /** Where the chain head is written after every entry that commits; none for throwaway tools. */
    private readonly headFile: string | null = null,
  ) {
    this.rows = new AuditRepository(db);
  }

  /** Appends one entry. Call inside the transaction of the change it records, where there is one. */
  append(actor: string | null, action: string, detail: Record<string, unknown> = {}): void {
    const write = () => {
      const last = this.rows.lastEntry();
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS;
      const at = this.now().toISOString();
      const detailJson = JSON.stringify(detail);
      this.rows.add({ seq, at, actor, action, detail: detailJson, prev_hash: prevHash, hash: entryHash(prevHash, seq, at, actor, action, detailJson) });
    };
    if (this.db.inTransaction) write();
    else this.db.transaction(write).immediate();
    this.scheduleHeadWrite();
  }

  /** The newest entry in the database. */
  head(): ChainHead | null {
    return this.rows.lastEntry() ?? null;
  }

  /** The entry of this number as the database has it, or null when it has none. */
  entryAt(seq: number): ChainHead | null {
    return this.rows.entry(seq) ?? null;
  }

  /**
   * Writes the head file once the entry's transaction has ended. Transactions here are synchronous, so by the next
   * microtask the entry has committed or rolled back; the file then gets whatever head the database really has.
   */
  private scheduleHeadWrite(): void {
    if (!this.headFile || this.headWritePending) return;
    this.headWritePending = true;
    queueMicrotask(() => {
      this.headWritePending = false;
      if (!this.db.open) return;
      try {
        this.writeHeadFile();
      } catch (error) {
        // A full disk refuses the file after the database took the entry (SQLite reuses its log's space). Thrown
        // here it would be uncaught and end the process; the file stays at an older head, which the start-up check
        // accepts, and the next entry that can be written brings it up to date.
        console.error('[core] the audit head file could not be written', error);
      }
    });
  }

  writeHeadFile(): void {
    const head = this.head();
    if (!this.headFile || !head) return;
    const temporary = `${this.headFile}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(head)}\n`, { mode: 0o600 });
    renameSync(temporary, this.headFile);
  }

  recent(limit: number): AuditEntry[] {
    return this.rows.recent(limit);
  }

  /** Walks the whole chain at once. Sequence numbers must run 1, 2, 3 … and every hash must recompute. */
  verify(): AuditVerification {
    const walk = this.verifySteps();
    for (;;) {
      const step = walk.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same walk, handing the event loop back between pages of entries, so that a long chain checked in the
   * background never holds up the officer's calls.
   */
  async verifyInBackground(pause: () => Promise<void>): Promise<AuditVerification> {
    const walk = this.verifySteps();
    for (;;) {
      const step = walk.next();
      if (step.done) return step.value;
      await pause();
    }
  }

  /** Yields after each page; pages (not one open iterator) leave the connection free for others meanwhile. */
  private *verifySteps(): Generator<void, AuditVerification> {
    let prevHash = GENESIS;
    let expectedSeq = 1;
    let entries = 0;
    let lastRowid = 0;
    const broken = (seq: number, problem: string): AuditVerification => ({ ok: false, entries, brokenAt: seq, problem });
    const page = this.rows.pages(VERIFY_PAGE);
    for (;;) {
      const rows = page(lastRowid);
      for (const row of rows) {
        if (row.seq !== expectedSeq) {
          return broken(row.seq, row.seq > expectedSeq ? `entries ${expectedSeq}…${row.seq - 1} are missing` : `entry ${row.seq} is out of order`);
        }
        if (row.prev_hash !== prevHash) return broken(row.seq, `entry ${row.seq} does not follow the entry before it`);
        if (entryHash(row.prev_hash, row.seq, row.at, row.actor, row.action, row.detail) !== row.hash) {
          return broken(row.seq, `entry ${row.seq} was changed after it was written`);
        }
        prevHash = row.hash;
        expectedSeq++;
        entries++;
        lastRowid = row.row_id;
      }
      if (rows.length < VERIFY_PAGE) return { ok: true, entries, brokenAt: null, problem: null };
      yield;
    }
  }
}
