// Owns the hub admin log: what the hub admin did from the command line, by whom (the operating-system account that
// ran it), kept append-only in the hub's database beside what it changed.
import type { Pool, PoolClient } from 'pg';

export interface AdminLogEntry {
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** The actions the log records; a new command adds its own here. */
export type AdminAction = 'desk.created' | 'desk.code_reissued' | 'desk.revoked' | 'reference.imported' | 'officer.changed';

export class AdminLog {
  constructor(private readonly pool: Pool) {}

  /** Appends an entry; given a client, inside that client's transaction (so the entry stands or falls with the change). */
  async append(actor: string, action: AdminAction, detail: Record<string, unknown>, client: Pool | PoolClient = this.pool): Promise<void> {
    await client.query('INSERT INTO admin_log (actor, action, detail) VALUES ($1, $2, $3)', [actor, action, JSON.stringify(detail)]);
  }

  /** The newest entries first. */
  async recent(limit = 50): Promise<AdminLogEntry[]> {
    const rows = await this.pool.query<{ at: Date; actor: string; action: string; detail: string }>(
      'SELECT at, actor, action, detail FROM admin_log ORDER BY id DESC LIMIT $1',
      [limit],
    );
    return rows.rows.map((row) => ({ at: row.at.toISOString(), actor: row.actor, action: row.action, detail: JSON.parse(row.detail) as Record<string, unknown> }));
  }
}
