// Owns the public surface of the clarification checklist: questions, country rules, legal grounds, reason codes,
// outcomes and risk evaluation. Other layers import from shared/checklist only.

export type * from './types';
export { COUNTRY_LISTS, QUESTION_SECTIONS, QUESTION_TYPES, RISK_LEVELS, RISK_SUGGESTION_KEYS } from './types';
export { checklistSchema, conditionSchema, triggerSchema, questionSchema, indicatorSchema, answerValueSchema, bilingualSchema } from './schema';
export { validateChecklist, type ChecklistValidation } from './validate';
export { visibleQuestions, visibleWithAnswers, missingRequired, conditionHolds, triggerHolds, isAnswered, finalDestination } from './conditions';
export { evaluateRisk, levelFor } from './risk';
export { recordedRisk, suggestionText } from './suggestion-text';
export { interviewContext, type CaseFacts } from './context';
export { DEFAULT_CHECKLIST, SHIPPED_CHECKLISTS, shippedChecklist } from './default-checklist';
export {
  countryRulesSchema,
  validateCountryRules,
  countryStatus,
  countryEntries,
  DEFAULT_COUNTRY_RULES,
  type CountryStatus,
  type CountryRulesValidation,
} from './country-rules';
export { WATCH_LIST_KINDS, watchListFileSchema, validateWatchList, type WatchListKind, type WatchListFile, type WatchListValidation } from './watch-list';
export { LEGAL_GROUNDS, legalGround, groundsFor, suggestedGround, type LegalGround } from './legal-grounds';
export { REASON_CODES, reasonCode, isReasonCode, type ReasonCode } from './reason-codes';
export {
  OUTCOME_IDS,
  OUTCOME_RULES,
  outcomeAllowedFor,
  mayCountersign,
  statusAfterDecision,
  decisionProblems,
  type OutcomeRule,
  type DecisionField,
  type DecisionFields,
  type DecisionProblem,
} from './outcomes';
