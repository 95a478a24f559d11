// Owns first-run setup: creating the first admin on an empty desk, then signing them in.
import { useState, type FormEvent } from 'react';
import { AGENCIES, PASSWORD_MIN_LENGTH, type Agency } from '../../../../shared/contract';
import { Button, ErrorBanner, SelectField, TextField } from '../../components/form';
import { call } from '../../lib/client';
import { useI18n } from '../../lib/i18n';

export function FirstRunScreen({ onDone }: { onDone: () => void }) {
  const { t, errorText } = useI18n();
  const [name, setName] = useState('');
  const [officerNumber, setOfficerNumber] = useState('');
  const [agency, setAgency] = useState<Agency>('BP3MI');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) return setError(t('setup.passwordsDiffer'));
    setBusy(true);
    setError(null);
    const created = await call('setup.createFirstAdmin', { name, officerNumber, agency, password });
    if (!created.ok) {
      setBusy(false);
      return setError(errorText(created.error));
    }
    const signedIn = await call('session.signIn', { officerNumber, password });
    setBusy(false);
    if (!signedIn.ok) return setError(errorText(signedIn.error));
    onDone();
  }

  return (
    <main className="panel narrow">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit}>
        <TextField label={t('field.name')} value={name} onChange={(e) => setName(e.target.value)} required autoFocus autoComplete="name" />
        <TextField label={t('field.officerNumber')} value={officerNumber} onChange={(e) => setOfficerNumber(e.target.value)} required autoComplete="username" />
        <SelectField label={t('field.agency')} value={agency} onChange={(e) => setAgency(e.target.value as Agency)}>
          {AGENCIES.map((a) => (
            <option key={a} value={a}>
              {t(`agency.${a}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('field.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={PASSWORD_MIN_LENGTH}
          autoComplete="new-password"
          hint={t('field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        />
        <TextField label={t('field.passwordRepeat')} type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required autoComplete="new-password" />
        <ErrorBanner text={error} />
        <Button type="submit" disabled={busy}>
          {t('setup.submit')}
        </Button>
      </form>
    </main>
  );
}
