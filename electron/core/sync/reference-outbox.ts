// Owns the reference outbox: reference items this desk's admins changed (imported files, officer accounts), queued in
// the transaction of the change while the desk is enrolled, and handed to the sync engine until the hub holds them.
// Any enrolled desk may send reference data; the hub checks files with the same rules and keeps the newer officer change.
import type { ReferenceItem } from '../../../shared/contract/sync';
import type { AuditLog } from '../audit/audit-log';
import type { Db } from '../db/connection';
import { OfficerRepository } from '../officers/officer-repository';
import { officerAccount } from '../officers/officer-service';
import { ReferenceRepository } from '../reference/reference-repository';
import type { ReferenceRefusals } from './reference-refusals';
import type { SyncStateStore } from './sync-state';

export interface QueuedItem {
  id: number;
  item: ReferenceItem;
}

export class ReferenceOutbox {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly refusals: ReferenceRefusals,
    /** Whether the desk is enrolled: a desk that is not queues nothing. */
    private readonly syncState: SyncStateStore,
    private readonly now: () => Date,
  ) {}

  /** Queues a change; a desk not enrolled queues nothing (enrolling queues a snapshot instead). */
  queue(item: ReferenceItem): void {
    if (!this.syncState.isEnrolled()) return;
    this.insert(item);
  }

  /**
   * Everything the hub should hold of this desk, at enrollment with a hub that does not know it yet: every file imported
   * here, in the order they were imported (the last one is the one in use), and every officer account as it stands.
   */
  queueSnapshot(): void {
    this.db.prepare('DELETE FROM reference_outbox').run();
    for (const file of new ReferenceRepository(this.db).files()) this.insert(file);
    for (const officer of new OfficerRepository(this.db).list()) this.insert(officerAccount(officer));
  }

  /**
   * The desk now follows the hub's word on an account it had refused (its last admin has another admin beside it):
   * the refusal of that word is overtaken. Nothing is queued: the hub already holds that word.
   */
  followsHub(officerNumber: string): void {
    this.refusals.overtaken('officer', officerNumber, Number.MAX_SAFE_INTEGER);
  }

  /** The oldest queued items. */
  next(limit: number): QueuedItem[] {
    const rows = this.db.prepare('SELECT id, item FROM reference_outbox ORDER BY id LIMIT ?').all(limit) as { id: number; item: string }[];
    return rows.map((row) => ({ id: row.id, item: JSON.parse(row.item) as ReferenceItem }));
  }

  /** The hub holds these (or refused them for good): they leave the queue. */
  done(ids: readonly number[]): void {
    const remove = this.db.prepare('DELETE FROM reference_outbox WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) remove.run(id);
    })();
  }

  /** The hub refused an item for good (its rules differ from this desk's): kept for a person to see, and dropped. */
  refused(queued: QueuedItem, problem: string): void {
    const { item } = queued;
    const key = item.kind === 'officer' ? item.officerNumber : item.version;
    this.db.transaction(() => {
      this.refusals.record('sent', null, item.kind, key, { code: 'hub_refused', problems: [problem] });
      this.audit.append(null, 'reference.refused_by_hub', { kind: item.kind, key, code: 'hub_refused', problem });
      this.db.prepare('DELETE FROM reference_outbox WHERE id = ?').run(queued.id);
    })();
  }

  pending(): number {
    return this.db.prepare('SELECT count(*) FROM reference_outbox').pluck().get() as number;
  }

  private insert(item: ReferenceItem): void {
    this.db.prepare('INSERT INTO reference_outbox (item, queued_at) VALUES (?, ?)').run(JSON.stringify(item), this.now().toISOString());
  }
}
