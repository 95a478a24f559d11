// Owns counting one period of the report: how many cases were decided, how many holds passed the filters and what
// each breakdown counts them under, and what the filter lists may offer (desks, officers, destinations, regencies
// seen among all the period's holds). Three ways to the same numbers: from the holds' rows (any filter, any offset);
// with no filter and an offset of whole hours, from report_days (migration 13) for the whole UTC days inside the
// period plus the holds' rows of the part-days at either end; with a filter at such an offset, the filter lists so
// and the counts from SQLite over the holds that pass. The integration test holds all three against the
// straightforward computation.
import { REPORT_BREAKDOWNS, type HoldFilters, type ReportBreakdown } from '../../../shared/contract';
import { hourAt, offsetMinutes } from '../../../shared/review/report-period';
import type { ReportHold, ReviewRepository } from './review-repository';

/** How many holds carry each key (null: not recorded). */
export type Tally = Map<string | null, number>;

export interface PeriodCounts {
  decided: number;
  holds: number;
  breakdowns: Record<ReportBreakdown, Tally>;
  /** Seen among all the period's holds, before the filters: for the filter lists. Desks: code → names; officers: number → names. */
  desks: Map<string, Set<string>>;
  officers: Map<string, Set<string>>;
  destinations: Set<string>;
  regencies: Set<string>;
}

const DAY_MS = 86_400_000;
/** The report's hours of the day, in order: every one is shown, so the chart's axis is the day. */
export const HOUR_KEYS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

function emptyCounts(): PeriodCounts {
  return {
    decided: 0,
    holds: 0,
    breakdowns: Object.fromEntries(REPORT_BREAKDOWNS.map((name) => [name, new Map()])) as Record<ReportBreakdown, Tally>,
    desks: new Map(),
    officers: new Map(),
    destinations: new Set(),
    regencies: new Set(),
  };
}

const bump = (tally: Tally, key: string | null, by = 1) => tally.set(key, (tally.get(key) ?? 0) + by);
/** Notes a desk (by code) or an officer (by number) under a name it carries. */
const see = (seen: Map<string, Set<string>>, key: string, name: string) => {
  const names = seen.get(key);
  if (names) names.add(name);
  else seen.set(key, new Set([name]));
};

/**
 * How a period is counted: report_days keeps UTC hours, the desk's hours only at an offset of whole hours, and no
 * combination of a filter with a breakdown, so with a filter it gives only the filter lists.
 */
export function countingWay(filters: HoldFilters, utcOffset: string): 'days' | 'daysFiltered' | 'rows' {
  if (offsetMinutes(utcOffset) % 60 !== 0) return 'rows';
  return Object.values(filters).every((value) => value === undefined) ? 'days' : 'daysFiltered';
}

export class ReportCounter {
  private readonly hourOf;
  private readonly shiftHours;

  constructor(
    private readonly repository: ReviewRepository,
    utcOffset: string,
  ) {
    this.hourOf = hourAt(utcOffset);
    this.shiftHours = Math.trunc(offsetMinutes(utcOffset) / 60);
  }

  /** The period [from, to) (UTC instants) counted from its holds' rows, those passing `passes` counted. */
  fromRows(from: string, to: string, passes: (hold: ReportHold) => boolean): PeriodCounts {
    const counts = emptyCounts();
    this.addRows(counts, from, to, passes);
    return counts;
  }

  /** The period [from, to) with no filter: report_days for its whole UTC days, the rows of the part-days around them. */
  fromDays(from: string, to: string): PeriodCounts {
    const firstDay = Math.ceil(Date.parse(from) / DAY_MS) * DAY_MS;
    const endDay = Math.floor(Date.parse(to) / DAY_MS) * DAY_MS;
    const counts = emptyCounts();
    const all = () => true;
    if (firstDay >= endDay) {
      this.addRows(counts, from, to, all);
      return counts;
    }
    const iso = (ms: number) => new Date(ms).toISOString();
    if (Date.parse(from) < firstDay) this.addRows(counts, from, iso(firstDay), all);
    if (endDay < Date.parse(to)) this.addRows(counts, iso(endDay), to, all);
    const { breakdowns } = counts;
    for (const [breakdown, key, n] of this.repository.reportDaysBetween(iso(firstDay).slice(0, 10), iso(endDay).slice(0, 10))) {
      switch (breakdown) {
        case 'decided':
          counts.decided += n;
          break;
        case 'hour':
          // Every hold has one hour: the hours' sum is the holds.
          counts.holds += n;
          bump(breakdowns.hour, HOUR_KEYS[(((Number(key) + this.shiftHours) % 24) + 24) % 24]!, n);
          break;
        case 'desk': {
          const [code, name] = JSON.parse(key) as [string, string];
          see(counts.desks, code, name);
          bump(breakdowns.desk, code, n);
          break;
        }
        case 'officer': {
          const [number, name] = JSON.parse(key) as [string, string];
          see(counts.officers, number, name);
          break;
        }
        case 'decision':
        case 'agency':
        case 'indicator':
          bump(breakdowns[breakdown], known(key), n);
          break;
        case 'destination':
        case 'regency': {
          const value = known(key);
          bump(breakdowns[breakdown], value, n);
          if (value !== null) (breakdown === 'destination' ? counts.destinations : counts.regencies).add(value);
          break;
        }
        default:
          throw new Error(`report_days holds an unknown breakdown: ${breakdown}`);
      }
    }
    return counts;
  }

  /**
   * The period [from, to) with filters, at an offset of whole hours: the filter lists from report_days and the part-days'
   * rows (as fromDays), the holds that pass the filters counted inside the database.
   */
  fromDaysFiltered(from: string, to: string, filters: HoldFilters): PeriodCounts {
    const counts = this.fromDays(from, to);
    counts.holds = 0;
    for (const tally of Object.values(counts.breakdowns)) tally.clear();
    for (const [breakdown, key, n] of this.repository.filteredCountsBetween(from, to, filters, this.shiftHours * 60)) {
      if (breakdown === 'decision') counts.holds += n;
      if (breakdown === 'indicatorSet') {
        for (const id of JSON.parse((key as string | null) ?? '[]') as (string | null)[]) bump(counts.breakdowns.indicator, id, n);
        continue;
      }
      const name = breakdown as ReportBreakdown;
      bump(counts.breakdowns[name], name === 'hour' ? HOUR_KEYS[key as number]! : (key as string | null), n);
    }
    return counts;
  }

  private addRows(counts: PeriodCounts, from: string, to: string, passes: (hold: ReportHold) => boolean): void {
    counts.decided += this.repository.decidedBetween(from, to);
    const { breakdowns } = counts;
    for (const hold of this.repository.reportBetween(from, to)) {
      see(counts.desks, hold.deskCode, hold.deskName);
      see(counts.officers, hold.officerNumber, hold.officerName);
      if (hold.destinationCountry !== null) counts.destinations.add(hold.destinationCountry);
      if (hold.originRegency !== null) counts.regencies.add(hold.originRegency);
      if (!passes(hold)) continue;
      counts.holds++;
      bump(breakdowns.decision, hold.decision);
      bump(breakdowns.destination, hold.destinationCountry);
      for (const indicator of hold.indicators) bump(breakdowns.indicator, indicator);
      bump(breakdowns.agency, hold.agency);
      bump(breakdowns.desk, hold.deskCode);
      bump(breakdowns.hour, HOUR_KEYS[this.hourOf(hold.openedAt)]!);
      bump(breakdowns.regency, hold.originRegency);
    }
  }
}

/** A report_days key of a single value: '' is an unknown value, otherwise ':' and the value. */
function known(key: string): string | null {
  return key === '' ? null : key.slice(1);
}
