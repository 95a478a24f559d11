// Owns one case on screen: history first, the traveller, travel and interview while open, then the decision.
import { useEffect, useState } from 'react';
import type { Checklist } from '../../../../shared/checklist';
import type { CallError, CaseDetail, Officer } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner } from '../../components/form';
import { call } from '../../lib/client';
import { useI18n } from '../../lib/i18n';
import { DecidedPanel, DecisionPanel, RiskPanel } from './DecisionPanel';
import { InterviewPanel, TravelPanel } from './InterviewPanel';
import { HistoryPanel, TravellerCard } from './TravellerPanels';

export function CaseScreen({ caseId, officer, onNext, onOpenSlip }: { caseId: string; officer: Officer; onNext: () => void; onOpenSlip: (caseId: string) => void }) {
  const { t, errorText } = useI18n();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [justDecided, setJustDecided] = useState(false);

  useEffect(() => {
    void call('cases.get', { caseId }).then((result) => (result.ok ? setDetail(result.value) : setError(errorText(result.error))));
    void call('reference.current', {}).then((result) => result.ok && setChecklist(result.value.checklist as Checklist));
  }, [caseId, errorText]);

  const onChanged = (next: CaseDetail) => {
    setError(null);
    if (detail?.status === 'open' && next.status !== 'open') setJustDecided(true);
    setDetail(next);
  };
  const onError = (e: CallError) => setError(errorText(e));

  // After a decision, Enter starts the next traveller: the third action of the fast path.
  useEffect(() => {
    if (!justDecided) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'TEXTAREA' && (event.target as HTMLElement).tagName !== 'INPUT') {
        event.preventDefault();
        onNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [justDecided, onNext]);

  if (!detail) return <main className="panel">{error ? <ErrorBanner text={error} /> : <p>{t('app.loading')}</p>}</main>;
  return (
    <main className="case-layout">
      <header className="case-header">
        <h1>
          {t('case.title', { number: '' })}
          <span data-testid="case-number">{detail.caseNumber}</span>
        </h1>
        <span className={`status status-${detail.status}`}>{t(`status.${detail.status}`)}</span>
        {detail.status !== 'open' && (
          <Button onClick={onNext} autoFocus={justDecided}>
            {t('case.nextTraveller')} <kbd>Enter</kbd>
          </Button>
        )}
      </header>
      <ErrorBanner text={error} />
      {justDecided && <NoticeBanner text={t('case.decisionSaved')} />}
      <HistoryPanel detail={detail} />
      <div className="case-columns">
        <div>
          <TravellerCard detail={detail} />
          <TravelPanel detail={detail} onChanged={onChanged} onError={onError} />
          {checklist && <InterviewPanel detail={detail} checklist={checklist} onChanged={onChanged} onError={onError} />}
        </div>
        <div>
          <RiskPanel detail={detail} />
          {detail.status === 'open' ? (
            <DecisionPanel detail={detail} officer={officer} onChanged={onChanged} onError={onError} />
          ) : (
            <DecidedPanel detail={detail} officer={officer} onChanged={onChanged} onError={onError} onOpenSlip={() => onOpenSlip(detail.id)} />
          )}
        </div>
      </div>
    </main>
  );
}
