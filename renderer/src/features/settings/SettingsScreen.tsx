// Owns the admin's desk settings: desk name, idle-lock minutes and the default language.
import { useState, type FormEvent } from 'react';
import { LANGUAGES, SLIP_LAYOUTS, type Language } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner, SelectField, TextField } from '../../components/Form';
import { bindFields } from '../../lib/bind-fields';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall } from '../../lib/use-call';
import { HubEnrollment } from './HubEnrollment';

const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };
const capitals = (typed: string) => typed.toUpperCase();

export function SettingsScreen({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  // The form edits the settings as loaded; loading again (after an enrolment) puts back what is stored.
  const loaded = useCall('settings.get', {});
  const settings = loaded.value;
  const save = useAction();
  const [saved, setSaved] = useState(false);

  const field = settings && bindFields(settings, loaded.setValue);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!settings) return;
    // Blank office lines are typing leftovers, not offices.
    const result = await save.run('settings.update', { ...settings, issuingOffices: settings.issuingOffices.map((o) => o.trim()).filter(Boolean) });
    setSaved(result.ok);
    if (result.ok) onSaved();
  }

  return (
    <main className="panel narrow">
      <h1>{t('settings.title')}</h1>
      <ErrorBanner text={save.error ?? loaded.error} />
      <NoticeBanner text={saved ? t('settings.saved') : null} />
      {settings && field && (
        <form onSubmit={submit}>
          <TextField label={t('field.deskName')} {...field.text('deskName')} required />
          <TextField
            label={t('field.airportCode')}
            {...field.text('airportCode', capitals)}
            maxLength={3}
            required
          />
          <TextField
            label={t('field.deskCode')}
            {...field.text('deskCode', capitals)}
            maxLength={4}
            required
          />
          <TextField
            label={t('field.idleLockMinutes')}
            type="number"
            min={1}
            max={240}
            step={1}
            {...field.number('idleLockMinutes')}
            required
          />
          <SelectField label={t('field.defaultLanguage')} {...field.text('defaultLanguage')}>
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
              onChange={(e) => field.set('issuingOffices', e.target.value.split('\n'))}
            />
          </div>
          <TextField label={t('field.bp3miAddress')} {...field.text('bp3miAddress')} />
          <TextField label={t('field.bp3miHotline')} {...field.text('bp3miHotline')} />
          <label className="choice">
            <input type="checkbox" {...field.checkbox('maskDocumentNumber')} />
            {t('field.maskDocumentNumber')}
          </label>
          <SelectField label={t('field.slipLayout')} {...field.text('slipLayout')}>
            {SLIP_LAYOUTS.map((layout) => (
              <option key={layout} value={layout}>
                {t(`slip.layout.${layout}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('field.printerName')} {...field.text('printerName')} />
          <TextField
            label={t('field.slipCopies')}
            type="number"
            min={1}
            max={5}
            {...field.number('slipCopies')}
          />
          <Button type="submit">{t('officers.save')}</Button>
        </form>
      )}
      <HubEnrollment
        onEnrolled={() => {
          // The hub gave this desk its airport and desk codes.
          void loaded.reload();
          onSaved();
        }}
      />
    </main>
  );
}
