// Owns signing in: officer number and password, with the core's refusal (wrong password, locked account) shown plainly.
// The same form serves take-over from the lock screen.
import { useState, type FormEvent } from 'react';
import { SIGN_IN_POLICY } from '../../../../shared/contract';
import { Button, ErrorBanner, TextField } from '../../components/form';
import { call } from '../../lib/client';
import { useI18n } from '../../lib/i18n';

export function SignInForm({ submitLabel, onSignedIn }: { submitLabel: string; onSignedIn: () => void }) {
  const { t, errorText } = useI18n();
  const [officerNumber, setOfficerNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await call('session.signIn', { officerNumber, password });
    setBusy(false);
    if (!result.ok) {
      setPassword('');
      return setError(errorText(result.error));
    }
    onSignedIn();
  }

  return (
    <form onSubmit={submit}>
      <TextField label={t('field.officerNumber')} value={officerNumber} onChange={(e) => setOfficerNumber(e.target.value)} required autoComplete="username" />
      <TextField label={t('field.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
      <ErrorBanner text={error} />
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}

export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  return (
    <main className="panel narrow">
      <h1>{t('signIn.title')}</h1>
      <SignInForm submitLabel={t('signIn.submit')} onSignedIn={onSignedIn} />
      <p className="hint">{t('signIn.attemptsHint', { max: SIGN_IN_POLICY.maxFailedAttempts, minutes: SIGN_IN_POLICY.lockoutMinutes })}</p>
    </main>
  );
}
