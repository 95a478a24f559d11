// Owns the row of decisions an officer may take on an open case: Clear for the fast path (held back, with the reason
// said, while a triage question is open) and each outcome that needs justifying, every one with its Alt+key.
import { OUTCOME_RULES } from '../../../../shared/checklist';
import { OUTCOMES } from '../../../../shared/contract';
import { Button } from '../../components/Form';
import { useI18n } from '../../lib/i18n';
import type { Outcome } from './decision-draft';
import { OUTCOME_KEYS } from './outcome-keys';

interface OutcomeChoicesProps {
  /** The outcome whose form is open, if any. */
  chosen: Outcome | null;
  offered: (outcome: Outcome) => boolean;
  /** Questions shown but not yet answered: Clear waits for them. */
  unanswered: readonly string[];
  busy: boolean;
  onChoose: (outcome: Outcome) => void;
}

export function OutcomeChoices({ chosen, offered, unanswered, busy, onChoose }: OutcomeChoicesProps) {
  const { t } = useI18n();
  return (
    <>
      <div className="outcomes">
        <Button onClick={() => onChoose('clear')} disabled={busy || unanswered.length > 0} className="outcome-clear" aria-describedby={unanswered.length > 0 ? 'clear-needs-interview' : undefined}>
          {t('case.clearFast')} <kbd>Alt+{OUTCOME_KEYS.clear}</kbd>
        </Button>
        {OUTCOMES.filter((o) => OUTCOME_RULES[o].needsJustification && offered(o)).map((o) => (
          <Button key={o} variant={chosen === o ? 'primary' : 'secondary'} aria-pressed={chosen === o} onClick={() => onChoose(o)} disabled={busy}>
            {t(`outcome.${o}`)} <kbd>Alt+{OUTCOME_KEYS[o]}</kbd>
          </Button>
        ))}
      </div>
      {unanswered.length > 0 && (
        <p className="hint" id="clear-needs-interview" data-testid="clear-needs-interview">
          {t('case.clearNeedsInterview')}
        </p>
      )}
    </>
  );
}
