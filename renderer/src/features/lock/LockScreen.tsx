// Owns the locked desk: the officer on duty unlocks with their password, or another officer signs in and takes over.
import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../../shared/contract';
import { Button, ErrorBanner, TextField } from '../../components/Form';
import { call } from '../../lib/client';
import { useI18n } from '../../lib/i18n';
import { SignInForm } from '../../components/SignInForm';

export function LockScreen({ session, onChanged }: { session: SessionView; onChanged: () => void }) {
  const { t, errorText } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function unlock(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await call('session.unlock', { password });
    setBusy(false);
    setPassword('');
    if (!result.ok) return setError(errorText(result.error));
    onChanged();
  }

  return (
    <main className="lock-layout">
      <section className="panel" aria-labelledby="lock-title">
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p>{t('lock.lockedFor', { name: session.officer.name, number: session.officer.officerNumber })}</p>
        <form onSubmit={unlock}>
          <TextField label={t('field.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus autoComplete="current-password" />
          <ErrorBanner text={error} />
          <Button type="submit" disabled={busy}>
            {t('lock.unlock')}
          </Button>
        </form>
      </section>
      <section className="panel" aria-labelledby="takeover-title">
        <h2 id="takeover-title">{t('lock.takeOverTitle')}</h2>
        <SignInForm submitLabel={t('lock.takeOver')} onSignedIn={onChanged} />
      </section>
    </main>
  );
}
