// Owns the settings screen's hub section: where this desk syncs and its state, and enrolling it with a hub
// address and the one-time code the hub's admin made (the credential it gets never reaches the renderer).
import { useEffect, useState, type FormEvent } from 'react';
import { Button, ErrorBanner, NoticeBanner, TextField } from '../../components/Form';
import { on } from '../../lib/client';
import { useI18n } from '../../lib/i18n';
import { syncSummary } from '../../lib/sync-summary';
import { useAction, useCall } from '../../lib/use-call';

export function HubEnrollment({ onEnrolled }: { onEnrolled: () => void }) {
  const { t, language } = useI18n();
  const status = useCall('sync.status', {});
  const sync = status.value;
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const enrolment = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  const { setValue } = status;
  useEffect(() => on('sync.status', setValue), [setValue]);
  // The address the desk syncs with, until the admin types another.
  const knownUrl = sync?.hubUrl;
  useEffect(() => {
    if (knownUrl) setHubUrl((typed) => typed || knownUrl);
  }, [knownUrl]);

  async function enroll(event: FormEvent) {
    event.preventDefault();
    const result = await enrolment.run('sync.enroll', { hubUrl: hubUrl.trim(), code: code.trim() });
    if (!result.ok) return;
    status.setValue(result.value);
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
      <ErrorBanner text={enrolment.error} />
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
        <Button type="submit" disabled={enrolment.busy}>
          {enrolment.busy ? t('hub.enrolling') : t('hub.enroll')}
        </Button>
      </form>
    </section>
  );
}
