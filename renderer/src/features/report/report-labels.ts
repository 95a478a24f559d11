// Owns how the report names what it counts: the key of each breakdown (a decision, a country code, an indicator
// id, an agency, a desk's code, an hour, a regency code) as a person reads it, in the chosen language.
import type { Language, ReportBreakdown } from '../../../../shared/contract';
import { SHIPPED_CHECKLISTS } from '../../../../shared/checklist';
import { countryByCode } from '../../../../shared/reference-data/countries';
import { regencyName } from '../../../../shared/reference-data/areas';
import type { MessageKey } from '../../../../shared/i18n/catalogue';
import { deskLabel } from '../../lib/format';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Every shipped checklist's indicators by id, newest version last so its wording wins. */
const INDICATOR_TEXT = new Map(SHIPPED_CHECKLISTS.flatMap((checklist) => checklist.indicators.map((indicator) => [indicator.id, indicator.text] as const)));

/** `desks`: the report's desks (code and latest name), so a desk's code is shown with its name. */
export function keyLabel(breakdown: ReportBreakdown, key: string | null, t: T, language: Language, desks: readonly { code: string; name: string }[] = []): string {
  if (key === null) return t('report.notRecorded');
  switch (breakdown) {
    case 'decision':
      return t(`outcome.${key}` as MessageKey);
    case 'agency':
      return t(`agency.${key}` as MessageKey);
    case 'destination':
      return countryByCode(key)?.[language] ?? key;
    case 'indicator':
      // An indicator of a checklist imported through reference data, unknown here, keeps its id.
      return INDICATOR_TEXT.get(key)?.[language] ?? key;
    case 'regency':
      return regencyName(key) ?? key;
    case 'hour':
      return `${key}:00`;
    case 'desk':
      return deskLabel(key, desks.find((desk) => desk.code === key)?.name);
  }
}
