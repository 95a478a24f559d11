// Owns the review's reads of the case tables: the holds of a time window as queue rows, and with the columns the
// CSV export adds. No rules here.
import { HOLD_DECISIONS, OUTCOMES, type HoldFilters, type QueueRow } from '../../../shared/contract';
import { deskKeyOf } from '../../../shared/cases/case-number';
import type { Db } from '../db/connection';

interface QueueDbRow {
  id: string;
  case_number: string;
  opened_at: string;
  desk_name: string;
  officer_number: string;
  officer_name: string;
  decided_by_agency: string | null;
  decision: string;
  status: string;
  risk_level: string | null;
  destination_country: string | null;
  origin_regency: string | null;
  primary_name: string;
  secondary_name: string;
  document_number: string;
  traveller_outcome: string | null;
  signed_off_at: string | null;
  signed_off_by_name: string | null;
  conflicts: number;
}

/** Every filter a hold can be counted under, as the counting query names its parameters. */
const HOLD_FILTER_NAMES = ['desk', 'officer', 'agency', 'decision', 'riskLevel', 'destinationCountry', 'originRegency', 'state'] as const satisfies readonly (keyof HoldFilters)[];

/** What the CSV export shows beyond a queue row. */
export interface ExportHold extends QueueRow {
  surname: string;
  givenNames: string;
  nationality: string | null;
  birthDate: string | null;
  originProvince: string | null;
  outcomeHappenedAt: string | null;
  signedOffBy: string | null;
}
interface ExportDbRow extends QueueDbRow {
  nationality: string | null;
  birth_date: string | null;
  origin_province: string | null;
  traveller_outcome_happened_at: string | null;
  signed_off_by: string | null;
}
// The officer a hold is counted and filtered under: who decided it (who opened it, before a decision).
const OFFICER_NUMBER = 'coalesce(decided_by, opened_by) AS officer_number';
const OFFICER_NAME = 'coalesce(decided_by_name, opened_by_name) AS officer_name';
const QUEUE_COLUMNS = `id, case_number, opened_at, desk_name, ${OFFICER_NUMBER}, ${OFFICER_NAME}, decided_by_agency,
  decision, status, risk_level, destination_country, origin_regency, primary_name,
  secondary_name, document_number, traveller_outcome, signed_off_at, signed_off_by_name,
  (SELECT count(*) FROM case_conflicts WHERE case_conflicts.case_id = cases.id) AS conflicts`;
/** What the report counts and filters a hold by. */
export type ReportHold = Pick<
  QueueRow,
  'openedAt' | 'deskCode' | 'deskName' | 'officerNumber' | 'officerName' | 'agency' | 'decision' | 'state' | 'riskLevel' | 'destinationCountry' | 'originRegency'
> & {
  /** The distinct ids of the indicators its interview raised. */
  indicators: string[];
};
/** A row of the report's query, in the order of its columns (read as arrays: a month is thousands of rows). */
type ReportDbRow = [
  openedAt: string,
  decision: string,
  caseNumber: string,
  deskName: string,
  officerNumber: string,
  officerName: string,
  agency: string | null,
  destinationCountry: string | null,
  originRegency: string | null,
  status: string,
  signedOffAt: string | null,
  travellerOutcome: string | null,
  riskLevel: string | null,
  indicatorIds: string | null,
];
const EXPORT_COLUMNS = `${QUEUE_COLUMNS}, nationality, birth_date, origin_province, traveller_outcome_happened_at, signed_off_by`;

/** Whether a decision holds the traveller (anything but clear, once decided). */
export function isHold(decision: string | null): boolean {
  return decision !== null && (HOLD_DECISIONS as readonly string[]).includes(decision);
}

/** Where a hold stands in the review, from its row. */
export function reviewState(row: { status: string; signed_off_at: string | null; traveller_outcome: string | null }): QueueRow['state'] {
  if (row.status === 'awaiting_countersignature') return 'awaiting_countersignature';
  if (row.signed_off_at !== null) return 'signed_off';
  if (row.traveller_outcome === null) return 'no_outcome';
  return 'not_signed_off';
}

/**
 * reviewState in SQL over a row of cases, for counting with a state filter inside the database. The same rule as
 * above: the report's integration test holds the two against each other for every state.
 */
const REVIEW_STATE_SQL = `CASE WHEN status = 'awaiting_countersignature' THEN 'awaiting_countersignature' WHEN signed_off_at IS NOT NULL THEN 'signed_off'
  WHEN traveller_outcome IS NULL THEN 'no_outcome' ELSE 'not_signed_off' END`;

export class ReviewRepository {
  private readonly holds;
  private readonly exportHolds;
  private readonly reportHolds;
  private readonly reportDays;
  private readonly latestOfficerName;
  private readonly latestDeskName;
  private readonly filteredCounts;
  private readonly decided;
  private readonly conflictedClears;

  constructor(db: Db) {
    // One index range per hold decision on cases_decision (decision, opened_at): a day among a million cases
    // reads only that day's holds.
    const holdsOf = (columns: string) => `
      SELECT ${columns}
      FROM cases
      WHERE decision IN (${HOLD_DECISIONS.map((d) => `'${d}'`).join(', ')}) AND opened_at >= ? AND opened_at < ?`;
    this.holds = db.prepare(holdsOf(QUEUE_COLUMNS));
    this.exportHolds = db.prepare(`${holdsOf(EXPORT_COLUMNS)} ORDER BY opened_at, case_number`);
    // Only columns of cases_report (migration 11), which holds no other rows than the holds, ordered by opening:
    // naming it makes a change that stops it serving the report (a column it lacks, a hold list that drifts from its
    // WHERE) an error here rather than a slow report.
    this.reportHolds = db
      .prepare(
        `SELECT opened_at, decision, case_number, desk_name, ${OFFICER_NUMBER}, ${OFFICER_NAME}, decided_by_agency, destination_country, origin_regency,
           status, signed_off_at, traveller_outcome, risk_level, indicator_ids
         FROM cases INDEXED BY cases_report
         WHERE decision IN (${HOLD_DECISIONS.map((d) => `'${d}'`).join(', ')}) AND opened_at >= ? AND opened_at < ?`,
      )
      .raw();
    // report_days (migration 13) summed over whole UTC days: a month is some 31 days of a few hundred keys each.
    this.reportDays = db.prepare('SELECT breakdown, key, sum(cases) FROM report_days WHERE day >= ? AND day < ? GROUP BY breakdown, key').raw();
    // The holds of a window that pass the filters (a filter not given is null), counted by each breakdown inside the
    // database along cases_report: only counts leave SQLite, not a month of rows. A desk is the code its case numbers
    // carry (deskKeyOf, as migration 13 keys it); the hour of day is at @offset minutes from UTC; indicators as the
    // sets the holds raised (a JSON array each), few and counted per id by the caller: json_each over every hold cost
    // more than the rest of the query together.
    this.filteredCounts = db
      .prepare(
        `WITH held AS MATERIALIZED (
           SELECT opened_at, decision, substr(case_number, 1, length(case_number) - 12) AS desk_code, decided_by_agency, destination_country, origin_regency, indicator_ids
           FROM cases INDEXED BY cases_report
           WHERE decision IN (${HOLD_DECISIONS.map((d) => `'${d}'`).join(', ')}) AND opened_at >= @from AND opened_at < @to
             AND (@desk IS NULL OR substr(case_number, 1, length(case_number) - 12) = @desk) AND (@officer IS NULL OR coalesce(decided_by, opened_by) = @officer)
             AND (@agency IS NULL OR decided_by_agency = @agency) AND (@decision IS NULL OR decision = @decision)
             AND (@riskLevel IS NULL OR coalesce(risk_level, 'low') = @riskLevel)
             AND (@destinationCountry IS NULL OR destination_country = @destinationCountry)
             AND (@originRegency IS NULL OR origin_regency = @originRegency) AND (@state IS NULL OR ${REVIEW_STATE_SQL} = @state))
         SELECT 'decision', decision, count(*) FROM held GROUP BY 2
         UNION ALL SELECT 'destination', destination_country, count(*) FROM held GROUP BY 2
         UNION ALL SELECT 'agency', decided_by_agency, count(*) FROM held GROUP BY 2
         UNION ALL SELECT 'desk', desk_code, count(*) FROM held GROUP BY 2
         UNION ALL SELECT 'hour', (CAST(substr(opened_at, 12, 2) AS INTEGER) * 60 + CAST(substr(opened_at, 15, 2) AS INTEGER) + CAST(@offset AS INTEGER) + 1440) % 1440 / 60, count(*) FROM held GROUP BY 2
         UNION ALL SELECT 'regency', origin_regency, count(*) FROM held GROUP BY 2
         UNION ALL SELECT 'indicatorSet', indicator_ids, count(*) FROM held GROUP BY 2`,
      )
      .raw();
    // The name on an officer's latest hold of a window, read backwards along cases_report from its end.
    // The name on a desk's latest hold of a window: its case numbers are the range [code-, code-~) of cases_report.
    this.latestDeskName = db
      .prepare(
        `SELECT desk_name FROM cases INDEXED BY cases_report
         WHERE decision IN (${HOLD_DECISIONS.map((d) => `'${d}'`).join(', ')}) AND opened_at >= ? AND opened_at < ? AND case_number >= ? AND case_number < ?
         ORDER BY opened_at DESC, case_number DESC LIMIT 1`,
      )
      .pluck();
    this.latestOfficerName = db
      .prepare(
        `SELECT ${OFFICER_NAME} FROM cases INDEXED BY cases_report
         WHERE decision IN (${HOLD_DECISIONS.map((d) => `'${d}'`).join(', ')}) AND opened_at >= ? AND opened_at < ? AND coalesce(decided_by, opened_by) = ?
         ORDER BY opened_at DESC, case_number DESC LIMIT 1`,
      )
      .pluck();
    // Every decided case, clears included, counted inside cases_decision (decision, opened_at), one range per
    // decision, without reading a row: a month is some 40,000 cases on a busy desk.
    // Clears of the window (one index range) that carry a sync conflict: few, and each found by the conflicts' index.
    this.conflictedClears = db.prepare(
      `SELECT id, case_number, opened_at, desk_name, primary_name, secondary_name FROM cases
       WHERE decision = 'clear' AND opened_at >= ? AND opened_at < ? AND EXISTS (SELECT 1 FROM case_conflicts c WHERE c.case_id = cases.id)
       ORDER BY opened_at, case_number`,
    );
    this.decided = db
      .prepare(`SELECT count(*) FROM cases WHERE decision IN (${OUTCOMES.map((d) => `'${d}'`).join(', ')}) AND opened_at >= ? AND opened_at < ?`)
      .pluck();
  }

  /** The holds opened in [from, to) with what the CSV export shows, oldest first. */
  exportBetween(from: string, to: string): ExportHold[] {
    return (this.exportHolds.all(from, to) as ExportDbRow[]).map((row) => ({
      ...queueRow(row),
      surname: row.primary_name,
      givenNames: row.secondary_name,
      nationality: row.nationality,
      birthDate: row.birth_date,
      originProvince: row.origin_province,
      outcomeHappenedAt: row.traveller_outcome_happened_at,
      signedOffBy: row.signed_off_by,
    }));
  }

  /** The holds opened in [from, to) with the indicators their interviews raised, in no particular order. */
  reportBetween(from: string, to: string): ReportHold[] {
    return (this.reportHolds.all(from, to) as ReportDbRow[]).map(
      ([openedAt, decision, caseNumber, deskName, officerNumber, officerName, agency, destinationCountry, originRegency, status, signedOffAt, travellerOutcome, riskLevel, indicatorIds]) => ({
        openedAt,
        deskCode: deskKeyOf(caseNumber),
        deskName,
        officerNumber,
        officerName,
        agency: agency as QueueRow['agency'],
        decision: decision as QueueRow['decision'],
        state: reviewState({ status, signed_off_at: signedOffAt, traveller_outcome: travellerOutcome }),
        riskLevel: (riskLevel ?? 'low') as QueueRow['riskLevel'],
        destinationCountry,
        originRegency,
        indicators: JSON.parse(indicatorIds ?? '[]') as string[],
      }),
    );
  }

  /** report_days's counts of the UTC days [fromDay, toDay) (yyyy-mm-dd), summed per breakdown and key. */
  reportDaysBetween(fromDay: string, toDay: string): [breakdown: string, key: string, cases: number][] {
    return this.reportDays.all(fromDay, toDay) as [string, string, number][];
  }

  /**
   * The holds opened in [from, to) that pass `filters`, counted by each breakdown: [breakdown, key, holds], the hour
   * of day (a number, 0-23) at `offsetMinutes` from UTC; instead of 'indicator', 'indicatorSet' with the JSON array of
   * ids (or null) that many holds raised.
   */
  filteredCountsBetween(from: string, to: string, filters: HoldFilters, offsetMinutes: number): [breakdown: string, key: string | number | null, holds: number][] {
    const given = Object.fromEntries(HOLD_FILTER_NAMES.map((name) => [name, filters[name] ?? null]));
    return this.filteredCounts.all({ ...given, from, to, offset: offsetMinutes }) as [string, string | number | null, number][];
  }

  /** The name on the latest hold in [from, to) that the officer numbered `officerNumber` decided (or opened). */
  officerNameAt(officerNumber: string, from: string, to: string): string | undefined {
    return this.latestOfficerName.get(from, to, officerNumber) as string | undefined;
  }

  /** The name on the latest hold in [from, to) of the desk whose case numbers carry `deskCode` (PLM-D01). */
  deskNameAt(deskCode: string, from: string, to: string): string | undefined {
    return this.latestDeskName.get(from, to, `${deskCode}-`, `${deskCode}-~`) as string | undefined;
  }

  /** How many cases opened in [from, to) were decided, clears included. */
  decidedBetween(from: string, to: string): number {
    return this.decided.get(from, to) as number;
  }

  /** The cases opened in [from, to) that stand as a clear and carry a sync conflict, oldest first. */
  conflictedClearsBetween(from: string, to: string): { id: string; caseNumber: string; openedAt: string; deskCode: string; deskName: string; name: string }[] {
    return (
      this.conflictedClears.all(from, to) as {
        id: string;
        case_number: string;
        opened_at: string;
        desk_name: string;
        primary_name: string;
        secondary_name: string;
      }[]
    ).map((row) => ({
      id: row.id,
      caseNumber: row.case_number,
      openedAt: row.opened_at,
      deskCode: deskKeyOf(row.case_number),
      deskName: row.desk_name,
      name: [row.primary_name, row.secondary_name].filter(Boolean).join(', '),
    }));
  }

  /** The holds opened in [from, to) (ISO instants in UTC, as stored), in no particular order. */
  holdsBetween(from: string, to: string): QueueRow[] {
    return (this.holds.all(from, to) as QueueDbRow[]).map(queueRow);
  }
}

function queueRow(row: QueueDbRow): QueueRow {
  return {
    id: row.id,
    caseNumber: row.case_number,
    openedAt: row.opened_at,
    deskCode: deskKeyOf(row.case_number),
    deskName: row.desk_name,
    officerNumber: row.officer_number,
    officerName: row.officer_name,
    agency: row.decided_by_agency as QueueRow['agency'],
    decision: row.decision as QueueRow['decision'],
    status: row.status as QueueRow['status'],
    state: reviewState(row),
    riskLevel: (row.risk_level ?? 'low') as QueueRow['riskLevel'],
    destinationCountry: row.destination_country,
    originRegency: row.origin_regency,
    name: [row.primary_name, row.secondary_name].filter(Boolean).join(', '),
    documentNumber: row.document_number,
    travellerOutcome: row.traveller_outcome as QueueRow['travellerOutcome'],
    signedOffAt: row.signed_off_at,
    signedOffByName: row.signed_off_by_name,
    conflicts: row.conflicts,
  };
}

