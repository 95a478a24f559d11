// Owns the report's calendar: which instants a day, a week (Monday to Sunday) or a month starts and ends at, at the
// desk's offset from UTC, the period before it, and the hour of day an instant falls in there; and the exports' file
// names in the desk's days. Pure, so the core counts and names, and the screen labels and suggests, alike.
import type { ReportPeriod } from '../contract/review';

export interface ReportWindow {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period of `period` that holds the calendar day `day` (yyyy-mm-dd), and the one before it. */
export function reportWindow(period: ReportPeriod, day: string, utcOffset: string): ReportWindow {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = (ms: number) => `${isoDay(ms)}T00:00:00${utcOffset}`;
  if (period === 'month') {
    return { from: at(Date.UTC(y, m - 1, 1)), to: at(Date.UTC(y, m, 1)), previousFrom: at(Date.UTC(y, m - 2, 1)), previousTo: at(Date.UTC(y, m - 1, 1)) };
  }
  const days = period === 'week' ? 7 : 1;
  const dayMs = Date.UTC(y, m - 1, d);
  // getUTCDay: Sunday 0; a week here starts on Monday, as Indonesian calendars print it.
  const start = period === 'week' ? dayMs - ((new Date(dayMs).getUTCDay() + 6) % 7) * DAY_MS : dayMs;
  return { from: at(start), to: at(start + days * DAY_MS), previousFrom: at(start - days * DAY_MS), previousTo: at(start) };
}

/** Minutes east of UTC of an offset such as +07:00. */
export function offsetMinutes(utcOffset: string): number {
  const sign = utcOffset.startsWith('-') ? -1 : 1;
  const [h, m] = utcOffset.slice(1).split(':').map(Number) as [number, number];
  return sign * (h * 60 + m);
}

/** The hour of day (0-23) at the offset of an instant. */
export function localHour(instant: string, utcOffset: string): number {
  return hourAt(utcOffset)(instant);
}

/** localHour for many instants at one offset: the offset is read once (a month's report asks for thousands). */
export function hourAt(utcOffset: string): (instant: string) => number {
  const shiftMs = offsetMinutes(utcOffset) * 60_000;
  return (instant) => new Date(Date.parse(instant) + shiftMs).getUTCHours();
}

/** The report's PDF file name, laporan-<first day>_<last day>.pdf in the desk's days: the picker suggests what the core records. */
export function reportFileName(window: Pick<ReportWindow, 'from' | 'to'>): string {
  return `laporan-${window.from.slice(0, 10)}_${isoDay(Date.parse(`${window.to.slice(0, 10)}T00:00:00Z`) - DAY_MS)}.pdf`;
}

/** The calendar day, at the offset the instant is written with, of the instant `shiftMs` later. */
export function localDay(instant: string, shiftMs = 0): string {
  const offset = /([+-]\d{2}):(\d{2})$/.exec(instant);
  const offsetMs = offset ? Math.sign(Number(offset[1])) * (Math.abs(Number(offset[1])) * 60 + Number(offset[2])) * 60_000 : 0;
  return isoDay(Date.parse(instant) + offsetMs + shiftMs);
}

/** The CSV export's file name, tinjauan-<first day>_<last day>.csv for the window [from, to): the picker suggests what the core records. */
export function csvFileName(from: string, to: string): string {
  return `tinjauan-${localDay(from)}_${localDay(to, -1)}.csv`;
}
