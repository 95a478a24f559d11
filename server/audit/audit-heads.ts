// Owns the comparison of each desk's audit-chain head on every sync. The hub keeps the head it last accepted;
// a desk whose chain no longer contains it (shorter, or another hash at that entry) is recorded as a mismatch,
// which stays visible on both sides and is never repaired or overwritten here. The same report carries the desk's
// name as it stands, which the hub's list of desks takes.
import type { Pool } from 'pg';
import type { AuditHead, AuditRequest, AuditResponse } from '../../shared/contract/sync';
import type { AuthenticatedDesk } from '../desks/desk-registry';
import { transaction } from '../db/transaction';

/** What is wrong with the desk's report against the head the hub holds, or null when it is consistent. */
function disagreement(held: AuditHead, report: AuditRequest): string | null {
  if (report.head.seq < held.seq) return `the desk's audit log ends at entry ${report.head.seq}, but the hub saw entry ${held.seq} before`;
  if (report.head.seq === held.seq && report.head.hash !== held.hash) return `entry ${held.seq} of the desk's audit log has another hash than the hub saw`;
  if (report.atHubHead && report.atHubHead.seq === held.seq && report.atHubHead.hash !== held.hash) {
    return `entry ${held.seq} of the desk's audit log has another hash than the hub saw`;
  }
  return null;
}

export class AuditHeads {
  constructor(private readonly pool: Pool) {}

  async compare(desk: AuthenticatedDesk, report: AuditRequest): Promise<AuditResponse> {
    return transaction(this.pool, async (client) => {
      await client.query('SELECT 1 FROM desks WHERE id = $1 FOR UPDATE', [desk.id]);
      // The desk's name follows a rename at the desk (the admin's list shows it); the same name changes nothing.
      if (report.deskName !== undefined) await client.query('UPDATE desks SET name = $2 WHERE id = $1 AND name <> $2', [desk.id, report.deskName]);
      const heldRow = (await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_heads WHERE desk_id = $1', [desk.id])).rows[0];
      const earlier = (await client.query<{ at: Date; detail: string }>('SELECT at, detail FROM audit_mismatches WHERE desk_id = $1 ORDER BY id LIMIT 1', [desk.id])).rows[0];
      if (!heldRow) {
        await client.query('INSERT INTO audit_heads (desk_id, seq, hash) VALUES ($1, $2, $3)', [desk.id, report.head.seq, report.head.hash]);
        return { status: earlier ? 'mismatch' : 'first', hubHead: report.head, mismatch: earlier ? { detail: earlier.detail, since: earlier.at.toISOString() } : null };
      }
      const held: AuditHead = { seq: heldRow.seq, hash: heldRow.hash };
      const problem = disagreement(held, report);
      if (problem) {
        // One record per distinct report: a desk repeating the same head on every sync adds nothing new.
        const recorded = await client.query<{ at: Date }>(
          `INSERT INTO audit_mismatches (desk_id, detail, reported_seq, reported_hash) SELECT $1, $2, $3, $4
            WHERE NOT EXISTS (SELECT 1 FROM audit_mismatches WHERE desk_id = $1 AND reported_seq = $3 AND reported_hash = $4) RETURNING at`,
          [desk.id, problem, report.head.seq, report.head.hash],
        );
        const first = earlier ?? { detail: problem, at: recorded.rows[0]?.at ?? new Date() };
        return { status: 'mismatch', hubHead: held, mismatch: { detail: first.detail, since: first.at.toISOString() } };
      }
      const verified = report.head.seq === held.seq || report.atHubHead?.seq === held.seq;
      if (!verified) return this.answer(earlier, 'unverified', held);
      await client.query('UPDATE audit_heads SET seq = $2, hash = $3, recorded_at = now() WHERE desk_id = $1', [desk.id, report.head.seq, report.head.hash]);
      return this.answer(earlier, 'match', report.head);
    });
  }

  /** A mismatch seen once stays the answer: the desk keeps showing it until people have looked into it. */
  private answer(earlier: { at: Date; detail: string } | undefined, status: 'match' | 'unverified', hubHead: AuditHead): AuditResponse {
    if (earlier) return { status: 'mismatch', hubHead, mismatch: { detail: earlier.detail, since: earlier.at.toISOString() } };
    return { status, hubHead, mismatch: null };
  }
}
