// Owns the supervisor's review and the search: passport actions awaiting countersignature, today's holds,
// and a search by document number, name, dates, decision and desk.
import { useState, type FormEvent } from 'react';
import { OUTCOMES, type CaseSummary, type InputOf } from '../../../../shared/contract';
import { DateField } from '../../components/DateInput';
import { Button, ErrorBanner, SelectField, TextField } from '../../components/Form';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall } from '../../lib/use-call';

function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function ReviewScreen({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const { t } = useI18n();
  const awaiting = useCall('cases.search', { status: 'awaiting_countersignature', limit: 100 });
  const today = useCall('cases.search', { from: localToday(), limit: 200 });
  const holds = (today.value ?? []).filter((c) => c.decision !== null && c.decision !== 'clear');
  const [results, setResults] = useState<CaseSummary[] | null>(null);
  const [filter, setFilter] = useState<InputOf<'cases.search'>>({});
  const searching = useAction();

  async function search(event: FormEvent) {
    event.preventDefault();
    const cleaned = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== '' && v !== undefined)) as InputOf<'cases.search'>;
    const result = await searching.run('cases.search', cleaned);
    if (result.ok) setResults(result.value);
  }

  return (
    <main className="panel">
      <h1>{t('review.title')}</h1>
      <ErrorBanner text={searching.error ?? awaiting.error} />
      <h2>{t('review.awaiting')}</h2>
      <CaseTable cases={awaiting.value ?? []} onOpen={onOpenCase} testId="awaiting-list" />
      <h2>{t('review.todayHolds')}</h2>
      <CaseTable cases={holds} onOpen={onOpenCase} testId="holds-list" />
      <h2>{t('review.search')}</h2>
      <form className="inline-form" onSubmit={search} aria-label={t('review.search')}>
        <div className="form-grid">
          <TextField label={t('case.documentNumber')} value={filter.documentNumber ?? ''} onChange={(e) => setFilter({ ...filter, documentNumber: e.target.value })} />
          <TextField label={t('case.name')} value={filter.name ?? ''} onChange={(e) => setFilter({ ...filter, name: e.target.value })} />
          <DateField label={t('review.from')} value={filter.from ?? ''} onChange={(iso) => setFilter({ ...filter, from: iso ?? undefined })} />
          <DateField label={t('review.to')} value={filter.to ?? ''} onChange={(iso) => setFilter({ ...filter, to: iso ?? undefined })} />
          <SelectField label={t('case.decision')} value={filter.decision ?? ''} onChange={(e) => setFilter({ ...filter, decision: (e.target.value || undefined) as typeof filter.decision })}>
            <option value="">{t('review.anyDecision')}</option>
            <option value="undecided">{t('review.undecided')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('header.desk')} value={filter.desk ?? ''} onChange={(e) => setFilter({ ...filter, desk: e.target.value })} />
        </div>
        <Button type="submit">{t('review.searchButton')}</Button>
      </form>
      {results && (
        <>
          <p>{t('review.results', { count: results.length })}</p>
          <CaseTable cases={results} onOpen={onOpenCase} testId="search-results" />
        </>
      )}
    </main>
  );
}

function CaseTable({ cases, onOpen, testId }: { cases: CaseSummary[]; onOpen: (id: string) => void; testId: string }) {
  const { t, language } = useI18n();
  if (cases.length === 0) return <p className="hint">{t('review.none')}</p>;
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('review.caseNumber')}</th>
          <th>{t('review.opened')}</th>
          <th>{t('case.name')}</th>
          <th>{t('case.documentNumber')}</th>
          <th>{t('case.decision')}</th>
          <th>{t('header.officer')}</th>
          {/* Named for screen readers; the buttons below say what they do. */}
          <th>
            <span className="visually-hidden">{t('review.action')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <td>{c.caseNumber}</td>
            <td>{formatDateTime(c.openedAt, language)}</td>
            <td>{c.name}</td>
            <td>{c.documentNumber}</td>
            <td>{c.decision ? t(`outcome.${c.decision}`) : t(`status.${c.status}`)}</td>
            <td>{c.officerName}</td>
            <td>
              <Button variant="secondary" onClick={() => onOpen(c.id)}>
                {t('review.open')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
