// Owns the admin's desk settings: desk name, idle-lock minutes and the default language.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { LANGUAGES, SLIP_LAYOUTS, type DeskSettings, type Language, type SlipLayout } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner, SelectField, TextField } from '../../components/Form';
import { call } from '../../lib/client';
import { useI18n } from '../../lib/i18n';
import { HubEnrollment } from './HubEnrollment';

const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

export function SettingsScreen({ onSaved }: { onSaved: () => void }) {
  const { t, errorText } = useI18n();
  const [settings, setSettings] = useState<DeskSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    () => void call('settings.get', {}).then((result) => (result.ok ? setSettings(result.value) : setError(errorText(result.error)))),
    [errorText],
  );
  useEffect(load, [load]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!settings) return;
    // Blank office lines are typing leftovers, not offices.
    const result = await call('settings.update', { ...settings, issuingOffices: settings.issuingOffices.map((o) => o.trim()).filter(Boolean) });
    setError(result.ok ? null : errorText(result.error));
    setNotice(result.ok ? t('settings.saved') : null);
    if (result.ok) onSaved();
  }

  return (
    <main className="panel narrow">
      <h1>{t('settings.title')}</h1>
      <ErrorBanner text={error} />
      <NoticeBanner text={notice} />
      {settings && (
        <form onSubmit={submit}>
          <TextField label={t('field.deskName')} value={settings.deskName} onChange={(e) => setSettings({ ...settings, deskName: e.target.value })} required />
          <TextField
            label={t('field.airportCode')}
            value={settings.airportCode}
            maxLength={3}
            onChange={(e) => setSettings({ ...settings, airportCode: e.target.value.toUpperCase() })}
            required
          />
          <TextField
            label={t('field.deskCode')}
            value={settings.deskCode}
            maxLength={4}
            onChange={(e) => setSettings({ ...settings, deskCode: e.target.value.toUpperCase() })}
            required
          />
          <TextField
            label={t('field.idleLockMinutes')}
            type="number"
            min={1}
            max={240}
            step={1}
            value={settings.idleLockMinutes}
            onChange={(e) => setSettings({ ...settings, idleLockMinutes: Number(e.target.value) })}
            required
          />
          <SelectField
            label={t('field.defaultLanguage')}
            value={settings.defaultLanguage}
            onChange={(e) => setSettings({ ...settings, defaultLanguage: e.target.value as Language })}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor="issuing-offices">{t('field.issuingOffices')}</label>
            <textarea
              id="issuing-offices"
              rows={2}
              value={settings.issuingOffices.join('\n')}
              onChange={(e) => setSettings({ ...settings, issuingOffices: e.target.value.split('\n') })}
            />
          </div>
          <TextField label={t('field.bp3miAddress')} value={settings.bp3miAddress} onChange={(e) => setSettings({ ...settings, bp3miAddress: e.target.value })} />
          <TextField label={t('field.bp3miHotline')} value={settings.bp3miHotline} onChange={(e) => setSettings({ ...settings, bp3miHotline: e.target.value })} />
          <label className="choice">
            <input type="checkbox" checked={settings.maskDocumentNumber} onChange={(e) => setSettings({ ...settings, maskDocumentNumber: e.target.checked })} />
            {t('field.maskDocumentNumber')}
          </label>
          <SelectField label={t('field.slipLayout')} value={settings.slipLayout} onChange={(e) => setSettings({ ...settings, slipLayout: e.target.value as SlipLayout })}>
            {SLIP_LAYOUTS.map((layout) => (
              <option key={layout} value={layout}>
                {t(`slip.layout.${layout}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('field.printerName')} value={settings.printerName} onChange={(e) => setSettings({ ...settings, printerName: e.target.value })} />
          <TextField
            label={t('field.slipCopies')}
            type="number"
            min={1}
            max={5}
            value={settings.slipCopies}
            onChange={(e) => setSettings({ ...settings, slipCopies: Number(e.target.value) })}
          />
          <Button type="submit">{t('officers.save')}</Button>
        </form>
      )}
      <HubEnrollment
        onEnrolled={() => {
          // The hub gave this desk its airport and desk codes.
          load();
          onSaved();
        }}
      />
    </main>
  );
}
