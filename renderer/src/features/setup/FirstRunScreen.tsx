// Owns first-run setup: creating the first admin on an empty desk, then signing them in.
import { useState, type FormEvent } from 'react';
import type { Agency } from '../../../../shared/contract';
import { Button, ErrorBanner, TextField } from '../../components/Form';
import { AgencySelect, NewPasswordField } from '../../components/OfficerFields';
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
        <AgencySelect value={agency} onChange={setAgency} />
        <NewPasswordField label={t('field.password')} value={password} onChange={setPassword} />
        <TextField label={t('field.passwordRepeat')} type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required autoComplete="new-password" />
        <ErrorBanner text={error} />
        <Button type="submit" disabled={busy}>
          {t('setup.submit')}
        </Button>
      </form>
    </main>
  );
}
