// Owns the supervisor's view of the audit log: an integrity check of the hash chain and the latest entries.
import { useState } from 'react';
import type { AuditVerification } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner } from '../../components/Form';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall } from '../../lib/use-call';

export function AuditScreen() {
  const { t, language, known } = useI18n();
  const actionLabel = (action: string) => known(`audit.action.${action}`) ?? action;
  const recent = useCall('audit.recent', { limit: 100 });
  const entries = recent.value ?? [];
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const action = useAction();

  async function verify() {
    const result = await action.run('audit.verify', {});
    if (result.ok) setVerification(result.value);
  }

  return (
    <main className="panel">
      <h1>{t('audit.title')}</h1>
      <ErrorBanner text={action.error ?? recent.error} />
      <Button onClick={() => void verify()}>{t('audit.verify')}</Button>
      {verification?.ok && <NoticeBanner text={t('audit.intact', { count: verification.entries })} />}
      {verification && !verification.ok && <ErrorBanner text={t('audit.broken', { seq: verification.brokenAt ?? '?', problem: verification.problem ?? '' })} />}
      <h2>{t('audit.recent')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('audit.when')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.what')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td>{entry.seq}</td>
              <td>{formatDateTime(entry.at, language)}</td>
              <td>{entry.actor ?? '—'}</td>
              <td>
                {/* In words where the catalogue knows the action; the code stays beside it for whoever checks the log. */}
                {actionLabel(entry.action)} <code className="hint">{entry.action}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
