// Owns one case on screen: history first, the traveller, travel and interview beside a decision that stays in
// reach, then the decided view. Also the case's keyboard (Enter for the next traveller only on the page itself or
// its button, Alt+C for the slip), where the focus lands, and handing the unsaved form to the desk's draft stash.
import { useCallback, useEffect, useRef, useState } from 'react';
import { interviewContext, missingRequired, type Answers } from '../../../../shared/checklist';
import type { CaseDetail, DecisionDraft, HubHistory, Officer } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner } from '../../components/Form';
import { SyncConflicts } from '../../components/SyncConflicts';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall } from '../../lib/use-call';
import type { CaseStep } from './case-step';
import { DecidedPanel } from './DecidedPanel';
import { DecisionPanel } from './DecisionPanel';
import { EMPTY_DECISION } from './decision-draft';
import { InterviewPanel, TravelPanel } from './InterviewPanel';
import { OriginPanel } from './OriginPanel';
import { OUTCOME_KEYS, SLIP_KEY } from './outcome-keys';
import { RiskPanel } from './RiskPanel';
import { HistoryPanel, TravellerCard } from './TravellerPanels';
import { useAnswerSaver } from './use-answer-saver';

const UNREACHABLE: HubHistory = { state: 'unreachable', encounters: [] };

interface CaseScreenProps {
  caseId: string;
  officer: Officer;
  /** The form as it was before the desk locked, when the officer comes back to it. */
  restoredDecision: DecisionDraft | null;
  /** Every change of the unsaved decision form, for the desk's draft stash. */
  onDraft: (decision: DecisionDraft | null) => void;
  /** Lets the shell save what is pending before it locks the desk. */
  onBeforeLeave: (flush: (() => Promise<unknown>) | null) => void;
  onNext: () => void;
  onOpenSlip: (caseId: string) => void;
}

export function CaseScreen({ caseId, officer, restoredDecision, onDraft, onBeforeLeave, onNext, onOpenSlip }: CaseScreenProps) {
  const { t } = useI18n();
  const loaded = useCall('cases.get', { caseId });
  const detail = loaded.value;
  // Other airports' encounters, asked of the hub beside the case (null while asking): never awaited by the case.
  // A failed call (the desk locked meanwhile) reads as "could not ask"; the case itself is unaffected.
  const hub = useCall('cases.hubHistory', { caseId });
  const hubHistory: HubHistory | null = hub.value ?? (hub.error !== null ? UNREACHABLE : null);
  const countryRules = useCall('reference.current', {}).value?.countryRules ?? null;
  // The case is shown with the checklist it was opened under, not the one in use today.
  const version = detail?.checklistVersion;
  const checklistCall = useCall('reference.checklist', version === undefined ? null : { version });
  const checklist = checklistCall.value;
  // The answers as the officer gives them, before they are saved: what the clear waits for.
  const [liveAnswers, setLiveAnswers] = useState<Answers | null>(null);
  // Every step on the case, and every save in the background, reports into the case's one banner.
  const step = useAction();
  const error = step.error ?? loaded.error ?? checklistCall.error;
  const [justDecided, setJustDecided] = useState(false);
  const [decision, setDecision] = useState<DecisionDraft>(restoredDecision ?? EMPTY_DECISION);
  const focusedOnOpen = useRef(false);

  // Answers saved in the background update the risk and never clear an error the officer has not dealt with.
  const onError = step.setError;
  const answers = useAnswerSaver(caseId, loaded.setValue, onError);
  const queueAnswers = useCallback(
    (next: Answers) => {
      setLiveAnswers(next);
      answers.queue(next);
    },
    [answers],
  );
  useEffect(() => {
    onBeforeLeave(() => answers.flush());
    return () => onBeforeLeave(null);
  }, [answers, onBeforeLeave]);

  // What the officer does clears the last error; it is their answer to it.
  const onChanged = (next: CaseDetail) => {
    step.setError(null);
    loaded.setValue(next);
  };
  const runStep: CaseStep = async (name, input) => {
    const result = await step.run(name, input);
    if (result.ok) onChanged(result.value);
    return result;
  };
  const onDecided = (next: CaseDetail) => {
    onChanged(next);
    setJustDecided(true);
    onDraft(null);
  };
  const editDecision = (next: DecisionDraft) => {
    setDecision(next);
    onDraft(next);
  };

  // The work starts at question 1 (or, coming back from the lock, at the decision, which the panel focuses).
  useEffect(() => {
    if (focusedOnOpen.current || !detail || !checklist || !countryRules) return;
    focusedOnOpen.current = true;
    if (detail.status === 'open' && !restoredDecision?.outcome) document.querySelector<HTMLElement>('.questions input, .questions select')?.focus();
  }, [detail, checklist, countryRules, restoredDecision]);

  const decided = detail !== null && detail.status !== 'open';
  useEffect(() => {
    if (!decided) return;
    const onKey = (event: KeyboardEvent) => {
      // Enter on a button or a field does what that button or field does; only on the page itself is it "next".
      if (event.key === 'Enter' && justDecided && !event.altKey && (event.target === document.body || event.target === document.documentElement)) {
        event.preventDefault();
        onNext();
      } else if (event.altKey && event.key.toUpperCase() === SLIP_KEY) {
        event.preventDefault();
        onOpenSlip(caseId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decided, justDecided, onNext, onOpenSlip, caseId]);

  if (!detail) return <main className="panel">{error ? <ErrorBanner text={error} /> : <p>{t('app.loading')}</p>}</main>;
  const outcome = detail.decisionDetail?.outcome;
  const context =
    countryRules &&
    interviewContext(
      { destinationCountry: detail.travel.destinationCountry, ageYears: detail.traveller.ageYears, history: detail.history, watchListHits: detail.watchListHits.length },
      countryRules,
    );
  // A checklist with a triage offers Clear only once every question it shows is answered (the core refuses it too).
  const unanswered = checklist?.fullInterview && context ? missingRequired(checklist, liveAnswers ?? (detail.answers as Answers), context).map((q) => q.id) : [];
  return (
    <main className="case-layout">
      <header className="case-header">
        <h1>
          {t('case.title', { number: '' })}
          <span data-testid="case-number">{detail.caseNumber}</span>
        </h1>
        <span className={`status status-${detail.status}`}>{t(`status.${detail.status}`)}</span>
        {decided && (
          <Button variant={justDecided && outcome === 'clear' ? 'primary' : 'secondary'} onClick={onNext} autoFocus={justDecided && outcome === 'clear'} data-testid="next-traveller">
            {t('case.nextTraveller')} <kbd>Enter</kbd>
          </Button>
        )}
      </header>
      <ErrorBanner text={error} />
      {justDecided && <NoticeBanner text={t('case.decisionSaved')} />}
      <SyncConflicts conflicts={detail.conflicts} />
      <div className="case-columns">
        <div className="case-work">
          <HistoryPanel detail={detail} hub={hubHistory} />
          <TravellerCard detail={detail} />
          <TravelPanel detail={detail} runStep={runStep} />
          <OriginPanel detail={detail} runStep={runStep} />
          {checklist && context && <InterviewPanel detail={detail} checklist={checklist} context={context} onAnswers={queueAnswers} />}
        </div>
        <div className="decision-column">
          {detail.status === 'open' ? (
            <DecisionPanel
              detail={detail}
              officer={officer}
              draft={decision}
              restoring={Boolean(restoredDecision?.outcome)}
              onDraft={editDecision}
              flushAnswers={answers.flush}
              unanswered={unanswered}
              onDecided={onDecided}
              onError={onError}
            />
          ) : (
            <DecidedPanel detail={detail} officer={officer} offerSlip={justDecided && outcome !== 'clear'} runStep={runStep} onOpenSlip={() => onOpenSlip(detail.id)} />
          )}
          <RiskPanel detail={detail} unanswered={unanswered} />
        </div>
      </div>
      {detail.status === 'open' && (
        // One column (narrow window, 200% zoom): the decision is at the bottom of a long page, so a bar keeps it in reach.
        <nav className="decision-bar" aria-label={t('case.decision')}>
          <Button
            variant="secondary"
            onClick={() => {
              document.getElementById('decision')?.scrollIntoView({ block: 'start' });
              document.querySelector<HTMLElement>('#decision .outcomes button')?.focus();
            }}
          >
            {t('case.toDecision')}
          </Button>
          <span className="hint">
            <kbd>Alt+{OUTCOME_KEYS.clear}</kbd> {t('case.clearFast')} · <kbd>Alt+{OUTCOME_KEYS.tunda}</kbd> {t('outcome.tunda')}
          </span>
        </nav>
      )}
    </main>
  );
}
