// Owns the locked desk: the officer on duty unlocks with their password, or another officer signs in and takes over.
import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../../shared/contract';
import { Button, ErrorBanner, TextField } from '../../components/Form';
import { SignInForm } from '../../components/SignInForm';
import { useI18n } from '../../lib/i18n';
import { useAction } from '../../lib/use-call';

export function LockScreen({ session, onChanged }: { session: SessionView; onChanged: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const unlocking = useAction();

  async function unlock(event: FormEvent) {
    event.preventDefault();
    const result = await unlocking.run('session.unlock', { password });
    setPassword('');
    if (result.ok) onChanged();
  }

  return (
    <main className="lock-layout">
      <section className="panel" aria-labelledby="lock-title">
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p>{t('lock.lockedFor', { name: session.officer.name, number: session.officer.officerNumber })}</p>
        <form onSubmit={unlock}>
          <TextField label={t('field.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus autoComplete="current-password" />
          <ErrorBanner text={unlocking.error} />
          <Button type="submit" disabled={unlocking.busy}>
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
