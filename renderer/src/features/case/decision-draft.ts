// Owns what the decision form holds and what follows from it: the reasons chosen (rebuilt from the interview's
// latest indicators plus the officer's own ticks), the ground offered first, the note's opening phrases, and
// which required field is still empty.
import {
  OUTCOME_RULES,
  REASON_CODES,
  decisionProblems,
  legalGround,
  suggestedGround,
  type DecisionField,
  type DecisionFields,
  type DecisionProblem,
  type Outcome,
} from '../../../../shared/checklist';
import type { CaseDetail, DecisionDraft, Language } from '../../../../shared/contract';

export type { DecisionField, Outcome };

export const EMPTY_DECISION: DecisionDraft = {
  outcome: null,
  reasonsAdded: [],
  reasonsRemoved: [],
  legalGround: '',
  note: '',
  phone: '',
  address: '',
  consent: false,
};

export function raisedReasons(detail: CaseDetail): string[] {
  return [...new Set(detail.risk.indicators.map((indicator) => indicator.reasonCode))];
}

/** The interview's reasons, less those the officer unticked, plus those they ticked: follows every new answer. */
export function chosenReasons(draft: DecisionDraft, raised: readonly string[]): string[] {
  const chosen = [...raised, ...draft.reasonsAdded].filter((code) => !draft.reasonsRemoved.includes(code));
  return [...new Set(chosen)];
}

export function toggleReason(draft: DecisionDraft, raised: readonly string[], code: string): DecisionDraft {
  const without = (list: string[]) => list.filter((c) => c !== code);
  if (chosenReasons(draft, raised).includes(code)) {
    return { ...draft, reasonsAdded: without(draft.reasonsAdded), reasonsRemoved: raised.includes(code) ? [...draft.reasonsRemoved, code] : draft.reasonsRemoved };
  }
  return { ...draft, reasonsRemoved: without(draft.reasonsRemoved), reasonsAdded: raised.includes(code) ? draft.reasonsAdded : [...draft.reasonsAdded, code] };
}

/** The officer's ground when it fits the outcome; otherwise the one the reasons point to, if any. */
export function effectiveGround(draft: DecisionDraft, reasons: readonly string[]): string {
  const outcome = draft.outcome;
  if (!outcome || !OUTCOME_RULES[outcome].needsJustification) return '';
  if (legalGround(draft.legalGround)?.outcomes.includes(outcome)) return draft.legalGround;
  return suggestedGround(outcome, reasons)?.code ?? '';
}

/** The note's first draft: one sentence per chosen reason, in the officer's language, for them to edit. */
export function notePhrases(reasons: readonly string[], language: Language): string {
  return reasons
    .map((code) => REASON_CODES.find((r) => r.code === code)?.text[language])
    .filter((text): text is string => Boolean(text))
    .map((text) => `${text}.`)
    .join(' ');
}

/**
 * Whether the note is still the panel's own first draft for these reasons (or empty), in either language: such a
 * note follows the reasons as they change; one the officer has typed in is theirs and is never rewritten.
 */
export function isUntouchedNote(note: string, reasons: readonly string[]): boolean {
  return note.trim() === '' || note === notePhrases(reasons, 'id') || note === notePhrases(reasons, 'en');
}

/** The fields the decide call sends for this draft: a Clear, the fast path, carries none of the form's. */
export function decisionFields(draft: DecisionDraft & { outcome: Outcome }, reasons: readonly string[]): DecisionFields & { reasons: string[] } {
  if (!OUTCOME_RULES[draft.outcome].needsJustification) return { reasons: [], legalGround: null, note: '', contact: null };
  const typed = draft.phone || draft.address || draft.consent;
  return {
    reasons: [...reasons],
    legalGround: effectiveGround(draft, reasons) || null,
    note: draft.note,
    contact: typed ? { phone: draft.phone || null, address: draft.address || null, consent: draft.consent } : null,
  };
}

/** What the core would refuse, found before asking it by the same rules, so each problem shows beside its field. */
export function draftProblems(draft: DecisionDraft, reasons: readonly string[]): DecisionProblem[] {
  const outcome = draft.outcome;
  return outcome ? decisionProblems(outcome, decisionFields({ ...draft, outcome }, reasons)) : [];
}

export function missingFields(draft: DecisionDraft, reasons: readonly string[]): DecisionField[] {
  return draftProblems(draft, reasons).map((problem) => problem.field);
}
