// Owns the case screen's origin card (issue 17): the shared OriginPicker, each pick saved as cases.recordOrigin while
// the case is open, and on a hold until it is signed off.
import type { CaseDetail } from '../../../../shared/contract';
import { OriginPicker } from '../../components/OriginPicker';
import { useI18n } from '../../lib/i18n';
import type { CaseStep } from './case-step';

/** The interview's origin card: optional, saved on each pick; open while the case is, and on a hold until sign-off. */
export function OriginPanel({ detail, runStep }: { detail: CaseDetail; runStep: CaseStep }) {
  const { t } = useI18n();
  const editable = detail.status === 'open' || (detail.decision !== null && detail.decision !== 'clear');
  return (
    <section className="card" aria-labelledby="origin-title" data-testid="origin-panel">
      <h2 id="origin-title">{t('origin.title')}</h2>
      <p className="hint">{t('origin.why')}</p>
      <OriginPicker origin={detail.origin} disabled={!editable} onPick={(origin) => void runStep('cases.recordOrigin', { caseId: detail.id, ...origin })} />
    </section>
  );
}
