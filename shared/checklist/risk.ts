// Owns turning answers and context into a risk level, the raised indicators and a suggested outcome.
// It only suggests: the officer decides, and a passport action is never suggested.
import { triggerHolds, visibleWithAnswers } from './conditions';
import type { Answers, Checklist, Outcome, RaisedIndicator, RiskContext, RiskLevel, RiskResult, RiskSuggestionKey } from './types';

const LEVEL_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

/** Used when no suggestion rule of the checklist matches; the words are the catalogue's (suggestion-text.ts). */
const FALLBACK: Record<RiskLevel, { outcome: Outcome; key: RiskSuggestionKey }> = {
  low: { outcome: 'clear', key: 'risk.suggestion.low' },
  medium: { outcome: 'refer_imigrasi', key: 'risk.suggestion.medium' },
  high: { outcome: 'refer_bp3mi', key: 'risk.suggestion.high' },
};

export function levelFor(score: number, thresholds: Checklist['rules']['thresholds']): RiskLevel {
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

export function evaluateRisk(checklist: Checklist, answers: Answers, context: RiskContext): RiskResult {
  // Answers to questions no longer shown (the officer changed an earlier answer) must not count.
  const visible = visibleWithAnswers(checklist, answers, context).answers;
  const raised: RaisedIndicator[] = [];
  let floor: RiskLevel = 'low';
  for (const indicator of checklist.indicators) {
    if (!triggerHolds(indicator.when, visible, context)) continue;
    raised.push({ id: indicator.id, reasonCode: indicator.reasonCode, weight: indicator.weight, text: indicator.text });
    if (indicator.minLevel !== undefined && LEVEL_RANK[indicator.minLevel] > LEVEL_RANK[floor]) floor = indicator.minLevel;
  }
  const score = raised.reduce((sum, i) => sum + i.weight, 0);
  if (raised.length === 0) return { level: 'low', score: 0, indicators: [], suggestedOutcome: 'clear', suggestion: { catalogueKey: 'risk.suggestion.none' } };

  const byScore = levelFor(score, checklist.rules.thresholds);
  const level = LEVEL_RANK[floor] > LEVEL_RANK[byScore] ? floor : byScore;
  const codes = new Set(raised.map((i) => i.reasonCode));
  const rule = checklist.rules.suggestions.find(
    (s) =>
      s.outcome !== 'passport_action' &&
      (s.level === undefined || s.level.includes(level)) &&
      (s.reasonCodes === undefined || s.reasonCodes.some((c) => codes.has(c))),
  );
  if (rule !== undefined) return { level, score, indicators: raised, suggestedOutcome: rule.outcome, suggestion: { checklistText: rule.text } };
  const fallback = FALLBACK[level];
  return { level, score, indicators: raised, suggestedOutcome: fallback.outcome, suggestion: { catalogueKey: fallback.key } };
}
