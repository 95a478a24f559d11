// Owns the admin's officer management: the list, adding an officer, resetting a password, (de)activating an account.
import { useState, type FormEvent } from 'react';
import { ROLES, type Agency, type Officer, type Role } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner, SelectField, TextField } from '../../components/Form';
import { AgencySelect, NewPasswordField } from '../../components/OfficerFields';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall, type Action } from '../../lib/use-call';

export function OfficersScreen() {
  const { t } = useI18n();
  const list = useCall('officers.list', {});
  const officers = list.value ?? [];
  // The list and both forms share the screen's one error banner and one notice.
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [resetting, setResetting] = useState<Officer | null>(null);

  async function toggle(officer: Officer) {
    await action.run('officers.setActive', { officerId: officer.id, active: !officer.active });
    setNotice(null);
    await list.reload();
  }

  return (
    <main className="panel">
      <h1>{t('officers.title')}</h1>
      <ErrorBanner text={action.error ?? list.error} />
      <NoticeBanner text={notice} />
      <AddOfficerForm
        action={action}
        onDone={(officer) => {
          setNotice(officer && t('officers.added', { name: officer.name }));
          if (officer) void list.reload();
        }}
      />
      {resetting && (
        <ResetPasswordForm
          officer={resetting}
          action={action}
          onDone={(ok) => {
            setNotice(ok ? t('officers.resetDone', { name: resetting.name }) : null);
            if (ok) setResetting(null);
          }}
          onCancel={() => setResetting(null)}
        />
      )}
      <h2>{t('officers.list')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('field.name')}</th>
            <th>{t('field.officerNumber')}</th>
            <th>{t('field.agency')}</th>
            <th>{t('field.role')}</th>
            <th>{t('officers.status')}</th>
            <th>{t('officers.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {officers.map((officer) => (
            <tr key={officer.id} className={officer.active ? '' : 'inactive'}>
              <td>{officer.name}</td>
              <td>{officer.officerNumber}</td>
              <td>{t(`agency.${officer.agency}`)}</td>
              <td>{t(`role.${officer.role}`)}</td>
              <td>{officer.active ? t('officers.active') : t('officers.inactive')}</td>
              <td className="actions">
                <Button variant="secondary" onClick={() => setResetting(officer)} aria-label={`${t('officers.resetPassword')}: ${officer.name}`}>
                  {t('officers.resetPassword')}
                </Button>
                <Button variant={officer.active ? 'danger' : 'secondary'} onClick={() => void toggle(officer)} aria-label={`${officer.active ? t('officers.deactivate') : t('officers.activate')}: ${officer.name}`}>
                  {officer.active ? t('officers.deactivate') : t('officers.activate')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

/** Adds an officer through the screen's action; `onDone` gets the new officer, or null when the core refused. */
function AddOfficerForm({ action, onDone }: { action: Action; onDone: (officer: Officer | null) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [officerNumber, setOfficerNumber] = useState('');
  const [agency, setAgency] = useState<Agency>('BP3MI');
  const [role, setRole] = useState<Role>('officer');
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await action.run('officers.create', { name, officerNumber, agency, role, password });
    if (!result.ok) return onDone(null);
    setName('');
    setOfficerNumber('');
    setPassword('');
    onDone(result.value);
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('officers.add')}>
      <h2>{t('officers.add')}</h2>
      <div className="form-grid">
        <TextField label={t('field.name')} value={name} onChange={(e) => setName(e.target.value)} required />
        <TextField label={t('field.officerNumber')} value={officerNumber} onChange={(e) => setOfficerNumber(e.target.value)} required />
        <AgencySelect value={agency} onChange={setAgency} />
        <SelectField label={t('field.role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
        <NewPasswordField label={t('field.password')} value={password} onChange={setPassword} />
      </div>
      <Button type="submit">{t('officers.add')}</Button>
    </form>
  );
}

function ResetPasswordForm({ officer, action, onDone, onCancel }: { officer: Officer; action: Action; onDone: (ok: boolean) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    onDone((await action.run('officers.resetPassword', { officerId: officer.id, password })).ok);
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('officers.resetPassword')}>
      <h2>
        {t('officers.resetPassword')}: {officer.name}
      </h2>
      <NewPasswordField label={t('field.newPassword')} value={password} onChange={setPassword} autoFocus />
      <div className="row">
        <Button type="submit">{t('officers.save')}</Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('officers.cancel')}
        </Button>
      </div>
    </form>
  );
}
