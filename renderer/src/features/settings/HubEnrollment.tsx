// Owns the settings screen's hub section: where this desk syncs and its state, and enrolling it with a hub
// address and the one-time code the hub's admin made (the credential it gets never reaches the renderer).
import { useEffect, useState, type FormEvent } from 'react';
import type { SyncState } from '../../../../shared/contract';
import { syncSummary } from '../../lib/sync-summary';
import { Button, ErrorBanner, NoticeBanner, TextField } from '../../components/Form';
import { call, on } from '../../lib/client';
import { useI18n } from '../../lib/i18n';

export function HubEnrollment({ onEnrolled }: { onEnrolled: () => void }) {
  const { t, language, errorText } = useI18n();
  const [sync, setSync] = useState<SyncState | null>(null);
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void call('sync.status', {}).then((result) => {
      if (!result.ok) return;
      setSync(result.value);
      setHubUrl((typed) => typed || result.value.hubUrl || '');
    });
    return on('sync.status', setSync);
  }, []);

  async function enroll(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('sync.enroll', { hubUrl: hubUrl.trim(), code: code.trim() });
    setBusy(false);
    setError(result.ok ? null : errorText(result.error));
    if (!result.ok) return;
    setSync(result.value);
    setCode('');
    setNotice(t('hub.enrolled'));
    onEnrolled();
  }

  const enrolled = sync !== null && sync.state !== 'not_configured';
  return (
    <section className="hub-section" aria-labelledby="hub-title">
      <h2 id="hub-title">{t('hub.title')}</h2>
      {sync && (
        <dl className="hub-facts">
          <dt>{t('hub.state')}</dt>
          <dd data-testid="hub-state">{syncSummary(sync, t, language)}</dd>
          {sync.hubUrl && (
            <>
              <dt>{t('hub.address')}</dt>
              <dd data-testid="hub-url">{sync.hubUrl}</dd>
            </>
          )}
        </dl>
      )}
      <p>{enrolled ? t('hub.reenrollHint') : t('hub.enrollHint')}</p>
      <ErrorBanner text={error} />
      <NoticeBanner text={notice} />
      <form onSubmit={enroll}>
        <TextField
          label={t('hub.address')}
          hint={t('hub.addressHint')}
          value={hubUrl}
          inputMode="url"
          autoComplete="off"
          onChange={(e) => setHubUrl(e.target.value)}
          required
        />
        <TextField
          label={t('hub.code')}
          value={code}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
          required
        />
        <Button type="submit" disabled={busy}>
          {busy ? t('hub.enrolling') : t('hub.enroll')}
        </Button>
      </form>
    </section>
  );
}
