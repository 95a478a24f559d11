// Owns picking where a traveller comes from (issue 17): a province list, then a searchable regency/city combobox
// (type part of a name, arrows move, Enter picks, Escape leaves it as it was), always from the area data, never free
// text. Picking a regency picks its province. The caller saves each pick (cases.recordOrigin): the case screen and
// the supervisor's review of a case both use it.
import { useId, useState, type KeyboardEvent } from 'react';
import type { CaseDetail } from '../../../shared/contract';
import { PROVINCES, provinceName, regency, regencyName, searchRegencies } from '../../../shared/reference-data/areas';
import { useI18n } from '../lib/i18n';

type Origin = CaseDetail['origin'];
/** Enough rows to show a whole province (East Java has 38) without scrolling past a screenful. */
const LIST_LIMIT = 40;

/** "Kota Palembang, Sumatera Selatan", or null when no origin is recorded. */
export function originLabel(origin: Origin): string | null {
  const names = [regencyName(origin.regencyCode), provinceName(origin.provinceCode)].filter(Boolean);
  return names.length > 0 ? names.join(', ') : null;
}

export function OriginPicker({ origin, disabled, onPick }: { origin: Origin; disabled?: boolean; onPick: (origin: Origin) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = query !== null;
  const matches = open ? searchRegencies(query, origin.provinceCode, LIST_LIMIT) : [];

  function pick(code: string) {
    const chosen = regency(code);
    if (!chosen) return;
    setQuery(null);
    onPick({ provinceCode: chosen.provinceCode, regencyCode: chosen.code });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setQuery('');
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (matches.length === 0 ? 0 : (index + step + matches.length) % matches.length));
    } else if (event.key === 'Enter' && open) {
      // Enter here picks; it never reaches the page's "next traveller".
      event.preventDefault();
      event.stopPropagation();
      const chosen = matches[active];
      if (chosen) pick(chosen.code);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
    }
  }

  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div className="form-grid origin-picker" data-testid="origin-picker">
      <div className="field">
        <label htmlFor={`${id}-province`}>{t('origin.province')}</label>
        <select
          id={`${id}-province`}
          value={origin.provinceCode ?? ''}
          disabled={disabled}
          data-testid="origin-province"
          onChange={(e) => onPick({ provinceCode: e.target.value || null, regencyCode: null })}
        >
          <option value="">{t('origin.unknown')}</option>
          {PROVINCES.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field origin-regency">
        <label htmlFor={`${id}-regency`}>{t('origin.regency')}</label>
        <div className="origin-combo">
          <input
            id={`${id}-regency`}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && matches[active] ? optionId(active) : undefined}
            aria-describedby={`${id}-hint`}
            autoComplete="off"
            disabled={disabled}
            data-testid="origin-regency"
            value={query ?? regencyName(origin.regencyCode) ?? ''}
            placeholder={t('origin.searchPlaceholder')}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setQuery(null)}
          />
          {open && (
            <ul id={listId} role="listbox" className="origin-options" aria-label={t('origin.regency')} data-testid="origin-options">
              {matches.length === 0 && <li className="hint">{t('origin.noMatch')}</li>}
              {matches.map((match, index) => (
                <li
                  key={match.code}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'active' : undefined}
                  // Before the input's blur closes the list.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(match.code);
                  }}
                >
                  {match.name}
                  {origin.provinceCode === null && <span className="hint"> · {provinceName(match.provinceCode)}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        <small id={`${id}-hint`} className="hint">
          {t('origin.hint')}
        </small>
      </div>
      {(origin.provinceCode !== null || origin.regencyCode !== null) && !disabled && (
        <div className="field origin-clear">
          <button type="button" className="button button-secondary" onClick={() => onPick({ provinceCode: null, regencyCode: null })} data-testid="origin-clear">
            {t('origin.clear')}
          </button>
        </div>
      )}
    </div>
  );
}
