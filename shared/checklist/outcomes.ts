// Owns the decisions an officer can record and the conditions each one carries: the one table the core enforces
// and the decision panel reads, and the one check of a decision's fields both run. Labels are in the i18n catalogue.
import { legalGround } from './legal-grounds';

export const OUTCOME_IDS = ['clear', 'tunda', 'refer_bp3mi', 'refer_police', 'refer_imigrasi', 'passport_action'] as const;
type Outcome = (typeof OUTCOME_IDS)[number];

export type OutcomeRule = {
  /** At least one reason code, a legal ground from the list that supports it, and a note (DOMAIN.md, Legal grounds). */
  needsJustification: boolean;
  /** Only an officer of this agency may record it, and only a supervisor of it countersigns it. */
  onlyAgency: 'IMIGRASI' | null;
  /** Not final until a supervisor countersigns. */
  needsCountersignature: boolean;
};

const PLAIN_REFERRAL: OutcomeRule = { needsJustification: true, onlyAgency: null, needsCountersignature: false };

export const OUTCOME_RULES: Readonly<Record<Outcome, OutcomeRule>> = {
  clear: { needsJustification: false, onlyAgency: null, needsCountersignature: false },
  tunda: PLAIN_REFERRAL,
  refer_bp3mi: PLAIN_REFERRAL,
  refer_police: PLAIN_REFERRAL,
  refer_imigrasi: PLAIN_REFERRAL,
  passport_action: { needsJustification: true, onlyAgency: 'IMIGRASI', needsCountersignature: true },
};

/** Whether an officer of this agency may record the outcome (the panel offers only these). */
export function outcomeAllowedFor(outcome: Outcome, agency: string): boolean {
  const only = OUTCOME_RULES[outcome].onlyAgency;
  return only === null || only === agency;
}

/** Whether this officer may countersign the outcome: a supervisor of the agency it is reserved to. */
export function mayCountersign(outcome: Outcome, officer: { role: string; agency: string }): boolean {
  return officer.role === 'supervisor' && outcomeAllowedFor(outcome, officer.agency);
}

/** The status a case takes when this outcome is recorded. */
export function statusAfterDecision(outcome: Outcome): 'decided' | 'awaiting_countersignature' {
  return OUTCOME_RULES[outcome].needsCountersignature ? 'awaiting_countersignature' : 'decided';
}

export type DecisionField = 'reasons' | 'legalGround' | 'note' | 'contact';
export type DecisionProblem = {
  field: DecisionField;
  /** The catalogue's error.reason.<reason>. */
  reason: 'reasonsRequired' | 'groundRequired' | 'groundNotForOutcome' | 'noteRequired' | 'contactNeedsConsent';
};
export type DecisionFields = {
  reasons: readonly string[];
  legalGround: string | null;
  note: string;
  contact: { phone: string | null; address: string | null; consent: boolean } | null;
};

/** Everything that stops this decision from being recorded, field by field, in the form's order. */
export function decisionProblems(outcome: Outcome, fields: DecisionFields): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (OUTCOME_RULES[outcome].needsJustification) {
    if (fields.reasons.length === 0) problems.push({ field: 'reasons', reason: 'reasonsRequired' });
    const ground = fields.legalGround ? legalGround(fields.legalGround) : undefined;
    if (!ground) problems.push({ field: 'legalGround', reason: 'groundRequired' });
    else if (!ground.outcomes.includes(outcome)) problems.push({ field: 'legalGround', reason: 'groundNotForOutcome' });
    if (fields.note.trim().length === 0) problems.push({ field: 'note', reason: 'noteRequired' });
  } else if (fields.legalGround) {
    // An outcome that needs no ground takes none but one of the list's that supports it: never free text.
    const ground = legalGround(fields.legalGround);
    if (!ground?.outcomes.includes(outcome)) problems.push({ field: 'legalGround', reason: 'groundNotForOutcome' });
  }
  const contact = fields.contact;
  // Contact details are kept only with the traveller's consent.
  if (contact && (contact.phone?.trim() || contact.address?.trim()) && !contact.consent) problems.push({ field: 'contact', reason: 'contactNeedsConsent' });
  return problems;
}
