// Owns the header's sync fact (its wording is lib/sync-summary.ts) and the "sync now" button for a signed-in officer.
import { useState } from 'react';
import type { SyncState } from '../../../shared/contract';
import { call } from '../lib/client';
import { useI18n } from '../lib/i18n';
import { syncSummary } from '../lib/sync-summary';

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
