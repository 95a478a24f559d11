// Owns the sync_state row: the hub this desk is enrolled with, how far its own events have reached the hub, the
// hub's cursors, and the last outcome (synced at, offline since, the problem). What the header shows is read here.
import type { SyncProblem, SyncState } from '../../../shared/contract';
import type { Db } from '../db/connection';
import type { EventStore } from '../events/event-store';

export interface SyncConfig {
  hubUrl: string;
  hubId: string;
  airportCode: string;
  deskCode: string;
  pushedSeq: number;
  pullCursor: string | null;
  referenceCursor: string | null;
  lastSyncAt: string | null;
  offlineSince: string | null;
  problemCode: SyncProblem | null;
  problem: string | null;
  revokedAt: string | null;
  auditHubSeq: number | null;
  auditHubHash: string | null;
  auditMismatch: string | null;
  referenceSyncedAt: string | null;
}

interface Row {
  hub_url: string;
  hub_id: string;
  airport_code: string;
  desk_code: string;
  pushed_seq: number;
  pull_cursor: string | null;
  reference_cursor: string | null;
  last_sync_at: string | null;
  offline_since: string | null;
  problem_code: SyncProblem | null;
  problem: string | null;
  revoked_at: string | null;
  audit_hub_seq: number | null;
  audit_hub_hash: string | null;
  audit_mismatch: string | null;
  reference_synced_at: string | null;
}

export class SyncStateStore {
  constructor(
    private readonly db: Db,
    /** This desk's own events, read through their store: how many the hub does not hold yet. */
    private readonly events: EventStore,
  ) {}

  /** Whether this desk is enrolled with a hub (a revoked desk still is, until it enrolls again). */
  isEnrolled(): boolean {
    return this.db.prepare('SELECT 1 FROM sync_state WHERE id = 1').get() !== undefined;
  }

  config(): SyncConfig | null {
    const row = this.db.prepare('SELECT * FROM sync_state WHERE id = 1').get() as Row | undefined;
    if (!row) return null;
    return {
      hubUrl: row.hub_url,
      hubId: row.hub_id,
      airportCode: row.airport_code,
      deskCode: row.desk_code,
      pushedSeq: row.pushed_seq,
      pullCursor: row.pull_cursor,
      referenceCursor: row.reference_cursor,
      lastSyncAt: row.last_sync_at,
      offlineSince: row.offline_since,
      problemCode: row.problem_code,
      problem: row.problem,
      revokedAt: row.revoked_at,
      auditHubSeq: row.audit_hub_seq,
      auditHubHash: row.audit_hub_hash,
      auditMismatch: row.audit_mismatch,
      referenceSyncedAt: row.reference_synced_at,
    };
  }

  /**
   * Enrolled (again): a new hub starts from nothing; the same hub keeps the cursors, since the events already
   * applied here are still here (a re-enrolled desk must not pull everything twice, though that would be harmless).
   */
  enrolled(hubUrl: string, hubId: string, airportCode: string, deskCode: string, at: string): void {
    const current = this.config();
    const sameHub = current?.hubId === hubId;
    this.db
      .prepare(
        `INSERT INTO sync_state (id, hub_url, hub_id, airport_code, desk_code, enrolled_at, pushed_seq, pull_cursor, reference_cursor)
         VALUES (1, @hubUrl, @hubId, @airportCode, @deskCode, @at, @pushedSeq, @pullCursor, @referenceCursor)
         ON CONFLICT (id) DO UPDATE SET hub_url = excluded.hub_url, hub_id = excluded.hub_id, airport_code = excluded.airport_code,
           desk_code = excluded.desk_code, enrolled_at = excluded.enrolled_at, pushed_seq = excluded.pushed_seq,
           pull_cursor = excluded.pull_cursor, reference_cursor = excluded.reference_cursor, revoked_at = NULL,
           problem_code = NULL, problem = NULL, offline_since = NULL,
           audit_hub_seq = CASE WHEN @sameHub THEN audit_hub_seq END, audit_hub_hash = CASE WHEN @sameHub THEN audit_hub_hash END,
           audit_mismatch = CASE WHEN @sameHub THEN audit_mismatch END`,
      )
      .run({
        hubUrl,
        hubId,
        airportCode,
        deskCode,
        at,
        pushedSeq: sameHub ? current.pushedSeq : 0,
        pullCursor: sameHub ? current.pullCursor : null,
        referenceCursor: sameHub ? current.referenceCursor : null,
        sameHub: sameHub ? 1 : 0,
      });
  }

  /** This desk's events the hub does not hold yet. */
  pending(): number {
    const config = this.config();
    return config ? this.events.ownCountAfterSeq(config.pushedSeq) : this.events.ownLastSeq();
  }

  setPushedSeq(seq: number): void {
    this.db.prepare('UPDATE sync_state SET pushed_seq = ? WHERE id = 1').run(seq);
  }

  setPullCursor(cursor: string | null): void {
    this.db.prepare('UPDATE sync_state SET pull_cursor = ? WHERE id = 1').run(cursor);
  }

  setReferenceCursor(cursor: string | null): void {
    this.db.prepare('UPDATE sync_state SET reference_cursor = ? WHERE id = 1').run(cursor);
  }

  /** The reference pull reached the hub's end: the moment the settings and diagnostics show. */
  setReferenceSynced(at: string): void {
    this.db.prepare('UPDATE sync_state SET reference_synced_at = ? WHERE id = 1').run(at);
  }

  setAudit(hubSeq: number, hubHash: string, mismatch: string | null): void {
    this.db.prepare('UPDATE sync_state SET audit_hub_seq = ?, audit_hub_hash = ?, audit_mismatch = ? WHERE id = 1').run(hubSeq, hubHash, mismatch);
  }

  /** A sync that finished; what it found that needs a person (held-back events, an audit mismatch) stays shown. */
  succeeded(at: string, notice: { code: SyncProblem; message: string } | null): void {
    this.db
      .prepare('UPDATE sync_state SET last_sync_at = ?, offline_since = NULL, problem_code = ?, problem = ? WHERE id = 1')
      .run(at, notice?.code ?? null, notice?.message ?? null);
  }

  /** The notice of this code goes (what caused it was dealt with); any other problem stays. */
  clearNotice(code: SyncProblem): void {
    this.db.prepare('UPDATE sync_state SET problem_code = NULL, problem = NULL WHERE id = 1 AND problem_code = ?').run(code);
  }

  /** A sync that did not finish; offline keeps the first moment the hub was missed. */
  failed(code: SyncProblem, problem: string, at: string, offline: boolean): void {
    this.db
      .prepare(
        `UPDATE sync_state SET problem_code = ?, problem = ?,
           offline_since = CASE WHEN ? THEN coalesce(offline_since, ?) ELSE NULL END,
           revoked_at = CASE WHEN ? = 'revoked' THEN coalesce(revoked_at, ?) ELSE revoked_at END
         WHERE id = 1`,
      )
      .run(code, problem, offline ? 1 : 0, at, code, at);
  }

  /** What the header shows; `syncing` while a run is in flight. */
  view(syncing: boolean): SyncState {
    const config = this.config();
    const pending = this.pending();
    if (!config) return { state: 'not_configured', lastSyncAt: null, pending, offlineSince: null, problem: null, hubUrl: null };
    const problem = config.problemCode ? { code: config.problemCode, message: config.problem ?? '' } : null;
    const state = config.revokedAt
      ? 'revoked'
      : syncing
        ? 'syncing'
        : config.offlineSince
          ? 'offline'
          : problem
            ? 'error'
            : 'idle';
    return { state, lastSyncAt: config.lastSyncAt, pending, offlineSince: config.offlineSince, problem, hubUrl: config.hubUrl };
  }
}
