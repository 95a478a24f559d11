// Owns the admin's officer management: the list, adding an officer, resetting a password, (de)activating an account.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ROLES, type Agency, type CallError, type Officer, type Role } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner, SelectField, TextField } from '../../components/Form';
import { AgencySelect, NewPasswordField } from '../../components/OfficerFields';
import { call } from '../../lib/client';
import { useI18n } from '../../lib/i18n';

export function OfficersScreen() {
  const { t, errorText } = useI18n();
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resetting, setResetting] = useState<Officer | null>(null);

  const show = useCallback(
    (result: { ok: true } | { ok: false; error: CallError }, success: string | null) => {
      setError(result.ok ? null : errorText(result.error));
      setNotice(result.ok ? success : null);
    },
    [errorText],
  );

  const reload = useCallback(async () => {
    const result = await call('officers.list', {});
    if (result.ok) setOfficers(result.value);
    else setError(errorText(result.error));
  }, [errorText]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function toggle(officer: Officer) {
    show(await call('officers.setActive', { officerId: officer.id, active: !officer.active }), null);
    await reload();
  }

  return (
    <main className="panel">
      <h1>{t('officers.title')}</h1>
      <ErrorBanner text={error} />
      <NoticeBanner text={notice} />
      <AddOfficerForm
        onAdded={(officer) => {
          show({ ok: true }, t('officers.added', { name: officer.name }));
          void reload();
        }}
        onError={(e) => show({ ok: false, error: e }, null)}
      />
      {resetting && (
        <ResetPasswordForm
          officer={resetting}
          onDone={(result) => {
            show(result, t('officers.resetDone', { name: resetting.name }));
            if (result.ok) setResetting(null);
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

function AddOfficerForm({ onAdded, onError }: { onAdded: (officer: Officer) => void; onError: (error: CallError) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [officerNumber, setOfficerNumber] = useState('');
  const [agency, setAgency] = useState<Agency>('BP3MI');
  const [role, setRole] = useState<Role>('officer');
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call('officers.create', { name, officerNumber, agency, role, password });
    if (!result.ok) return onError(result.error);
    setName('');
    setOfficerNumber('');
    setPassword('');
    onAdded(result.value);
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

function ResetPasswordForm({
  officer,
  onDone,
  onCancel,
}: {
  officer: Officer;
  onDone: (result: { ok: true } | { ok: false; error: CallError }) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    onDone(await call('officers.resetPassword', { officerId: officer.id, password }));
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
