// Owns turning answers and context into a risk level, the raised indicators and a suggested outcome.
// It only suggests: the officer decides, and a passport action is never suggested.
import { triggerHolds, visibleWithAnswers } from './conditions';
import type { Answers, Bilingual, Checklist, Outcome, RaisedIndicator, RiskContext, RiskLevel, RiskResult } from './types';

const LEVEL_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

const NOTHING_FOUND: Bilingual = {
  id: 'Tidak ada indikator risiko. Pelaku perjalanan boleh melanjutkan perjalanan.',
  en: 'No risk indicators. The traveller may proceed.',
};

/** Used when no suggestion rule of the checklist matches. */
const FALLBACK: Record<RiskLevel, { outcome: Outcome; text: Bilingual }> = {
  low: {
    outcome: 'clear',
    text: { id: 'Indikator ringan. Boleh melanjutkan perjalanan bila petugas tidak menemukan hal lain.', en: 'Minor indicators. May proceed unless the officer finds more.' },
  },
  medium: {
    outcome: 'refer_imigrasi',
    text: { id: 'Perlu pemeriksaan lanjutan oleh Imigrasi.', en: 'Needs secondary inspection by Imigrasi.' },
  },
  high: {
    outcome: 'refer_bp3mi',
    text: { id: 'Risiko tinggi: serahkan ke BP3MI untuk klarifikasi lebih lanjut.', en: 'High risk: hand over to BP3MI for further clarification.' },
  },
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
  if (raised.length === 0) return { level: 'low', score: 0, indicators: [], suggestedOutcome: 'clear', suggestion: NOTHING_FOUND };

  const byScore = levelFor(score, checklist.rules.thresholds);
  const level = LEVEL_RANK[floor] > LEVEL_RANK[byScore] ? floor : byScore;
  const codes = new Set(raised.map((i) => i.reasonCode));
  const rule = checklist.rules.suggestions.find(
    (s) =>
      s.outcome !== 'passport_action' &&
      (s.level === undefined || s.level.includes(level)) &&
      (s.reasonCodes === undefined || s.reasonCodes.some((c) => codes.has(c))),
  );
  const chosen = rule ?? FALLBACK[level];
  return { level, score, indicators: raised, suggestedOutcome: chosen.outcome, suggestion: chosen.text };
}
