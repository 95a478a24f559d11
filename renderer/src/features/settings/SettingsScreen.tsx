// Owns the admin's desk settings: desk name, idle-lock minutes and the default language.
import { useEffect, useState, type FormEvent } from 'react';
import { LANGUAGES, type DeskSettings, type Language } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner, SelectField, TextField } from '../../components/form';
import { call } from '../../lib/client';
import { useI18n } from '../../lib/i18n';

const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

export function SettingsScreen({ onSaved }: { onSaved: () => void }) {
  const { t, errorText } = useI18n();
  const [settings, setSettings] = useState<DeskSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void call('settings.get', {}).then((result) => (result.ok ? setSettings(result.value) : setError(errorText(result.error))));
  }, [errorText]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!settings) return;
    const result = await call('settings.update', settings);
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
          <Button type="submit">{t('officers.save')}</Button>
        </form>
      )}
    </main>
  );
}
