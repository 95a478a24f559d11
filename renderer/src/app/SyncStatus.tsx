// Owns the header's sync fact: not configured / synced at a time / syncing / offline since a time / failed or
// revoked and why, with the pending count, and the "sync now" button for a signed-in officer.
import { useState } from 'react';
import type { SyncState } from '../../../shared/contract';
import { call } from '../lib/client';
import { formatMoment } from '../lib/format';
import { useI18n } from '../lib/i18n';

export function syncSummary(sync: SyncState, t: ReturnType<typeof useI18n>['t'], language: ReturnType<typeof useI18n>['language']): string {
  const parts: string[] = [];
  if (sync.state === 'idle' && sync.lastSyncAt) parts.push(t('sync.syncedAt', { time: formatMoment(sync.lastSyncAt, language) }));
  else if (sync.state === 'offline' && sync.offlineSince) parts.push(t('sync.offlineSince', { time: formatMoment(sync.offlineSince, language) }));
  else parts.push(t(`sync.${sync.state}`));
  // Why it failed, in words; offline says enough by itself.
  if (sync.problem && sync.state !== 'offline' && sync.state !== 'syncing') parts.push(t(`sync.problem.${sync.problem.code}`));
  if (sync.pending > 0) parts.push(t('sync.pending', { count: sync.pending }));
  return parts.join(' · ');
}

export function SyncStatus({ sync, canSync }: { sync: SyncState; canSync: boolean }) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const configured = sync.state !== 'not_configured' && sync.state !== 'revoked';
  return (
    <>
      <span data-testid="sync-state" className={`sync sync-${sync.state}`} title={sync.hubUrl ?? undefined}>
        {syncSummary(sync, t, language)}
      </span>
      {canSync && configured && (
        <button
          type="button"
          className="button-link sync-now"
          data-testid="sync-now"
          disabled={busy || sync.state === 'syncing'}
          onClick={() => {
            setBusy(true);
            void call('sync.now', {}).finally(() => setBusy(false));
          }}
        >
          {t('sync.now')}
        </button>
      )}
    </>
  );
}
