// Owns reference_refused: recording an item refused here (received) or by the hub (sent), and which refusals are still
// open. A refusal stays open, and the header's notice with it, until its cause is gone (a later revision of the same
// item was taken here) or an admin has marked it seen on the diagnostics screen; an IT officer expects a warning to
// wait for a person, not to vanish with the next sync round.
import type { ReferenceSync, RefusalReason } from '../../../shared/contract';
import type { Db } from '../db/connection';

export type RefusalDirection = 'received' | 'sent';

export class ReferenceRefusals {
  private readonly insert;
  private readonly resolve;
  private readonly openCount;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.insert = db.prepare(
      'INSERT INTO reference_refused (direction, revision, kind, item_key, problem_code, problem_params, problem, refused_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.resolve = db.prepare(
      `UPDATE reference_refused SET resolved_at = ?
        WHERE direction = 'received' AND resolved_at IS NULL AND seen_at IS NULL AND kind = ? AND item_key = ? AND revision < ?`,
    );
    this.openCount = db.prepare('SELECT count(*) FROM reference_refused WHERE resolved_at IS NULL AND seen_at IS NULL').pluck();
  }

  /** Stores the refusal's code and placeholders (the sentence is worded on screen) and its technical problems. */
  record(direction: RefusalDirection, revision: number | null, kind: string, key: string, reason: RefusalReason): void {
    this.insert.run(direction, revision, kind, key, reason.code, JSON.stringify(reason.params ?? {}), reason.problems.join('; '), this.now().toISOString());
  }

  /** The desk took a later revision of this item (applied, or already held): what was refused before is overtaken. */
  overtaken(kind: string, key: string, revision: number): void {
    this.resolve.run(this.now().toISOString(), kind, key, revision);
  }

  /** The newest refusals, as the diagnostics screen lists them. */
  newest(limit: number): ReferenceSync['refused'] {
    const rows = this.db
      .prepare(
        `SELECT direction, revision, kind, item_key AS key, problem_code AS problemCode, problem_params AS params, problem, refused_at AS at,
                CASE WHEN seen_at IS NOT NULL THEN 'seen' WHEN resolved_at IS NOT NULL THEN 'overtaken' ELSE 'open' END AS state,
                seen_by AS seenBy, seen_at AS seenAt
           FROM reference_refused ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as (Omit<ReferenceSync['refused'][number], 'params'> & { params: string })[];
    return rows.map((row) => ({ ...row, params: JSON.parse(row.params) as ReferenceSync['refused'][number]['params'] }));
  }

  /** Refusals neither overtaken nor seen by an admin. */
  open(): number {
    return this.openCount.get() as number;
  }

  /** An admin has read the list: every open refusal is marked seen by them; returns how many. */
  markSeen(officerNumber: string): number {
    return this.db
      .prepare('UPDATE reference_refused SET seen_at = ?, seen_by = ? WHERE resolved_at IS NULL AND seen_at IS NULL')
      .run(this.now().toISOString(), officerNumber).changes;
  }
}
