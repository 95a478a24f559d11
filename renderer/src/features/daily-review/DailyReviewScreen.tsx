// Owns the supervisor's daily queue (issue 17): every hold of a shift from every desk this desk holds, the counts
// at the top, filters and sort (done by the core, review.queue), and a virtualised list that stays smooth with
// thousands of rows. A row opens the case's review.
import { useState } from 'react';
import { QUEUE_SORT_KEYS, type InputOf } from '../../../../shared/contract';
import { DateField } from '../../components/DateInput';
import { ErrorBanner, SelectField } from '../../components/Form';
import { QueueFilters } from '../../components/QueueFilters';
import { deskLabel, localInstant } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { pickerSaveWords, saveThroughPicker } from '../../lib/save-file';
import { shellSavesFiles } from '../../lib/client';
import { csvFileName } from '../../../../shared/review/report-period';
import { useAction, useCall } from '../../lib/use-call';
import { VirtualRows } from './VirtualRows';

type Filter = Omit<InputOf<'review.queue'>, 'from' | 'to'>;
type SortKey = (typeof QUEUE_SORT_KEYS)[number];
const ROW_HEIGHT = 48;
const LIST_HEIGHT = 520;
const COUNT_KEYS = ['holds', 'tunda', 'referred', 'passportActions', 'awaitingCountersignature', 'notSignedOff', 'conflicts'] as const;

function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * The shift of a local calendar day, starting at `startHour` on this desk's clock and lasting 24 hours, in the desk's
 * own offset (so an export is named and audited in the desk's days).
 */
export function shiftWindow(day: string, startHour: number): { from: string; to: string } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(year, month - 1, date, startHour);
  return { from: localInstant(start), to: localInstant(new Date(start.getTime() + 24 * 3_600_000)) };
}

export function DailyReviewScreen({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const { t, language } = useI18n();
  const [day, setDay] = useState(localToday);
  const [startHour, setStartHour] = useState(0);
  const [filter, setFilter] = useState<Filter>({ sort: 'openedAt', descending: false });
  // The rows on screen stay (and keep their place) while the queue for a new filter or sort is asked for.
  const loaded = useCall('review.queue', { ...shiftWindow(day, startHour), ...filter }, { keepPrevious: true });
  const queue = loaded.value;

  const sortBy = (key: SortKey) => setFilter((f) => ({ ...f, sort: key, descending: f.sort === key ? !f.descending : false }));
  const time = (iso: string) => new Date(iso).toLocaleTimeString(language === 'id' ? 'id-ID' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  // The column header carries the sort state; the button inside it sorts (a button may not be a column header).
  const header = (key: SortKey, label: string) => (
    <span role="columnheader" aria-sort={filter.sort === key ? (filter.descending ? 'descending' : 'ascending') : 'none'} data-testid={`sort-${key}`}>
      <button type="button" className="queue-sort" title={t('daily.sortBy', { column: label })} onClick={() => sortBy(key)}>
        {label}
        {filter.sort === key ? (filter.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </span>
  );

  return (
    <main className="panel wide-panel" data-testid="daily-review">
      <h1>{t('daily.title')}</h1>
      <ErrorBanner text={loaded.error} />
      <div className="form-grid">
        <DateField label={t('daily.day')} value={day} onChange={(iso) => iso && setDay(iso)} />
        <SelectField label={t('daily.shiftStart')} value={startHour} onChange={(e) => setStartHour(Number(e.target.value))}>
          {Array.from({ length: 24 }, (_, hour) => (
            <option key={hour} value={hour}>
              {String(hour).padStart(2, '0')}:00
            </option>
          ))}
        </SelectField>
      </div>
      {queue && (
        <ul className="queue-counts" data-testid="queue-counts">
          {COUNT_KEYS.map((key) => (
            <li key={key} data-testid={`count-${key}`}>
              <strong>{queue.counts[key]}</strong>
              <span>{t(`daily.count.${key}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {queue && queue.conflictedClears.length > 0 && (
        <section className="banner banner-error" aria-labelledby="conflicted-clears" data-testid="conflicted-clears">
          <h2 id="conflicted-clears">{t('daily.conflictedClears.title', { count: queue.conflictedClears.length })}</h2>
          <p>{t('daily.conflictedClears.hint')}</p>
          <ul className="row conflicted-clears">
            {queue.conflictedClears.map((c) => (
              <li key={c.id}>
                <button type="button" className="button button-secondary" onClick={() => onOpenCase(c.id)}>
                  {c.caseNumber} · {c.name} · {deskLabel(c.deskCode, c.deskName)} · {time(c.openedAt)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <QueueFilters value={filter} onChange={(next) => setFilter((f) => ({ ...f, ...next }))} choices={queue?.choices ?? null} testIdPrefix="filter">
        <SelectField
          label={t('daily.conflicts')}
          value={filter.conflicted ? 'only' : ''}
          onChange={(e) => setFilter((f) => ({ ...f, conflicted: e.target.value === 'only' ? true : undefined }))}
          data-testid="filter-conflicts"
        >
          <option value="">{t('daily.any')}</option>
          <option value="only">{t('daily.conflicts.only')}</option>
        </SelectField>
      </QueueFilters>
      <CsvExportForm day={day} startHour={startHour} filter={filter} />
      {queue && (
        <p className="hint" data-testid="queue-shown">
          {t('daily.shown', { shown: queue.rows.length, total: queue.counts.holds })}
          {queue.truncated && ` ${t('daily.truncated')}`}
        </p>
      )}
      <div className="queue-table" role="table" aria-label={t('daily.list')} aria-rowcount={queue?.rows.length ?? 0}>
        <div className="queue-grid">
          <div className="queue-row queue-head" role="row">
            {header('openedAt', t('daily.col.openedAt'))}
            {header('caseNumber', t('daily.col.caseNumber'))}
            <span role="columnheader" className="queue-sort">{t('daily.col.name')}</span>
            {header('desk', t('daily.desk'))}
            {header('officer', t('daily.officer'))}
            {header('decision', t('daily.decision'))}
            {header('risk', t('daily.risk'))}
            {header('destination', t('daily.col.destination'))}
            {header('state', t('daily.state'))}
          </div>
          {queue && queue.rows.length === 0 ? (
            <p className="hint">{t('daily.empty')}</p>
          ) : (
            <VirtualRows
              items={queue?.rows ?? []}
              rowHeight={ROW_HEIGHT}
              height={LIST_HEIGHT}
              label={t('daily.list')}
              renderRow={(row, index) => (
                // A row of the table cannot itself be a button: a click anywhere on it opens the case, and the case
                // number is the button that opens it by keyboard (its click reaches the row).
                <div
                  role="row"
                  aria-rowindex={index + 1}
                  className={`queue-row queue-item state-${row.state}${row.conflicts > 0 ? ' has-conflict' : ''}`}
                  onClick={() => onOpenCase(row.id)}
                  data-testid="queue-row"
                >
                  <span role="cell">
                    {row.conflicts > 0 && (
                      <span className="conflict-mark" aria-hidden="true" title={t('daily.conflictMark')}>
                        ⚠{' '}
                      </span>
                    )}
                    {time(row.openedAt)}
                  </span>
                  <span role="cell" className="queue-nowrap">
                    <button type="button" className="queue-open">
                      {row.caseNumber}
                      {row.conflicts > 0 && (
                        <span className="visually-hidden" data-testid="row-conflict">
                          {' '}
                          {t('daily.conflictMark')}
                        </span>
                      )}
                    </button>
                  </span>
                  <span role="cell" className="queue-name">
                    {row.name}
                  </span>
                  <span role="cell" className="queue-desk" title={deskLabel(row.deskCode, row.deskName)}>
                    {row.deskCode}
                    <br />
                    {row.deskName}
                  </span>
                  <span role="cell">{row.officerName}</span>
                  <span role="cell">{t(`outcome.${row.decision}`)}</span>
                  <span role="cell" className={`risk-${row.riskLevel}`}>
                    {t(`case.risk.${row.riskLevel}`)}
                  </span>
                  <span role="cell">{row.destinationCountry ?? '—'}</span>
                  <span role="cell" className="queue-state">
                    {t(`daily.state.${row.state}`)}
                  </span>
                </div>
              )}
            />
          )}
        </div>
      </div>
    </main>
  );
}

/** The CSV export of the days from `first` to the shown day (a month at most), with the queue's filters. */
function CsvExportForm({ day, startHour, filter }: { day: string; startHour: number; filter: Filter }) {
  const { t } = useI18n();
  const [first, setFirst] = useState(day);
  const [fullNumbers, setFullNumbers] = useState(false);
  const exporting = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // Electron saves the file where the supervisor chooses. In the browser host the save picker comes first (while the
  // click still counts as the supervisor's), then the core makes the file and the page writes it; only a written file
  // is reported, and so audited. A cancelled picker records nothing.
  async function exportCsv() {
    const { sort: _sort, descending: _descending, ...filters } = filter;
    setDone(null);
    setSaveError(null);
    const input = { from: shiftWindow(first, startHour).from, to: shiftWindow(day, startHour).to, ...filters, fullDocumentNumbers: fullNumbers };
    if (shellSavesFiles) {
      const result = await exporting.run('review.exportCsv', input);
      if (!result.ok) return;
      const { fileName, rows, shellOutcome } = result.value;
      return setDone(shellOutcome === 'cancelled' ? t('daily.export.cancelled') : t('daily.export.done', { rows, fileName }));
    }
    const result = await saveThroughPicker(
      csvFileName(input.from, input.to),
      { description: 'CSV', mime: 'text/csv', extension: '.csv' },
      {
        picked: (name) => setDone(t('daily.export.making', { fileName: name })),
        make: async () => {
          const made = await exporting.run('review.exportCsv', input);
          if (!made.ok) return null;
          const { csv, exportId } = made.value;
          // A shell's answer has no text: this page cannot save it here.
          if (csv === null || exportId === null) {
            setSaveError(t('daily.export.noPicker'));
            return null;
          }
          return { bytes: new TextEncoder().encode(csv), made: exportId };
        },
        report: async (exportId, savedAs) => {
          const saved = await exporting.run('review.csvSaved', { exportId, savedAs });
          return saved.ok ? saved.value : null;
        },
      },
    );
    const said = pickerSaveWords(result, {
      noPicker: t('daily.export.noPicker'),
      cancelled: t('daily.export.cancelled'),
      writeFailed: (problem) => t('daily.export.writeFailed', { problem }),
      saved: ({ rows, fileName }) => t('daily.export.done', { rows, fileName }),
    });
    setDone(said.notice);
    if (said.error !== undefined) setSaveError(said.error);
  }
  return (
    <fieldset className="queue-filters" data-testid="csv-export">
      <legend>{t('daily.export.title')}</legend>
      <div className="form-grid">
        <DateField label={t('daily.export.from')} value={first} onChange={(iso) => iso && setFirst(iso)} />
        <div className="field">
          <span className="label">{t('daily.export.to')}</span>
          <strong>{day.split('-').reverse().join('/')}</strong>
        </div>
        <label className="choice">
          <input type="checkbox" checked={fullNumbers} onChange={(e) => setFullNumbers(e.target.checked)} data-testid="export-full-numbers" />
          {t('daily.export.fullNumbers')}
        </label>
        <div className="field">
          <button type="button" className="button button-secondary" onClick={() => void exportCsv()} disabled={exporting.busy} data-testid="export-csv">
            {t('daily.export.button')}
          </button>
        </div>
      </div>
      {(saveError ?? exporting.error) ? (
        <p className="banner banner-error" role="alert" data-testid="export-message">
          {saveError ?? exporting.error}
        </p>
      ) : (
        done && (
          <p className="hint" role="status" data-testid="export-message">
            {done}
          </p>
        )
      )}
    </fieldset>
  );
}
