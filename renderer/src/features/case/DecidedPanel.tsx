// Owns the decided view: the decision with its reasons, full legal ground and note, the countersignature of a
// passport action, the way to the referral slip (offered first right after a hold), and amendments.
import { LEGAL_GROUNDS, REASON_CODES, mayCountersign } from '../../../../shared/checklist';
import type { CaseDetail, Officer } from '../../../../shared/contract';
import { Button } from '../../components/Form';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Amendments } from './Amendments';
import type { CaseStep } from './case-step';
import { SLIP_KEY } from './outcome-keys';

interface DecidedPanelProps {
  detail: CaseDetail;
  officer: Officer;
  /** Just decided here: the slip of a hold is the next thing to do, so it takes the focus. */
  offerSlip: boolean;
  runStep: CaseStep;
  onOpenSlip: () => void;
}

export function DecidedPanel({ detail, officer, offerSlip, runStep, onOpenSlip }: DecidedPanelProps) {
  const { t, language } = useI18n();
  const decision = detail.decisionDetail!;
  const ground = decision.legalGround ? LEGAL_GROUNDS.find((g) => g.code === decision.legalGround) : undefined;
  const reasonText = (code: string) => REASON_CODES.find((r) => r.code === code)?.text[language] ?? code;
  const canCountersign = detail.status === 'awaiting_countersignature' && mayCountersign(decision.outcome, officer);


  return (
    <section className={`card decided decided-${decision.outcome}`} aria-labelledby="decided-title" data-testid="decided">
      <h2 id="decided-title">
        {t('case.decision')}: <span data-testid="decision">{t(`outcome.${decision.outcome}`)}</span>
      </h2>
      {detail.status === 'awaiting_countersignature' && (
        <p className="banner banner-warn" data-testid="awaiting">
          {t('case.awaitingCountersignature')}
        </p>
      )}
      <div className="row">
        <Button variant={offerSlip ? 'primary' : 'secondary'} onClick={onOpenSlip} autoFocus={offerSlip} data-testid="open-slip">
          {t('case.printSlip')} <kbd>Alt+{SLIP_KEY}</kbd>
        </Button>
        {canCountersign && (
          // A supervisor opening a passport action that waits for them: countersigning is the work here.
          <Button onClick={() => void runStep('cases.countersign', { caseId: detail.id })} autoFocus={!offerSlip} data-testid="countersign">
            {t('case.countersign')}
          </Button>
        )}
      </div>
      <p>{t('case.decidedBy', { name: decision.decidedByName, agency: t(`agency.${decision.decidedByAgency as 'BP3MI' | 'IMIGRASI'}`), at: formatDateTime(decision.decidedAt, language) })}</p>
      {decision.countersignedAt && (
        <p>{t('case.countersignedBy', { name: decision.countersignedByName ?? '', at: formatDateTime(decision.countersignedAt, language) })}</p>
      )}
      {decision.reasons.length > 0 && (
        <>
          <h3>{t('case.reasons')}</h3>
          <ul>
            {decision.reasons.map((code) => (
              <li key={code}>{reasonText(code)}</li>
            ))}
          </ul>
        </>
      )}
      {ground && (
        <p>
          <strong>{t('case.legalGround')}:</strong> {ground.title[language]} — {ground.citation}
        </p>
      )}
      {decision.note && (
        <p className="note">
          <strong>{t('case.note')}:</strong> <span data-testid="note">{decision.note}</span>
        </p>
      )}
      <Amendments detail={detail} runStep={runStep} />
    </section>
  );
}
