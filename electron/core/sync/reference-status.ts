// Owns what the diagnostics screen says of reference data's sync: when the desk last reached the end of the hub's
// reference stream, what its admins changed that the hub does not hold yet, the versions in use, and what was refused.
import type { ReferenceSync } from '../../../shared/contract';
import type { Db } from '../db/connection';
import type { ReferenceService } from '../reference/reference-service';

/** The newest refusals only: a list to read, not a log (the audit log has every one). */
const REFUSED_SHOWN = 50;

export function referenceSyncStatus(db: Db, reference: ReferenceService): ReferenceSync {
  const state = db.prepare('SELECT reference_synced_at FROM sync_state WHERE id = 1').get() as { reference_synced_at: string | null } | undefined;
  const refused = db
    .prepare(
      `SELECT direction, revision, kind, item_key AS key, problem, refused_at AS at,
              CASE WHEN seen_at IS NOT NULL THEN 'seen' WHEN resolved_at IS NOT NULL THEN 'overtaken' ELSE 'open' END AS state,
              seen_by AS seenBy, seen_at AS seenAt
         FROM reference_refused ORDER BY id DESC LIMIT ?`,
    )
    .all(REFUSED_SHOWN) as ReferenceSync['refused'];
  return {
    enrolled: state !== undefined,
    lastSyncAt: state?.reference_synced_at ?? null,
    pending: db.prepare('SELECT count(*) FROM reference_outbox').pluck().get() as number,
    versions: { checklist: reference.versionInUse('checklist'), countryRules: reference.versionInUse('country_rules'), watchList: reference.versionInUse('watch_list') },
    refused,
  };
}
