// Owns the top of a case: earlier encounters (this desk's, then the hub's from other airports) and watch-list hits
// first, then the traveller card with its warnings.
import { reasonCode } from '../../../../shared/checklist';
import { OUTCOMES, READING_PROBLEMS, type CaseDetail, type HubHistory } from '../../../../shared/contract';
import { stateName } from '../../../../shared/mrz';
import { useI18n } from '../../lib/i18n';
import { formatDate, formatDateTime } from '../../lib/format';

const isHold = (decision: string | null) => decision !== null && decision !== 'clear';
const outcomes: ReadonlySet<string> = new Set(OUTCOMES);
const isOutcome = (decision: string): decision is (typeof OUTCOMES)[number] => outcomes.has(decision);

/** `hub` is null while the hub is being asked. */
export function HistoryPanel({ detail, hub }: { detail: CaseDetail; hub: HubHistory | null }) {
  const { t, language } = useI18n();
  const holds = detail.history.some((entry) => isHold(entry.decision)) || (hub?.encounters.some((e) => isHold(e.decision)) ?? false);
  return (
    <section className={`card ${holds || detail.watchListHits.length > 0 ? 'card-alert' : ''}`} aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{t('case.history')}</h2>
      {detail.watchListHits.length > 0 && (
        <div className="banner banner-error" role="alert" data-testid="watch-list">
          <strong>{t('case.watchList')}:</strong>
          <ul>
            {detail.watchListHits.map((hit, index) => (
              <li key={index}>
                {hit.kind}: {hit.value} — {hit.note} ({hit.source})
              </li>
            ))}
          </ul>
        </div>
      )}
      {detail.history.length === 0 ? (
        <p>{t('case.noHistory')}</p>
      ) : (
        <table className="table">
          <tbody>
            {detail.history.map((entry) => (
              <tr key={entry.id} className={entry.decision && entry.decision !== 'clear' ? 'hold' : ''}>
                <td>{formatDateTime(entry.openedAt, language)}</td>
                <td>{entry.deskName}</td>
                <td>{entry.officerName}</td>
                <td>
                  <strong>{entry.decision ? t(`outcome.${entry.decision}`) : t('status.open')}</strong>
                </td>
                <td>{entry.reasons.map((code) => reasonCode(code)?.text[language] ?? code).join('; ')}</td>
                <td className="hint">{entry.matchedBy === 'document' ? t('case.historyMatchDocument') : t('case.historyMatchName')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <HubEncounters hub={hub} />
    </section>
  );
}

/** The hub's answer, kept apart from this desk's records: it names only where, when and what was decided. */
function HubEncounters({ hub }: { hub: HubHistory | null }) {
  const { t, language } = useI18n();
  if (hub === null) return <p className="hint" data-testid="hub-history" data-state="asking">{t('case.hub.asking')}</p>;
  if (hub.state === 'not_enrolled') return null;
  if (hub.state !== 'answered') {
    return (
      <p className="banner banner-warn" role="status" data-testid="hub-history" data-state={hub.state}>
        {t(hub.state === 'unreachable' ? 'case.hub.unreachable' : 'case.hub.refused')}
      </p>
    );
  }
  if (hub.encounters.length === 0) return <p className="hint" data-testid="hub-history" data-state="answered">{t('case.hub.none')}</p>;
  // A list rather than table cells: it reads whole in the case's narrow column, in either language.
  return (
    <ul className="hub-encounters" data-testid="hub-history" data-state="answered">
      {hub.encounters.map((encounter) => (
        <li key={encounter.caseId} className={isHold(encounter.decision) ? 'hold' : ''}>
          <strong>{encounter.decision === null ? t('status.open') : isOutcome(encounter.decision) ? t(`outcome.${encounter.decision}`) : encounter.decision}</strong>
          {' · '}
          {formatDateTime(encounter.openedAt, language)} · {t('case.hub.place', { airport: encounter.airportCode, desk: encounter.deskCode })} · {encounter.caseNumber}{' '}
          <span className="hint">({t('case.hub.source')})</span>
        </li>
      ))}
    </ul>
  );
}

const readingProblems: ReadonlySet<string> = new Set(READING_PROBLEMS);

function isReadingProblem(warning: string): boolean {
  return readingProblems.has(warning);
}

export function TravellerCard({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  const traveller = detail.traveller;
  // What is wrong with the reading first, apart from what is true of a document read correctly.
  const problems = traveller.warnings.filter(isReadingProblem);
  const warnings = traveller.warnings.filter((warning) => !isReadingProblem(warning));
  const country = (code: string | null) => (code ? `${stateName(code, language) ?? '?'} (${code})` : '—');
  const rows: [string, string][] = [
    [t('case.name'), [traveller.primaryIdentifier, traveller.secondaryIdentifier].filter(Boolean).join(', ')],
    [t('case.nationality'), country(traveller.nationality)],
    [t('case.birthDate'), traveller.birthDate ? formatDate(traveller.birthDate) : '—'],
    [t('case.age'), traveller.ageYears === null ? '—' : t('case.ageYears', { age: traveller.ageYears })],
    [t('case.sex'), traveller.sex ?? '—'],
    [t('case.documentNumber'), detail.documentNumber],
    [t('case.expiry'), traveller.expiryDate ? formatDate(traveller.expiryDate) : '—'],
  ];
  return (
    <section className="card" aria-labelledby="traveller-title" data-testid="traveller">
      <h2 id="traveller-title">{t('case.traveller')}</h2>
      {problems.length > 0 && (
        <ul className="warnings warnings-problem" role="alert" data-testid="reading-problems">
          {problems.map((warning) => (
            <li key={warning}>✗ {t(`case.warning.${warning}`)}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="warnings" role="alert" data-testid="document-warnings">
          {warnings.map((warning) => (
            <li key={warning} data-warning={warning}>
              ⚠ {t(`case.warning.${warning}`, { date: traveller.expiryDate ?? '—' })}
            </li>
          ))}
        </ul>
      )}
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <pre className="mrz-lines">{detail.mrzLines.join('\n')}</pre>
    </section>
  );
}
