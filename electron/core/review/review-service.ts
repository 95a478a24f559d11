// Owns the rules of the supervisors' review (issue 17): the daily queue of holds from every desk this desk holds,
// the review of one hold, the countersignature with the password typed again, supervisor notes, what became of
// the traveller and the sign-off. Each change is an event of the catalogue, projected in the same transaction,
// so it syncs like the rest; each rule is checked inside that transaction, so parallel calls cannot both pass.
import {
  fail,
  ok,
  QUEUE_MAX_ROWS,
  REVIEW_STATES,
  type CallResult,
  type Officer,
  type ParsedInputOf,
  type CsvExport,
  type ExportFilter,
  type FilterChoices,
  type HoldFilters,
  type QueueFilter,
  type QueueRow,
  type ReviewDetail,
  type ReviewQueue,
  type ReportFilter,
  type ReviewReport,
  type ReportPdf,
} from '../../../shared/contract';
import { REPORT_BREAKDOWNS, type ReportBreakdown, type ReportCount } from '../../../shared/contract';
import { csvFileName, reportFileName, reportWindow } from '../../../shared/review/report-period';
import type { EventPayloadInput, EventType } from '../../../shared/events/catalogue';
import type { AuditLog } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import type { CaseRow } from '../cases/case-repository';
import type { Db } from '../db/connection';
import type { EventStore } from '../events/event-store';
import type { OfficerService } from '../officers/officer-service';
import type { PagePdfRenderer, ShellCapabilities } from '../types';
import { holdsCsv } from './csv-export';
import { PendingExports } from './pending-exports';
import { HOUR_KEYS, ReportCounter, countingWay, type PeriodCounts, type Tally } from './report-counts';
import { ReviewRepository, isHold } from './review-repository';

/** A recorded outcome may lie a little ahead of this desk's clock (another desk's clock, a slow hand). */
const OUTCOME_CLOCK_SLACK_MS = 5 * 60_000;
const RISK_ORDER = { low: 0, medium: 1, high: 2 } as const;

export class ReviewService {
  readonly repository: ReviewRepository;
  // One store per kind, so that a PDF's id cannot be reported as a saved CSV nor the other way round.
  private readonly pendingPdfs: PendingExports<Record<string, unknown>>;
  private readonly pendingCsvs: PendingExports<{ rows: number } & Record<string, unknown>>;

  constructor(
    private readonly db: Db,
    private readonly events: EventStore,
    private readonly audit: AuditLog,
    private readonly cases: CaseService,
    private readonly officers: OfficerService,
    private readonly now: () => Date,
    private readonly shell: ShellCapabilities | null = null,
    private readonly pagePdf: PagePdfRenderer | null = null,
  ) {
    this.repository = new ReviewRepository(db);
    this.pendingPdfs = new PendingExports(now);
    this.pendingCsvs = new PendingExports(now);
  }

  /** Every hold opened in the window, counted, filtered and sorted; showing it is audited with its filter. */
  queue(filter: QueueFilter, viewer: Officer): ReviewQueue {
    const [fromUtc, toUtc] = [new Date(filter.from).toISOString(), new Date(filter.to).toISOString()];
    const all = this.repository.holdsBetween(fromUtc, toUtc);
    const counts = {
      holds: all.length,
      tunda: all.filter((row) => row.decision === 'tunda').length,
      referred: all.filter((row) => row.decision.startsWith('refer_')).length,
      passportActions: all.filter((row) => row.decision === 'passport_action').length,
      awaitingCountersignature: all.filter((row) => row.state === 'awaiting_countersignature').length,
      notSignedOff: all.filter((row) => row.signedOffAt === null).length,
      conflicts: all.filter((row) => row.conflicts > 0).length,
    };
    const matching = all.filter((row) => matches(row, filter) && (filter.conflicted !== true || row.conflicts > 0));
    matching.sort(comparator(filter.sort, filter.descending));
    const { from, to, sort, descending, ...filters } = filter;
    this.audit.append(viewer.officerNumber, 'review.queue_viewed', { from, to, filters, sort, descending, rows: matching.length });
    return {
      counts,
      rows: matching.slice(0, QUEUE_MAX_ROWS),
      truncated: matching.length > QUEUE_MAX_ROWS,
      conflictedClears: this.repository.conflictedClearsBetween(fromUtc, toUtc),
      choices: choicesOf(all),
    };
  }

  /**
   * The holds of up to a month that pass the filters, as a CSV file. Electron's shell saves it where the supervisor
   * chooses. The browser host cannot see where, or whether, the page saves it: the text goes to the page, which
   * writes it where the supervisor chose and says so (csvSaved), which is when it is audited. Audited with who, the
   * window, the filters, the rows and whether document numbers were in full; a cancelled save leaves nothing.
   */
  async exportCsv(filter: ExportFilter, viewer: Officer): Promise<CallResult<CsvExport>> {
    const { from, to, fullDocumentNumbers, ...filters } = filter;
    const holds = this.repository.exportBetween(new Date(from).toISOString(), new Date(to).toISOString()).filter((row) => matches(row, filters));
    const csv = holdsCsv(holds, fullDocumentNumbers);
    const fileName = csvFileName(from, to);
    const detail = { from, to, filters, fullDocumentNumbers, rows: holds.length, fileName };
    if (!this.shell) {
      const exportId = this.pendingCsvs.add(viewer.officerNumber, detail);
      return ok({ fileName, rows: holds.length, csv, shellOutcome: null, exportId });
    }
    const saved = await this.shell.saveFile(fileName, Buffer.from(csv, 'utf8'), { name: 'CSV', extensions: ['csv'] });
    if (saved) this.audit.append(viewer.officerNumber, 'review.csv_exported', detail);
    return ok({ fileName, rows: holds.length, csv: null, shellOutcome: saved ? 'saved' : 'cancelled', exportId: null });
  }

  /**
   * The browser host's page wrote a CSV made for this supervisor where they chose: audited now, with what was
   * exported (not what the page says) and the name given. Each export is audited once.
   */
  csvSaved(exportId: string, savedAs: string, viewer: Officer): CallResult<{ fileName: string; rows: number }> {
    const detail = this.pendingCsvs.take(exportId, viewer.officerNumber);
    if (!detail) return fail('not_found', 'No CSV made for you is waiting to be saved under this id.', { field: 'exportId', reason: 'csvExportUnknown' });
    this.audit.append(viewer.officerNumber, 'review.csv_exported', { ...detail, savedAs });
    return ok({ fileName: savedAs, rows: detail.rows });
  }

  /**
   * The report of a day, week or month beside the period before it: decided cases, and the holds that pass the
   * filters counted by each breakdown. Showing it is audited with the period and the filters.
   */
  report(filter: ReportFilter, viewer: Officer): ReviewReport {
    const { period, day, utcOffset, ...filters } = filter;
    const window = reportWindow(period, day, utcOffset);
    const utc = (instant: string) => new Date(instant).toISOString();
    const counter = new ReportCounter(this.repository, utcOffset);
    const way = countingWay(filters, utcOffset);
    const count = (from: string, to: string) =>
      way === 'days' ? counter.fromDays(utc(from), utc(to))
      : way === 'daysFiltered' ? counter.fromDaysFiltered(utc(from), utc(to), filters)
      : counter.fromRows(utc(from), utc(to), (hold) => matches(hold, filters));
    const current = count(window.from, window.to);
    const previous = count(window.previousFrom, window.previousTo);
    const breakdowns = Object.fromEntries(
      REPORT_BREAKDOWNS.map((name) => {
        const counts = besideEachOther(current.breakdowns[name], previous.breakdowns[name]);
        // Every hour is shown, in order, so the chart's axis is the day; the rest lead with the biggest now.
        if (name === 'hour') {
          const byHour = new Map(counts.map((c) => [c.key, c]));
          return [name, HOUR_KEYS.map((key) => byHour.get(key) ?? { key, current: 0, previous: 0 })];
        }
        return [name, counts.sort((a, b) => b.current - a.current || b.previous - a.previous || (a.key ?? '~').localeCompare(b.key ?? '~'))];
      }),
    ) as Record<ReportBreakdown, ReportCount[]>;
    const report: ReviewReport = {
      period,
      ...window,
      totals: {
        decided: { current: current.decided, previous: previous.decided },
        holds: { current: current.holds, previous: previous.holds },
      },
      breakdowns,
      // Before the filters, so picking one does not hide the other choices; both periods, as the tables show both.
      choices: this.reportChoices(current, previous, utc(window.previousFrom), utc(window.to)),
    };
    this.audit.append(viewer.officerNumber, 'review.report_viewed', { period, from: window.from, to: window.to, filters, holds: current.holds });
    return report;
  }

  /** The report's filter lists from both periods; a desk or officer seen under several names is named by its latest hold. */
  private reportChoices(current: PeriodCounts, previous: PeriodCounts, from: string, to: string): FilterChoices {
    const sorted = (a: Set<string>, b: Set<string>) => [...new Set([...a, ...b])].sort();
    const merged = (a: Map<string, Set<string>>, b: Map<string, Set<string>>) => {
      const all = new Map<string, Set<string>>();
      for (const [key, names] of [...a, ...b]) all.set(key, new Set([...(all.get(key) ?? []), ...names]));
      return all;
    };
    const officers = merged(current.officers, previous.officers);
    return {
      desks: [...merged(current.desks, previous.desks)]
        .map(([code, names]) => ({ code, name: names.size === 1 ? [...names][0]! : (this.repository.deskNameAt(code, from, to) ?? [...names][0]!) }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      officers: [...officers]
        .map(([number, names]) => ({ number, name: names.size === 1 ? [...names][0]! : (this.repository.officerNameAt(number, from, to) ?? [...names][0]!) }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.number.localeCompare(b.number)),
      destinations: sorted(current.destinations, previous.destinations),
      regencies: sorted(current.regencies, previous.regencies),
    };
  }

  /**
   * The report shown on screen, as an A4 PDF. Electron's shell saves its page where the supervisor chooses. The
   * browser host cannot know where, or whether, the page saves a file: its Chromium renders the page the screen sent,
   * and the page writes it where the supervisor chose and says so (reportPdfSaved), which is when it is audited.
   * Audited with who, the period and the filters; a cancelled save is not. The report holds counts only: no
   * document number, so nothing to mask.
   */
  async exportReportPdf(input: ParsedInputOf<'review.exportReportPdf'>, viewer: Officer): Promise<CallResult<ReportPdf>> {
    const { period, day, utcOffset, page, ...filters } = input;
    const window = reportWindow(period, day, utcOffset);
    const fileName = reportFileName(window);
    const detail = { period, from: window.from, to: window.to, filters, fileName };
    if (this.shell) {
      const saved = await this.shell.savePagePdf(fileName);
      if (saved) this.audit.append(viewer.officerNumber, 'review.report_pdf_exported', detail);
      return ok({ fileName, shellOutcome: saved ? 'saved' : 'cancelled', pdf: null, exportId: null });
    }
    if (!this.pagePdf) return fail('conflict', 'This desk cannot make a PDF here.', { reason: 'pdfUnavailable' });
    if (page === undefined) return fail('invalid_input', 'Send the report page to render.', { field: 'page', reason: 'pdfPageMissing' });
    let pdf: Uint8Array;
    try {
      pdf = await this.pagePdf(page);
    } catch (error) {
      console.error('[review] the report PDF could not be rendered:', error);
      return fail('internal', 'The PDF could not be made; try again.', { reason: 'pdfRenderFailed' });
    }
    const exportId = this.pendingPdfs.add(viewer.officerNumber, detail);
    return ok({ fileName, shellOutcome: null, pdf: Buffer.from(pdf).toString('base64'), exportId });
  }

  /**
   * The browser host's page wrote a report PDF rendered for this supervisor where they chose: audited now, with what
   * was rendered (not what the page says) and the name given. Each rendered PDF is audited once.
   */
  reportPdfSaved(exportId: string, savedAs: string, viewer: Officer): CallResult<{ fileName: string }> {
    const detail = this.pendingPdfs.take(exportId, viewer.officerNumber);
    if (!detail) return fail('not_found', 'No PDF made for you is waiting to be saved under this id.', { field: 'exportId', reason: 'pdfExportUnknown' });
    this.audit.append(viewer.officerNumber, 'review.report_pdf_exported', { ...detail, savedAs });
    return ok({ fileName: savedAs });
  }

  /** The whole case with its review; showing it is audited (by the case service). */
  detail(caseId: string, viewer: Officer): CallResult<ReviewDetail> {
    const shown = this.cases.get(caseId, viewer);
    if (!shown.ok) return shown;
    return ok(this.assemble(shown.value.id));
  }

  /** Countersigns a passport action after checking the supervisor's password again (wrong ones count to the lockout). */
  async countersign(caseId: string, password: string, supervisor: Officer): Promise<CallResult<ReviewDetail>> {
    const checked = await this.officers.authenticate(supervisor.officerNumber, password);
    if (!checked.ok) return checked;
    const signed = this.cases.countersign(caseId, supervisor);
    if (!signed.ok) return signed;
    return ok(this.assemble(caseId));
  }

  recordOutcome(input: ParsedInputOf<'review.recordOutcome'>, supervisor: Officer): CallResult<ReviewDetail> {
    const at = this.now();
    return this.step(input.caseId, supervisor, at, 'case.traveller_outcome_recorded', (row) => {
      if (row.signed_off_at !== null) return fail('conflict', 'This hold is signed off; its outcome stays as signed.', { reason: 'alreadySignedOff' });
      if (input.outcome === 'other' && input.note.length === 0) {
        return fail('invalid_input', 'An outcome of "other" needs a note that says what happened.', { field: 'note', reason: 'outcomeNoteRequired' });
      }
      const decidedAt = row.decided_at === null ? null : Date.parse(row.decided_at);
      // No time given: it happened now, as recorded. A decision stamped by a desk whose clock runs ahead may lie after
      // this desk's now; the outcome then takes the decision's time, so the default is never refused.
      if (input.happenedAt === undefined) {
        const happenedAt = new Date(Math.max(at.getTime(), decidedAt ?? 0)).toISOString();
        return ok({ outcome: input.outcome, happenedAt, note: input.note, officerName: supervisor.name });
      }
      const happened = Date.parse(input.happenedAt);
      // The screen gives times to the minute: an outcome in the decision's own minute is not before it.
      if (decidedAt !== null && happened < Math.floor(decidedAt / 60_000) * 60_000) {
        return fail('invalid_input', 'The outcome cannot come before the decision.', { field: 'happenedAt', reason: 'outcomeBeforeDecision' });
      }
      if (happened > at.getTime() + OUTCOME_CLOCK_SLACK_MS) {
        return fail('invalid_input', 'The outcome cannot lie in the future.', { field: 'happenedAt', reason: 'outcomeInFuture' });
      }
      return ok({ outcome: input.outcome, happenedAt: new Date(happened).toISOString(), note: input.note, officerName: supervisor.name });
    });
  }

  addNote(input: ParsedInputOf<'review.addNote'>, supervisor: Officer): CallResult<ReviewDetail> {
    return this.step(input.caseId, supervisor, this.now(), 'case.supervisor_noted', () => ok({ note: input.note, officerName: supervisor.name }));
  }

  signOff(caseId: string, supervisor: Officer): CallResult<ReviewDetail> {
    return this.step(caseId, supervisor, this.now(), 'case.signed_off', (row) => {
      if (row.signed_off_at !== null) {
        return fail('conflict', `This hold was signed off by ${row.signed_off_by_name ?? row.signed_off_by}.`, { reason: 'alreadySignedOff' });
      }
      if (row.traveller_outcome === null) {
        return fail('conflict', 'Record what became of the traveller before signing off.', { reason: 'outcomeRequired' });
      }
      if (row.decided_by === supervisor.officerNumber) {
        return fail('forbidden', 'A supervisor does not sign off their own decision.', { reason: 'signOffOwnDecision' });
      }
      return ok({ officerName: supervisor.name });
    });
  }

  /**
   * One review step on a hold: the rules common to every step, then the step's own (`payload`), then its event,
   * projection and audit entry, all in one immediate transaction.
   */
  private step<T extends 'case.traveller_outcome_recorded' | 'case.supervisor_noted' | 'case.signed_off'>(
    caseId: string,
    supervisor: Officer,
    at: Date,
    type: T,
    payload: (row: CaseRow) => CallResult<EventPayloadInput<T>>,
  ): CallResult<ReviewDetail> {
    return this.db.transaction((): CallResult<ReviewDetail> => {
      const row = this.cases.repository.byId(caseId);
      if (!row) return fail('not_found', 'This desk has no such case.', { field: 'caseId', reason: 'caseNotHere' });
      if (!isHold(row.decision)) return fail('conflict', 'Only a hold (a decision other than clear) is reviewed.', { reason: 'notAHold' });
      if (row.status === 'awaiting_countersignature' && type !== 'case.supervisor_noted') {
        return fail('conflict', 'Countersign the passport action first: it is not in force until then.', { reason: 'awaitingCountersignature' });
      }
      const made = payload(row);
      if (!made.ok) return made;
      this.cases.projector.apply(this.events.append(type, row.id, supervisor.officerNumber, at.toISOString(), made.value));
      this.audit.append(supervisor.officerNumber, auditAction(type), { caseId: row.id, caseNumber: row.case_number });
      return ok(this.assemble(row.id));
    }).immediate();
  }

  private assemble(caseId: string): ReviewDetail {
    const detail = this.cases.peek(caseId);
    const row = this.cases.repository.byId(caseId);
    if (!detail || !row) throw new Error(`case ${caseId} vanished during its review`);
    return {
      case: detail,
      signedOff: row.signed_off_at ? { at: row.signed_off_at, by: row.signed_off_by ?? '', byName: row.signed_off_by_name ?? '' } : null,
      travellerOutcome:
        row.traveller_outcome && row.traveller_outcome_recorded_at
          ? {
              outcome: row.traveller_outcome as NonNullable<ReviewDetail['travellerOutcome']>['outcome'],
              happenedAt: row.traveller_outcome_happened_at ?? row.traveller_outcome_recorded_at,
              note: row.traveller_outcome_note ?? '',
              recordedAt: row.traveller_outcome_recorded_at,
              by: row.traveller_outcome_by ?? '',
              byName: row.traveller_outcome_by_name ?? '',
            }
          : null,
      notes: this.cases.repository.supervisorNotes(caseId).map((n) => ({ at: n.at, by: n.author, byName: n.author_name, note: n.note })),
      prints: this.events.ofCase(caseId, 'slip.printed').map(({ at, officerNumber, payload }) => ({ at, officerNumber, ...payload })),
    };
  }
}

/** Whether a hold passes the queue's (and the export's) filters. */
function matches(row: Pick<QueueRow, 'deskCode' | 'officerNumber' | 'agency' | 'decision' | 'riskLevel' | 'destinationCountry' | 'originRegency' | 'state'>, filter: HoldFilters): boolean {
  return (
    (filter.desk === undefined || row.deskCode === filter.desk) &&
    (filter.officer === undefined || row.officerNumber === filter.officer) &&
    (filter.agency === undefined || row.agency === filter.agency) &&
    (filter.decision === undefined || row.decision === filter.decision) &&
    (filter.riskLevel === undefined || row.riskLevel === filter.riskLevel) &&
    (filter.destinationCountry === undefined || row.destinationCountry === filter.destinationCountry) &&
    (filter.originRegency === undefined || row.originRegency === filter.originRegency) &&
    (filter.state === undefined || row.state === filter.state)
  );
}

/** The desks, officers (who decided), destinations and regencies that a window's holds carry, for the filter lists. */
function choicesOf(
  holds: readonly Pick<QueueRow, 'openedAt' | 'deskCode' | 'deskName' | 'officerNumber' | 'officerName' | 'destinationCountry' | 'originRegency'>[],
): FilterChoices {
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort();
  const officers = new Map(holds.map((row) => [row.officerNumber, row.officerName]));
  // A desk by its code, under the name on its latest hold (a desk may have been renamed during the window).
  const desks = new Map<string, { name: string; openedAt: string }>();
  for (const row of holds) {
    const known = desks.get(row.deskCode);
    if (!known || known.openedAt < row.openedAt) desks.set(row.deskCode, { name: row.deskName, openedAt: row.openedAt });
  }
  return {
    desks: [...desks].map(([code, { name }]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    officers: [...officers].map(([number, name]) => ({ number, name })).sort((a, b) => a.name.localeCompare(b.name) || a.number.localeCompare(b.number)),
    destinations: distinct(holds.map((row) => row.destinationCountry)),
    regencies: distinct(holds.map((row) => row.originRegency)),
  };
}

/** One breakdown's counts of the period and of the one before it, key by key. */
function besideEachOther(current: Tally, previous: Tally): ReportCount[] {
  const counts = new Map<string | null, ReportCount>();
  for (const [key, n] of current) counts.set(key, { key, current: n, previous: 0 });
  for (const [key, n] of previous) {
    const count = counts.get(key);
    if (count) count.previous = n;
    else counts.set(key, { key, current: 0, previous: n });
  }
  return [...counts.values()];
}

function auditAction(type: EventType): string {
  return { 'case.traveller_outcome_recorded': 'review.outcome_recorded', 'case.supervisor_noted': 'review.noted', 'case.signed_off': 'review.signed_off' }[
    type as 'case.signed_off'
  ];
}

function comparator(key: QueueFilter['sort'], descending: boolean): (a: QueueRow, b: QueueRow) => number {
  const text = (pick: (row: QueueRow) => string | null) => (a: QueueRow, b: QueueRow) => (pick(a) ?? '').localeCompare(pick(b) ?? '');
  const primary: Record<QueueFilter['sort'], (a: QueueRow, b: QueueRow) => number> = {
    openedAt: text((row) => row.openedAt),
    caseNumber: text((row) => row.caseNumber),
    desk: text((row) => row.deskCode),
    officer: text((row) => row.officerName),
    decision: text((row) => row.decision),
    destination: text((row) => row.destinationCountry),
    risk: (a, b) => RISK_ORDER[a.riskLevel] - RISK_ORDER[b.riskLevel],
    state: (a, b) => REVIEW_STATES.indexOf(a.state) - REVIEW_STATES.indexOf(b.state),
  };
  const sign = descending ? -1 : 1;
  // Ties keep the order of the day, so a sorted list does not shuffle between refreshes.
  return (a, b) => sign * primary[key](a, b) || a.openedAt.localeCompare(b.openedAt) || a.caseNumber.localeCompare(b.caseNumber);
}
