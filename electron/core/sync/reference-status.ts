// Owns what the diagnostics screen says of reference data's sync: when the desk last reached the end of the hub's
// reference stream, what its admins changed that the hub does not hold yet, the versions in use, and what was refused.
// It reads each table through the module that owns it (sync_state, the outbox, the refusals, the reference service).
import type { ReferenceSync } from '../../../shared/contract';
import type { ReferenceService } from '../reference/reference-service';
import type { ReferenceOutbox } from './reference-outbox';
import type { ReferenceRefusals } from './reference-refusals';
import type { SyncStateStore } from './sync-state';

/** The newest refusals only: a list to read, not a log (the audit log has every one). */
const REFUSED_SHOWN = 50;

export interface ReferenceSyncSources {
  state: SyncStateStore;
  outbox: ReferenceOutbox;
  refusals: ReferenceRefusals;
  reference: ReferenceService;
}

export function referenceSyncStatus({ state, outbox, refusals, reference }: ReferenceSyncSources): ReferenceSync {
  const config = state.config();
  return {
    enrolled: config !== null,
    lastSyncAt: config?.referenceSyncedAt ?? null,
    pending: outbox.pending(),
    versions: { checklist: reference.versionInUse('checklist'), countryRules: reference.versionInUse('country_rules'), watchList: reference.versionInUse('watch_list') },
    refused: refusals.newest(REFUSED_SHOWN),
  };
}
