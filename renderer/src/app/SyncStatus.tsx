// Owns the header's sync fact (its wording is lib/sync-summary.ts) and the "sync now" button for a signed-in officer.
import type { SyncState } from '../../../shared/contract';
import { useI18n } from '../lib/i18n';
import { syncSummary } from '../lib/sync-summary';
import { useAction } from '../lib/use-call';

export function SyncStatus({ sync, canSync }: { sync: SyncState; canSync: boolean }) {
  const { t, language } = useI18n();
  // Busy while the ask runs. What the sync came to (a refusal or the hub away included) is the header's fact beside
  // it, which the core announces after every run, so the action's own error is not shown a second time.
  const { run, busy } = useAction();
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
          onClick={() => void run('sync.now', {})}
        >
          {t('sync.now')}
        </button>
      )}
    </>
  );
}
