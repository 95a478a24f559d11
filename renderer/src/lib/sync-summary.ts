// Owns the one sentence that says where the desk's sync stands (the header's and the hub settings' wording): not
// configured / synced at a time / syncing / offline since a time / failed or revoked and why, with the pending count.
import type { Language, SyncState } from '../../../shared/contract';
import { formatMoment } from './format';
import type { I18n } from './i18n';

export function syncSummary(sync: SyncState, t: I18n['t'], language: Language): string {
  const parts: string[] = [];
  if (sync.state === 'idle' && sync.lastSyncAt) parts.push(t('sync.syncedAt', { time: formatMoment(sync.lastSyncAt, language) }));
  else if (sync.state === 'offline' && sync.offlineSince) parts.push(t('sync.offlineSince', { time: formatMoment(sync.offlineSince, language) }));
  else parts.push(t(`sync.${sync.state}`));
  // Why it failed, in words; offline says enough by itself.
  if (sync.problem && sync.state !== 'offline' && sync.state !== 'syncing') parts.push(t(`sync.problem.${sync.problem.code}`));
  if (sync.pending > 0) parts.push(t('sync.pending', { count: sync.pending }));
  return parts.join(' · ');
}
