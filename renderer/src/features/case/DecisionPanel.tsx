// Owns deciding an open case: the one-key Clear for the fast path and the Alt+key of every other outcome, which
// opens its form at the first field to fill. A decision never races an answer: the answers still waiting are
// saved first and the reasons rebuilt from the risk they produce; what the core would refuse is shown beside its field.
import { useEffect, useRef, useState } from 'react';
import { OUTCOME_RULES, outcomeAllowedFor } from '../../../../shared/checklist';
import { OUTCOMES, type CallError, type CallResult, type CaseDetail, type DecisionDraft, type Officer } from '../../../../shared/contract';
import { Button } from '../../components/Form';
import { call } from '../../lib/client';
import { useI18n } from '../../lib/i18n';
import { DecisionForm, type DecisionFormHandle } from './DecisionForm';
import { chosenReasons, decisionFields, draftProblems, isUntouchedNote, missingFields, notePhrases, raisedReasons, type DecisionField, type Outcome } from './decision-draft';
import { OUTCOME_KEYS, SAVE_KEY, outcomeForKey } from './outcome-keys';

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
  const [busy, setBusy] = useState(false);
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
    setBusy(true);
    const saved = await flushAnswers();
    if (saved && !saved.ok) return setBusy(false);
    // The reasons follow the answers as the core stored them, not as they stood when the key was pressed.
    const fresh = saved?.value ?? detail;
    const freshReasons = chosenReasons(draft, raisedReasons(fresh));
    // A note still as drafted speaks of the reasons as stored, including one the last answer raised.
    const note = isUntouchedNote(draft.note, reasons) ? notePhrases(freshReasons, language) : draft.note;
    const asChosen = { ...draft, outcome: chosen, note };
    const problems = draftProblems(asChosen, freshReasons);
    if (problems.length > 0) {
      setBusy(false);
      setErrors(Object.fromEntries(problems.map((problem) => [problem.field, t(`error.reason.${problem.reason}`)])));
      return setFocusRequest((n) => n + 1);
    }
    const result = await call('cases.decide', { caseId: detail.id, outcome: chosen, ...decisionFields(asChosen, freshReasons) });
    setBusy(false);
    if (result.ok) return onDecided(result.value);
    if (OUTCOME_RULES[chosen].needsJustification && isDecisionField(result.error.field)) {
      setErrors({ [result.error.field]: errorText(result.error) });
      return setFocusRequest((n) => n + 1);
    }
    onError(result.error);
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const chosen = outcomeForKey(event.key);
      if (chosen && offered(chosen)) {
        event.preventDefault();
        choose(chosen);
      } else if (event.key.toUpperCase() === SAVE_KEY && outcome) {
        event.preventDefault();
        void decide(outcome);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const offered = (o: Outcome) => outcomeAllowedFor(o, officer.agency);
  return (
    <section className="card decision-panel" aria-labelledby="decision-title" id="decision">
      <h2 id="decision-title">{t('case.decision')}</h2>
      <div className="outcomes">
        <Button onClick={() => choose('clear')} disabled={busy || unanswered.length > 0} className="outcome-clear" aria-describedby={unanswered.length > 0 ? 'clear-needs-interview' : undefined}>
          {t('case.clearFast')} <kbd>Alt+{OUTCOME_KEYS.clear}</kbd>
        </Button>
        {OUTCOMES.filter((o) => OUTCOME_RULES[o].needsJustification && offered(o)).map((o) => (
          <Button key={o} variant={outcome === o ? 'primary' : 'secondary'} aria-pressed={outcome === o} onClick={() => choose(o)} disabled={busy}>
            {t(`outcome.${o}`)} <kbd>Alt+{OUTCOME_KEYS[o]}</kbd>
          </Button>
        ))}
      </div>
      {unanswered.length > 0 && (
        <p className="hint" id="clear-needs-interview" data-testid="clear-needs-interview">
          {t('case.clearNeedsInterview')}
        </p>
      )}
      {outcome && OUTCOME_RULES[outcome].needsJustification && (
        <DecisionForm ref={form} outcome={outcome} draft={draft} raised={raised} reasons={reasons} errors={errors} busy={busy} onDraft={edit} onSubmit={() => void decide(outcome)} />
      )}
    </section>
  );
}
