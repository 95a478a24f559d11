// Owns the filter fieldset of the supervisor's holds (issue 17): desk, officer, agency, decision, risk, destination
// country, origin regency and review state, as the daily queue and the report both offer them. The screens hold the
// values and the choices (the core lists what the window holds); this component only draws and reports changes.
import type { ReactNode } from 'react';
import { AGENCIES, HOLD_DECISIONS, REVIEW_STATES, RISK_LEVELS, type FilterChoices, type HoldFilters } from '../../../shared/contract';
import { regencyName } from '../../../shared/reference-data/areas';
import { countryByCode } from '../../../shared/reference-data/countries';
import { deskLabel } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { SelectField } from './Form';

/** A value picked earlier stays listed when the window no longer holds it, so the list shows what filters. */
function withPicked(values: readonly string[], picked: string | undefined): string[] {
  return picked === undefined || values.includes(picked) ? [...values] : [...values, picked].sort();
}

export function QueueFilters({
  value,
  onChange,
  choices,
  testIdPrefix,
  className,
  children,
}: {
  value: HoldFilters;
  onChange: (next: HoldFilters) => void;
  choices: FilterChoices | null;
  /** Each list is `<prefix>-<field>` for tests (filter-desk, report-filter-officer …). */
  testIdPrefix: string;
  className?: string;
  /** Further lists a screen adds inside the same grid (the queue's conflicts). */
  children?: ReactNode;
}) {
  const { t, language } = useI18n();
  const set = <K extends keyof HoldFilters>(key: K, picked: string) => onChange({ ...value, [key]: picked === '' ? undefined : picked });
  const field = (name: string) => ({ 'data-testid': `${testIdPrefix}-${name}` });
  const any = <option value="">{t('daily.any')}</option>;
  const officers = choices?.officers ?? [];
  const desks = choices?.desks ?? [];
  const listedOfficers = value.officer === undefined || officers.some((o) => o.number === value.officer) ? officers : [...officers, { number: value.officer, name: '' }];
  return (
    <fieldset className={`queue-filters ${className ?? ''}`}>
      <legend>{t('daily.filters')}</legend>
      <div className="form-grid">
        <SelectField label={t('daily.desk')} value={value.desk ?? ''} onChange={(e) => set('desk', e.target.value)} {...field('desk')}>
          {any}
          {withPicked(desks.map((d) => d.code), value.desk).map((code) => (
            <option key={code} value={code}>
              {deskLabel(code, desks.find((d) => d.code === code)?.name)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('daily.officer')} value={value.officer ?? ''} onChange={(e) => set('officer', e.target.value)} {...field('officer')}>
          {any}
          {listedOfficers.map((o) => (
            <option key={o.number} value={o.number}>
              {o.name ? `${o.name} (${o.number})` : o.number}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('daily.agency')} value={value.agency ?? ''} onChange={(e) => set('agency', e.target.value)} {...field('agency')}>
          {any}
          {AGENCIES.map((a) => (
            <option key={a} value={a}>
              {t(`agency.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('daily.decision')} value={value.decision ?? ''} onChange={(e) => set('decision', e.target.value)} {...field('decision')}>
          {any}
          {HOLD_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {t(`outcome.${d}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('daily.risk')} value={value.riskLevel ?? ''} onChange={(e) => set('riskLevel', e.target.value)} {...field('risk')}>
          {any}
          {RISK_LEVELS.map((r) => (
            <option key={r} value={r}>
              {t(`case.risk.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('daily.destination')}
          value={value.destinationCountry ?? ''}
          onChange={(e) => set('destinationCountry', e.target.value)}
          {...field('destination')}
        >
          {any}
          {withPicked(choices?.destinations ?? [], value.destinationCountry).map((c) => (
            <option key={c} value={c}>
              {countryByCode(c)?.[language] ?? c}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('daily.regency')} value={value.originRegency ?? ''} onChange={(e) => set('originRegency', e.target.value)} {...field('regency')}>
          {any}
          {withPicked(choices?.regencies ?? [], value.originRegency).map((r) => (
            <option key={r} value={r}>
              {regencyName(r) ?? r}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('daily.state')} value={value.state ?? ''} onChange={(e) => set('state', e.target.value)} {...field('state')}>
          {any}
          {REVIEW_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`daily.state.${s}`)}
            </option>
          ))}
        </SelectField>
        {children}
      </div>
    </fieldset>
  );
}
