// Owns what the diagnostics screen says of reference data's sync: when the desk last reached the end of the hub's
// reference stream, what its admins changed that the hub does not hold yet, the versions in use, and what was refused.
import type { ReferenceSync } from '../../../shared/contract';
import type { Db } from '../db/connection';
import type { ReferenceService } from '../reference/reference-service';
import { ReferenceRefusals } from './reference-refusals';

/** The newest refusals only: a list to read, not a log (the audit log has every one). */
const REFUSED_SHOWN = 50;

export function referenceSyncStatus(db: Db, reference: ReferenceService): ReferenceSync {
  const state = db.prepare('SELECT reference_synced_at FROM sync_state WHERE id = 1').get() as { reference_synced_at: string | null } | undefined;
  const refused = new ReferenceRefusals(db, () => new Date()).newest(REFUSED_SHOWN);
  return {
    enrolled: state !== undefined,
    lastSyncAt: state?.reference_synced_at ?? null,
    pending: db.prepare('SELECT count(*) FROM reference_outbox').pluck().get() as number,
    versions: { checklist: reference.versionInUse('checklist'), countryRules: reference.versionInUse('country_rules'), watchList: reference.versionInUse('watch_list') },
    refused,
  };
}
