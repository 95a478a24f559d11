// Owns the sign-in form: officer number and password, with the core's refusal (wrong password, locked account)
// shown plainly. Used by the sign-in screen and by the lock screen's take-over.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../lib/i18n';
import { useAction } from '../lib/use-call';
import { Button, ErrorBanner, TextField } from './Form';

/** autoFocus: the officer number is where the work starts (not on the lock screen, where the password is). */
export function SignInForm({ submitLabel, onSignedIn, autoFocus = false }: { submitLabel: string; onSignedIn: () => void; autoFocus?: boolean }) {
  const { t } = useI18n();
  const [officerNumber, setOfficerNumber] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await signIn.run('session.signIn', { officerNumber, password });
    if (!result.ok) return setPassword('');
    onSignedIn();
  }

  return (
    <form onSubmit={submit}>
      <TextField label={t('field.officerNumber')} value={officerNumber} onChange={(e) => setOfficerNumber(e.target.value)} required autoFocus={autoFocus} autoComplete="username" />
      <TextField label={t('field.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
      <ErrorBanner text={signIn.error} />
      <Button type="submit" disabled={signIn.busy} aria-busy={signIn.busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
