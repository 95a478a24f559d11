// Owns the sign-in form: officer number and password, with the core's refusal (wrong password, locked account)
// shown plainly. Used by the sign-in screen and by the lock screen's take-over.
import { useState, type FormEvent } from 'react';
import { call } from '../lib/client';
import { useI18n } from '../lib/i18n';
import { Button, ErrorBanner, TextField } from './Form';

/** autoFocus: the officer number is where the work starts (not on the lock screen, where the password is). */
export function SignInForm({ submitLabel, onSignedIn, autoFocus = false }: { submitLabel: string; onSignedIn: () => void; autoFocus?: boolean }) {
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
      <TextField label={t('field.officerNumber')} value={officerNumber} onChange={(e) => setOfficerNumber(e.target.value)} required autoFocus={autoFocus} autoComplete="username" />
      <TextField label={t('field.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
      <ErrorBanner text={error} />
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
