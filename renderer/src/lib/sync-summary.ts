// Owns the one sentence that says where the desk's sync stands (the header's and the hub settings' wording): not
// configured / synced at a time / syncing / offline since a time / failed or revoked and why / synced but something
// needs a person, with the pending count.
import { SYNC_NOTICES, type Language, type SyncProblem, type SyncState } from '../../../shared/contract';
import { formatMoment } from './format';
import type { I18n } from './i18n';

export function syncSummary(sync: SyncState, t: I18n['t'], language: Language): string {
  const parts: string[] = [];
  // A sync that went through but found something for a person says it synced, then what it found: "failed" would
  // send the IT officer after a network fault that is not there.
  const notice = sync.state === 'error' && sync.problem !== null && (SYNC_NOTICES as readonly SyncProblem[]).includes(sync.problem.code);
  if ((sync.state === 'idle' || notice) && sync.lastSyncAt) parts.push(t('sync.syncedAt', { time: formatMoment(sync.lastSyncAt, language) }));
  else if (sync.state === 'offline' && sync.offlineSince) parts.push(t('sync.offlineSince', { time: formatMoment(sync.offlineSince, language) }));
  else parts.push(t(`sync.${sync.state}`));
  // Why it failed, in words; offline says enough by itself.
  if (sync.problem && sync.state !== 'offline' && sync.state !== 'syncing') parts.push(t(`sync.problem.${sync.problem.code}`));
  if (sync.pending > 0) parts.push(t('sync.pending', { count: sync.pending }));
  return parts.join(' · ');
}
