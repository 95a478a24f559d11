// Owns what the decision form holds and what follows from it: the reasons chosen (rebuilt from the interview's
// latest indicators plus the officer's own ticks), the ground offered first, the note's opening phrases, and
// which required field is still empty.
import { REASON_CODES, legalGround, suggestedGround } from '../../../../shared/checklist';
import type { CaseDetail, DecisionDraft, Language, OUTCOMES } from '../../../../shared/contract';

export type Outcome = (typeof OUTCOMES)[number];
export type DecisionField = 'reasons' | 'legalGround' | 'note' | 'contact';

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
  if (!outcome || outcome === 'clear') return '';
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

/** What the core would refuse, found before asking it, so each problem shows beside its field. */
export function missingFields(draft: DecisionDraft, reasons: readonly string[]): DecisionField[] {
  if (!draft.outcome || draft.outcome === 'clear') return [];
  const missing: DecisionField[] = [];
  if (reasons.length === 0) missing.push('reasons');
  if (!effectiveGround(draft, reasons)) missing.push('legalGround');
  if (draft.note.trim() === '') missing.push('note');
  if ((draft.phone.trim() || draft.address.trim()) && !draft.consent) missing.push('contact');
  return missing;
}
