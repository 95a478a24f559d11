// Owns typing a date the way the desk writes it, dd/mm/yyyy in both languages, whatever the browser's locale:
// the browser's own date field follows the operating system (mm/dd/yyyy on an English system) and costs four Tabs.
import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { useI18n } from '../lib/i18n';
import { formatDate } from '../lib/format';

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  id: string;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (iso: string | null) => void;
};

/** dd/mm/yyyy (also d-m-yyyy or d.m.yyyy) to YYYY-MM-DD; undefined when it is no real date. */
export function parseDayMonthYear(text: string): string | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export function DateInput({ id, value, onChange, ...input }: DateInputProps) {
  const { t } = useI18n();
  const [text, setText] = useState(value ? formatDate(value) : '');
  const parsed = text.trim() === '' ? null : parseDayMonthYear(text);
  const invalid = parsed === undefined;

  // A new value from outside (a restored draft, a saved case) replaces what is shown.
  useEffect(() => {
    setText((current) => (parseDayMonthYear(current) === value ? current : value ? formatDate(value) : ''));
  }, [value]);

  return (
    <>
      <input
        {...input}
        id={id}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-date-hint`}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim() === '' ? null : parseDayMonthYear(e.target.value);
          if (next !== undefined) onChange(next);
        }}
      />
      <small id={`${id}-date-hint`} className={invalid ? 'field-error' : 'hint'} aria-live="polite">
        {invalid ? t('date.invalid') : t('date.format')}
      </small>
    </>
  );
}

/** A labelled date field, as TextField is for text. */
export function DateField({ label, value, onChange }: { label: string; value: string; onChange: (iso: string | null) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateInput id={id} value={value} onChange={onChange} />
    </div>
  );
}
