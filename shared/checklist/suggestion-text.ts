// Owns the words of a risk suggestion as a case records them: the engine (risk.ts) names its own suggestions by
// catalogue key, and a case stores and syncs the risk in both languages (riskSchema, the event payloads), so that
// another desk, or this one after the catalogue's wording changes, shows what the officer was shown.
import { translate } from '../i18n/catalogue';
import type { Bilingual, RecordedRisk, RiskResult, RiskSuggestion } from './types';

export function suggestionText(suggestion: RiskSuggestion): Bilingual {
  if ('checklistText' in suggestion) return suggestion.checklistText;
  return { id: translate('id', suggestion.catalogueKey), en: translate('en', suggestion.catalogueKey) };
}

export function recordedRisk(result: RiskResult): RecordedRisk {
  return { ...result, suggestion: suggestionText(result.suggestion) };
}
