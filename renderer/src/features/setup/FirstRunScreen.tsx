// Owns first-run setup: the desk's airport and desk codes and its first admin on an empty desk, then signing them in.
import { useState, type FormEvent } from 'react';
import type { Agency } from '../../../../shared/contract';
import { Button, ErrorBanner, TextField } from '../../components/Form';
import { AgencySelect, NewPasswordField } from '../../components/OfficerFields';
import { useI18n } from '../../lib/i18n';
import { useAction } from '../../lib/use-call';

export function FirstRunScreen({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [officerNumber, setOfficerNumber] = useState('');
  const [agency, setAgency] = useState<Agency>('BP3MI');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  // PLM is where the desks stand today; the desk code has no default, since two desks must never share one.
  const [airportCode, setAirportCode] = useState('PLM');
  const [deskCode, setDeskCode] = useState('');
  // The two passwords differing is found here, before asking the core anything.
  const [differ, setDiffer] = useState(false);
  const setup = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDiffer(password !== repeat);
    if (password !== repeat) return;
    const created = await setup.run('setup.createFirstAdmin', { name, officerNumber, agency, password, airportCode, deskCode });
    if (!created.ok) return;
    const signedIn = await setup.run('session.signIn', { officerNumber, password });
    if (signedIn.ok) onDone();
  }

  return (
    <main className="panel narrow">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit}>
        <TextField
          label={t('field.airportCode')}
          value={airportCode}
          onChange={(e) => setAirportCode(e.target.value.toUpperCase())}
          maxLength={3}
          autoComplete="off"
          required
        />
        <TextField
          label={t('field.deskCode')}
          hint={t('setup.deskCodeHint')}
          value={deskCode}
          onChange={(e) => setDeskCode(e.target.value.toUpperCase())}
          maxLength={4}
          autoComplete="off"
          spellCheck={false}
          required
          autoFocus
        />
        <TextField label={t('field.name')} value={name} onChange={(e) => setName(e.target.value)} required autoComplete="name" />
        <TextField label={t('field.officerNumber')} value={officerNumber} onChange={(e) => setOfficerNumber(e.target.value)} required autoComplete="username" />
        <AgencySelect value={agency} onChange={setAgency} />
        <NewPasswordField label={t('field.password')} value={password} onChange={setPassword} />
        <TextField label={t('field.passwordRepeat')} type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required autoComplete="new-password" />
        <ErrorBanner text={differ ? t('setup.passwordsDiffer') : setup.error} />
        <Button type="submit" disabled={setup.busy}>
          {t('setup.submit')}
        </Button>
      </form>
    </main>
  );
}
