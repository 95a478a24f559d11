// Owns the fields every officer form shares: the agency choice and a new password with its rule stated.
import type { InputHTMLAttributes } from 'react';
import { AGENCIES, PASSWORD_MIN_LENGTH, type Agency } from '../../../shared/contract';
import { useI18n } from '../lib/i18n';
import { SelectField, TextField } from './Form';

export function AgencySelect({ value, onChange }: { value: Agency; onChange: (agency: Agency) => void }) {
  const { t } = useI18n();
  return (
    <SelectField label={t('field.agency')} value={value} onChange={(e) => onChange(e.target.value as Agency)}>
      {AGENCIES.map((agency) => (
        <option key={agency} value={agency}>
          {t(`agency.${agency}`)}
        </option>
      ))}
    </SelectField>
  );
}

export function NewPasswordField({ label, value, onChange, ...input }: { label: string; value: string; onChange: (password: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const { t } = useI18n();
  return (
    <TextField
      {...input}
      label={label}
      type="password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      minLength={PASSWORD_MIN_LENGTH}
      autoComplete="new-password"
      hint={t('field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
    />
  );
}
