// Owns the review report computed the straightforward way, as it was before the report read the narrow index
// (issue 17 benchmark): every case row of the two periods read whole, its risk JSON parsed for the level and the
// indicators, the filters and counts done in one loop. Written apart from the core on purpose (it never reads
// risk_level, indicator_ids or cases_report), so the integration test can hold the fast path against it and
// bench:review can time what the fast path saves, in one run.
import type { Db } from '../../electron/core/db/connection';
import { HOLD_DECISIONS, OUTCOMES, type ReportFilter, type ReviewReport } from '../../shared/contract';
import { offsetMinutes, reportWindow } from '../../shared/review/report-period';

interface Row {
  case_number: string;
  opened_at: string;
  decision: string;
  desk_name: string;
  opened_by: string;
  opened_by_name: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_by_agency: string | null;
  destination_country: string | null;
  origin_regency: string | null;
  status: string;
  signed_off_at: string | null;
  traveller_outcome: string | null;
  risk: string;
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
type Counted = Pick<ReviewReport, 'totals' | 'breakdowns' | 'choices'>;

export function straightforwardReport(db: Db, filter: ReportFilter): Counted {
  const window = reportWindow(filter.period, filter.day, filter.utcOffset);
  const read = db.prepare(
    `SELECT case_number, opened_at, decision, desk_name, opened_by, opened_by_name, decided_by, decided_by_name, decided_by_agency, destination_country,
       origin_regency, status, signed_off_at, traveller_outcome, risk
     FROM cases INDEXED BY cases_decision WHERE decision IN (${list(HOLD_DECISIONS)}) AND opened_at >= ? AND opened_at < ?`,
  );
  const decided = db.prepare(`SELECT count(*) FROM cases WHERE decision IN (${list(OUTCOMES)}) AND opened_at >= ? AND opened_at < ?`).pluck();
  const utc = (instant: string) => new Date(instant).toISOString();
  const bounds = { current: [utc(window.from), utc(window.to)], previous: [utc(window.previousFrom), utc(window.previousTo)] };
  const periods = { current: read.all(...bounds.current) as Row[], previous: read.all(...bounds.previous) as Row[] };
  const shiftMs = offsetMinutes(filter.utcOffset) * 60_000;

  const totals: Counted['totals'] = {
    decided: { current: decided.get(...bounds.current) as number, previous: decided.get(...bounds.previous) as number },
    holds: { current: 0, previous: 0 },
  };
  const tallies = new Map<string, Map<string | null, { current: number; previous: number }>>();
  const tally = (breakdown: string, key: string | null, field: 'current' | 'previous') => {
    const byKey = tallies.get(breakdown) ?? new Map<string | null, { current: number; previous: number }>();
    tallies.set(breakdown, byKey);
    const count = byKey.get(key) ?? { current: 0, previous: 0 };
    count[field] += 1;
    byKey.set(key, count);
  };
  // A desk is the airport and desk codes its case numbers carry, listed under the name on its latest hold.
  const desks = new Map<string, { name: string; at: string }>();
  // An officer is listed under the name on their latest hold of the two periods (a name may have changed).
  const officers = new Map<string, { name: string; at: string }>();
  const destinations = new Set<string>();
  const regencies = new Set<string>();

  for (const field of ['current', 'previous'] as const) {
    for (const row of periods[field]) {
      const risk = JSON.parse(row.risk) as { level?: string; indicators?: { id: string }[] };
      const officer = row.decided_by ?? row.opened_by;
      const desk = /^([A-Z]{3}-[A-Z0-9]{2,4})-\d{6}-\d{4}$/.exec(row.case_number)?.[1] ?? '';
      const at = `${row.opened_at} ${row.case_number}`;
      if ((desks.get(desk)?.at ?? '') < at) desks.set(desk, { name: row.desk_name, at });
      if ((officers.get(officer)?.at ?? '') < at) officers.set(officer, { name: row.decided_by_name ?? row.opened_by_name, at });
      if (row.destination_country !== null) destinations.add(row.destination_country);
      if (row.origin_regency !== null) regencies.add(row.origin_regency);
      const state =
        row.status === 'awaiting_countersignature' ? 'awaiting_countersignature'
        : row.signed_off_at !== null ? 'signed_off'
        : row.traveller_outcome === null ? 'no_outcome'
        : 'not_signed_off';
      const wanted: [keyof ReportFilter, string | null][] = [
        ['desk', desk],
        ['officer', officer],
        ['agency', row.decided_by_agency],
        ['decision', row.decision],
        ['riskLevel', risk.level ?? 'low'],
        ['destinationCountry', row.destination_country],
        ['originRegency', row.origin_regency],
        ['state', state],
      ];
      if (wanted.some(([name, value]) => filter[name] !== undefined && filter[name] !== value)) continue;
      totals.holds[field] += 1;
      tally('decision', row.decision, field);
      tally('destination', row.destination_country, field);
      for (const id of new Set((risk.indicators ?? []).map((indicator) => indicator.id))) tally('indicator', id, field);
      tally('agency', row.decided_by_agency, field);
      tally('desk', desk, field);
      tally('hour', String(new Date(Date.parse(row.opened_at) + shiftMs).getUTCHours()).padStart(2, '0'), field);
      tally('regency', row.origin_regency, field);
    }
  }
  const listed = (breakdown: string) => [...(tallies.get(breakdown) ?? new Map())].map(([key, count]) => ({ key: key as string | null, ...(count as { current: number; previous: number }) }));
  const biggestFirst = (breakdown: string) =>
    listed(breakdown).sort((a, b) => b.current - a.current || b.previous - a.previous || (a.key ?? '~').localeCompare(b.key ?? '~'));
  const hours = new Map(listed('hour').map((count) => [count.key, count]));
  return {
    totals,
    breakdowns: {
      decision: biggestFirst('decision'),
      destination: biggestFirst('destination'),
      indicator: biggestFirst('indicator'),
      agency: biggestFirst('agency'),
      desk: biggestFirst('desk'),
      hour: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')).map((key) => hours.get(key) ?? { key, current: 0, previous: 0 }),
      regency: biggestFirst('regency'),
    },
    choices: {
      desks: [...desks].map(([code, { name }]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
      officers: [...officers].map(([number, { name }]) => ({ number, name })).sort((a, b) => a.name.localeCompare(b.name) || a.number.localeCompare(b.number)),
      destinations: [...destinations].sort(),
      regencies: [...regencies].sort(),
    },
  };
}
