// Owns the supervisor's report screen (issue 17 item 4): a day, a week or a month picked in a calendar, the queue's
// filters, the totals and every breakdown of review.report as a table beside the previous period and a chart.
// Laid out for the screen and, through its print rules, for an A4 page.
import { useEffect, useMemo, useState } from 'react';
import {
  REPORT_BREAKDOWNS,
  REPORT_PERIODS,
  type InputOf,
  type Officer,
  type ReportBreakdown,
  type ReportPeriod,
  type ReviewReport,
} from '../../../../shared/contract';
import { regencyName } from '../../../../shared/reference-data/areas';
import { reportFileName, reportWindow } from '../../../../shared/review/report-period';
import { DateField } from '../../components/DateInput';
import { Button, ErrorBanner, NoticeBanner, SelectField } from '../../components/Form';
import { QueueFilters } from '../../components/QueueFilters';
import { shellSavesFiles } from '../../lib/client';
import { pageSnapshot } from '../../lib/page-snapshot';
import { fromBase64, pickerSaveWords, saveThroughPicker } from '../../lib/save-file';
import { formatDate, formatDateTime, utcOffsetAt } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall } from '../../lib/use-call';
import { ColumnChart, HorizontalBarChart, type ChartRow } from './BarChart';
import { PeriodCalendar } from './PeriodCalendar';
import { keyLabel } from './report-labels';
import './report.css';

type Filters = Omit<InputOf<'review.report'>, 'period' | 'day' | 'utcOffset'>;
/** More bars than this make a chart unreadable on A4; the table beside it lists every category. */
const CHART_MAX_BARS = 10;

function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** This desk's offset from UTC on `day` (+07:00 in Palembang), so the report's days are the desk's days. */
export function deskOffset(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return utcOffsetAt(new Date(y, m - 1, d, 12));
}

/** The calendar days [from, to) of a window, as dd/mm/yyyy from the first to the last day. */
function dayRange(from: string, to: string, t: ReturnType<typeof useI18n>['t']): string {
  const last = new Date(Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return from.slice(0, 10) === last ? formatDate(last) : t('report.range', { from: formatDate(from), to: formatDate(last) });
}

export function ReportScreen({ officer }: { officer: Officer }) {
  const { t, language } = useI18n();
  const [period, setPeriod] = useState<ReportPeriod>('week');
  const [day, setDay] = useState(localToday);
  const [filters, setFilters] = useState<Filters>({});
  // The report on screen stays (with its filter choices) while the one for a new choice is made.
  const loaded = useCall('review.report', { period, day, utcOffset: deskOffset(day), ...filters }, { keepPrevious: true });
  const report = loaded.value;
  const [madeAt, setMadeAt] = useState(() => new Date().toISOString());
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => {
    if (report) setMadeAt(new Date().toISOString());
  }, [report]);
  const pdf = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  // The PDF is this page on A4. Electron saves it where the supervisor chooses. In the browser host the save picker
  // comes first (while the click still counts as the supervisor's), then the host's Chromium renders the page and
  // the page writes the file; only a written file is reported, and so audited. A cancelled picker records nothing.
  async function savePdf() {
    setNotice(null);
    setSaveError(null);
    const input = { period, day, utcOffset: deskOffset(day), ...filters };
    if (shellSavesFiles) {
      const result = await pdf.run('review.exportReportPdf', input);
      if (!result.ok) return;
      const { fileName, shellOutcome } = result.value;
      return setNotice(t(shellOutcome === 'saved' ? 'report.pdfSaved' : 'report.pdfCancelled', { fileName }));
    }
    const suggested = reportFileName(reportWindow(period, day, input.utcOffset));
    try {
      const result = await saveThroughPicker(
        suggested,
        { description: 'PDF', mime: 'application/pdf', extension: '.pdf' },
        {
          picked: (name) => {
            setSaving(true);
            setNotice(t('report.pdfMaking', { fileName: name }));
          },
          make: async () => {
            const made = await pdf.run('review.exportReportPdf', { ...input, page: pageSnapshot() });
            if (!made.ok) return null;
            const { pdf: bytes, exportId } = made.value;
            // A shell's answer has no bytes: this page cannot save it here.
            if (bytes === null || exportId === null) {
              setSaveError(t('report.pdfNoPicker'));
              return null;
            }
            return { bytes: fromBase64(bytes), made: exportId };
          },
          report: async (exportId, savedAs) => {
            const saved = await pdf.run('review.reportPdfSaved', { exportId, savedAs });
            return saved.ok ? saved.value : null;
          },
        },
      );
      const said = pickerSaveWords(result, {
        noPicker: t('report.pdfNoPicker'),
        cancelled: t('report.pdfCancelled'),
        writeFailed: (problem) => t('report.pdfWriteFailed', { problem }),
        saved: ({ fileName }) => t('report.pdfSaved', { fileName }),
      });
      setNotice(said.notice);
      if (said.error !== undefined) setSaveError(said.error);
    } finally {
      setSaving(false);
    }
  }

  const filterLine = useMemo(() => describeFilters(filters, report?.choices ?? null, t, language), [filters, report, t, language]);

  return (
    <main className="panel wide-panel report-screen" data-testid="report-screen">
      <style>{'@page { size: A4; margin: 12mm; }'}</style>
      <h1>{t('report.title')}</h1>
      <ErrorBanner text={saveError ?? pdf.error ?? loaded.error} />
      <NoticeBanner text={notice} />
      <div className="report-controls no-print">
        <div>
          <SelectField label={t('report.period')} value={period} onChange={(e) => setPeriod(e.target.value as ReportPeriod)} data-testid="report-period">
            {REPORT_PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`report.period.${p}`)}
              </option>
            ))}
          </SelectField>
          <DateField label={t('report.day')} value={day} onChange={(iso) => iso && setDay(iso)} />
        </div>
        <PeriodCalendar period={period} day={day} onPick={setDay} />
      </div>
      <QueueFilters
        value={filters}
        onChange={setFilters}
        choices={report?.choices ?? null}
        testIdPrefix="report-filter"
        className="no-print"
      />
      <div className="row no-print report-pdf">
        <Button variant="secondary" onClick={() => void savePdf()} disabled={!report || saving || pdf.busy} data-testid="report-pdf">
          {t('report.pdf')}
        </Button>
        <p className="hint">{t('report.pdfHint')}</p>
      </div>
      {report && (
        <>
          <section className="report-head" data-testid="report-head">
            <p data-testid="report-range">
              {t('report.rangeLine', { current: dayRange(report.from, report.to, t), previous: dayRange(report.previousFrom, report.previousTo, t) })}
            </p>
            <p>{t('report.filtersLine', { filters: filterLine })}</p>
            <p className="hint">{t('report.generated', { at: formatDateTime(madeAt, language), name: officer.name })}</p>
          </section>
          <section className="report-section" aria-labelledby="report-totals">
            <h2 id="report-totals">{t('report.totals')}</h2>
            <FigureTable
              testId="report-totals-table"
              rows={[
                { label: t('report.total.decided'), ...report.totals.decided },
                { label: t('report.total.holds'), ...report.totals.holds },
              ]}
            />
          </section>
          {REPORT_BREAKDOWNS.map((breakdown) => (
            <Breakdown key={breakdown} breakdown={breakdown} report={report} />
          ))}
        </>
      )}
    </main>
  );
}

function Breakdown({ breakdown, report }: { breakdown: ReportBreakdown; report: ReviewReport }) {
  const { t, language } = useI18n();
  const title = t(`report.breakdown.${breakdown}`);
  const rows: ChartRow[] = report.breakdowns[breakdown].map((c) => ({ label: keyLabel(breakdown, c.key, t, language, report.choices.desks), current: c.current, previous: c.previous }));
  // Every hour stays on the chart's axis; the table lists only the hours with a hold in either period.
  const listed = breakdown === 'hour' ? rows.filter((r) => r.current + r.previous > 0) : rows;
  const legend = { current: t('report.legend.current'), previous: t('report.legend.previous') };
  const id = `report-${breakdown}`;
  return (
    <section className="report-section" aria-labelledby={id} data-testid={`breakdown-${breakdown}`}>
      <h2 id={id}>{title}</h2>
      {listed.length === 0 ? (
        <p className="hint">{t('report.empty')}</p>
      ) : (
        <div className={breakdown === 'hour' ? 'report-figure report-figure-wide' : 'report-figure'}>
          <FigureTable rows={listed} />
          <div className="report-chart-box">
            {breakdown === 'hour' ? (
              <ColumnChart rows={rows} title={t('report.chart', { title })} legend={legend} testId={`chart-${breakdown}`} />
            ) : (
              <HorizontalBarChart rows={rows.slice(0, CHART_MAX_BARS)} title={t('report.chart', { title })} legend={legend} testId={`chart-${breakdown}`} />
            )}
            {breakdown !== 'hour' && rows.length > CHART_MAX_BARS && <p className="hint">{t('report.chartMore', { shown: CHART_MAX_BARS, total: rows.length })}</p>}
          </div>
        </div>
      )}
    </section>
  );
}

function FigureTable({ rows, testId }: { rows: readonly ChartRow[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <table className="table report-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('report.col.key')}</th>
          <th scope="col" className="num">
            {t('report.col.current')}
          </th>
          <th scope="col" className="num">
            {t('report.col.previous')}
          </th>
          <th scope="col" className="num">
            {t('report.col.change')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const change = row.current - row.previous;
          return (
            <tr key={`${row.label}-${i}`}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.current}</td>
              <td className="num">{row.previous}</td>
              <td className="num">{change > 0 ? `+${change}` : change === 0 ? '±0' : `−${-change}`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The filters in force, as the report's page says them (and the audit records them). */
function describeFilters(
  filters: Filters,
  choices: ReviewReport['choices'] | null,
  t: ReturnType<typeof useI18n>['t'],
  language: ReturnType<typeof useI18n>['language'],
): string {
  const parts: string[] = [];
  if (filters.desk) parts.push(`${t('daily.desk')}: ${keyLabel('desk', filters.desk, t, language, choices?.desks)}`);
  if (filters.officer) {
    const name = choices?.officers.find((o) => o.number === filters.officer)?.name;
    parts.push(`${t('daily.officer')}: ${name ? `${name} (${filters.officer})` : filters.officer}`);
  }
  if (filters.agency) parts.push(`${t('daily.agency')}: ${t(`agency.${filters.agency}`)}`);
  if (filters.decision) parts.push(`${t('daily.decision')}: ${t(`outcome.${filters.decision}`)}`);
  if (filters.riskLevel) parts.push(`${t('daily.risk')}: ${t(`case.risk.${filters.riskLevel}`)}`);
  if (filters.destinationCountry) parts.push(`${t('daily.destination')}: ${keyLabel('destination', filters.destinationCountry, t, language)}`);
  if (filters.originRegency) parts.push(`${t('daily.regency')}: ${regencyName(filters.originRegency) ?? filters.originRegency}`);
  if (filters.state) parts.push(`${t('daily.state')}: ${t(`daily.state.${filters.state}`)}`);
  return parts.length > 0 ? parts.join(' · ') : t('report.noFilters');
}
