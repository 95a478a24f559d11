// Owns the risk the interview points to: its level, the raised indicators and the suggested outcome.
import type { CaseDetail } from '../../../../shared/contract';
import { useI18n } from '../../lib/i18n';

/** unanswered: the required questions shown and still open (a clear is refused until there are none). */
export function RiskPanel({ detail, unanswered }: { detail: CaseDetail; unanswered: readonly string[] }) {
  const { t, language } = useI18n();
  const risk = detail.risk;
  // "May proceed" before the triage is answered would read as a clear nobody has earned; a hold suggestion stands.
  const pending = unanswered.length > 0 && risk.suggestedOutcome === 'clear';
  return (
    <section className={`card risk risk-${risk.level}`} aria-labelledby="risk-title" data-testid="risk">
      <h2 id="risk-title">
        {t('case.risk')}: <span data-testid="risk-level">{t(`case.risk.${risk.level}`)}</span>
      </h2>
      {risk.indicators.length === 0 ? (
        <p>{t('case.noIndicators')}</p>
      ) : (
        <ul>
          {risk.indicators.map((indicator) => (
            <li key={indicator.id}>{indicator.text[language]}</li>
          ))}
        </ul>
      )}
      <p data-testid="risk-suggestion">
        <strong>{pending ? t('case.suggestionPending') : t('case.suggestion', { text: risk.suggestion[language] })}</strong>
      </p>
    </section>
  );
}
