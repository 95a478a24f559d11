// Owns deciding an open case: which outcome is chosen, the note that follows the reasons until the officer edits it,
// and recording the decision. A decision never races an answer: the answers still waiting are saved first and the
// reasons rebuilt from the risk they produce; what the core would refuse is shown beside its field. Its parts: the
// outcome buttons (OutcomeChoices), their keys (use-decision-keys), the form (DecisionForm) and the draft's rules
// (decision-draft).
import { useEffect, useRef, useState } from 'react';
import { OUTCOME_RULES, outcomeAllowedFor } from '../../../../shared/checklist';
import type { CallError, CallResult, CaseDetail, DecisionDraft, Officer } from '../../../../shared/contract';
import { useI18n } from '../../lib/i18n';
import { useAction } from '../../lib/use-call';
import { DecisionForm, type DecisionFormHandle } from './DecisionForm';
import { chosenReasons, decisionFields, draftProblems, isUntouchedNote, missingFields, notePhrases, raisedReasons, type DecisionField, type Outcome } from './decision-draft';
import { OutcomeChoices } from './OutcomeChoices';
import { useDecisionKeys } from './use-decision-keys';

interface DecisionPanelProps {
  detail: CaseDetail;
  officer: Officer;
  draft: DecisionDraft;
  /** Coming back to a form left open when the desk locked: put the officer back in it. */
  restoring: boolean;
  onDraft: (next: DecisionDraft) => void;
  /** Saves the answers still waiting; see useAnswerSaver. */
  flushAnswers: () => Promise<CallResult<CaseDetail> | null>;
  /** Questions shown but not yet answered, when the checklist has a triage: Clear is not offered until none are left. */
  unanswered: string[];
  onDecided: (detail: CaseDetail) => void;
  onError: (error: CallError) => void;
}

const isDecisionField = (field: string | undefined): field is DecisionField => field === 'reasons' || field === 'legalGround' || field === 'note' || field === 'contact';

export function DecisionPanel({ detail, officer, draft, restoring, onDraft, flushAnswers, unanswered, onDecided, onError }: DecisionPanelProps) {
  const { t, language, errorText } = useI18n();
  // The save runs through an action for its busy state; its refusal is shown beside a field or in the case's banner.
  const saving = useAction();
  const [flushing, setFlushing] = useState(false);
  const busy = flushing || saving.busy;
  const [errors, setErrors] = useState<Partial<Record<DecisionField, string>>>({});
  const [focusRequest, setFocusRequest] = useState(restoring ? 1 : 0);
  const form = useRef<DecisionFormHandle>(null);
  const raised = raisedReasons(detail);
  const reasons = chosenReasons(draft, raised);
  const outcome = draft.outcome;

  // After the form has rendered for a shortcut or a refusal: bring it into view at the field to fill.
  useEffect(() => {
    if (focusRequest > 0) form.current?.focusFirstEmpty(Object.keys(errors).length > 0 ? (Object.keys(errors) as DecisionField[]) : missingFields(draft, reasons));
    // Only a new request moves the focus; typing must not.
  }, [focusRequest]);

  // Reasons change after the form opens (a tick through the filter, a last answer raising an indicator): a note
  // still as the panel drafted it is drafted again from them; a note the officer has edited stays as typed.
  const reasonsKey = reasons.join(' ');
  const draftedFrom = useRef(reasons);
  useEffect(() => {
    const before = draftedFrom.current;
    draftedFrom.current = reasons;
    if (!outcome || !OUTCOME_RULES[outcome].needsJustification || !isUntouchedNote(draft.note, before)) return;
    const note = notePhrases(reasons, language);
    if (note !== draft.note) edit({ ...draft, note });
    // Only a change of the reasons (or of the language) redrafts; the draft itself is read as it stands.
  }, [reasonsKey, outcome, language]);

  // An error goes once the officer has dealt with its field, and only then.
  function edit(next: DecisionDraft) {
    onDraft(next);
    const stillMissing = missingFields(next, chosenReasons(next, raised));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => stillMissing.includes(field as DecisionField))));
  }

  function choose(next: Outcome) {
    if (next === 'clear' && unanswered.length > 0) {
      // Not offered yet: take the officer to the first question still open instead.
      const item = document.querySelector(`[data-question="${unanswered[0] ?? ''}"]`);
      return item?.querySelector<HTMLElement>('input, select')?.focus();
    }
    if (!OUTCOME_RULES[next].needsJustification) return void decide(next);
    // The note starts from the chosen reasons, for the officer to edit; typed text is never replaced.
    const note = isUntouchedNote(draft.note, reasons) ? notePhrases(reasons, language) : draft.note;
    onDraft({ ...draft, outcome: next, note });
    setErrors({});
    setFocusRequest((n) => n + 1);
  }

  async function decide(chosen: Outcome) {
    if (busy) return;
    setFlushing(true);
    const saved = await flushAnswers();
    setFlushing(false);
    if (saved && !saved.ok) return;
    // The reasons follow the answers as the core stored them, not as they stood when the key was pressed.
    const fresh = saved?.value ?? detail;
    const freshReasons = chosenReasons(draft, raisedReasons(fresh));
    // A note still as drafted speaks of the reasons as stored, including one the last answer raised.
    const note = isUntouchedNote(draft.note, reasons) ? notePhrases(freshReasons, language) : draft.note;
    const asChosen = { ...draft, outcome: chosen, note };
    const problems = draftProblems(asChosen, freshReasons);
    if (problems.length > 0) {
      setErrors(Object.fromEntries(problems.map((problem) => [problem.field, t(`error.reason.${problem.reason}`)])));
      return setFocusRequest((n) => n + 1);
    }
    const result = await saving.run('cases.decide', { caseId: detail.id, outcome: chosen, ...decisionFields(asChosen, freshReasons) });
    if (result.ok) return onDecided(result.value);
    if (OUTCOME_RULES[chosen].needsJustification && isDecisionField(result.error.field)) {
      setErrors({ [result.error.field]: errorText(result.error) });
      return setFocusRequest((n) => n + 1);
    }
    onError(result.error);
  }

  const offered = (o: Outcome) => outcomeAllowedFor(o, officer.agency);
  useDecisionKeys({ offered, choose, chosen: outcome, save: (o) => void decide(o) });

  return (
    <section className="card decision-panel" aria-labelledby="decision-title" id="decision">
      <h2 id="decision-title">{t('case.decision')}</h2>
      <OutcomeChoices chosen={outcome} offered={offered} unanswered={unanswered} busy={busy} onChoose={choose} />
      {outcome && OUTCOME_RULES[outcome].needsJustification && (
        <DecisionForm ref={form} outcome={outcome} draft={draft} raised={raised} reasons={reasons} errors={errors} busy={busy} onDraft={edit} onSubmit={() => void decide(outcome)} />
      )}
    </section>
  );
}
