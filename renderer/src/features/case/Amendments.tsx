// Owns amendments to a decided case: the list of corrections with author and reason, and the form for a new one.
// Nothing is overwritten: the core keeps the original beside every change.
import { useState } from 'react';
import { AMENDABLE_FIELDS, type CaseDetail } from '../../../../shared/contract';
import { Button } from '../../components/Form';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { CaseStep } from './case-step';

export function Amendments({ detail, runStep }: { detail: CaseDetail; runStep: CaseStep }) {
  const { t, language } = useI18n();
  const [field, setField] = useState<(typeof AMENDABLE_FIELDS)[number]>('note');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');

  async function save() {
    const result = await runStep('cases.amend', {
      caseId: detail.id,
      field,
      value: field === 'reasons' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value || null,
      reason,
    });
    if (!result.ok) return;
    setValue('');
    setReason('');
  }

  return (
    <div className="amendments">
      <h3>{t('case.amendments')}</h3>
      {detail.amendments.length === 0 ? (
        <p className="hint">{t('case.noAmendments')}</p>
      ) : (
        <ul data-testid="amendments">
          {detail.amendments.map((a, index) => (
            <li key={index}>
              {t('case.amendment', {
                at: formatDateTime(a.at, language),
                author: a.authorName,
                field: t(`case.field.${a.field as (typeof AMENDABLE_FIELDS)[number]}`),
                from: JSON.parse(a.from) ?? '',
                to: JSON.parse(a.to) ?? '',
                reason: a.reason,
              })}
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        aria-label={t('case.amend')}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-grid">
          <div className="field">
            <label htmlFor="amend-field">{t('case.amendField')}</label>
            <select id="amend-field" value={field} onChange={(e) => setField(e.target.value as typeof field)}>
              {AMENDABLE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`case.field.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="amend-value">{t('case.amendValue')}</label>
            <input id="amend-value" value={value} onChange={(e) => setValue(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="amend-reason">{t('case.amendReason')}</label>
            <input id="amend-reason" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
          </div>
        </div>
        <Button type="submit" variant="secondary">
          {t('case.amendSave')}
        </Button>
      </form>
    </div>
  );
}
