// Owns MRZ dates: YYMMDD resolved to a century against a reference date, unknown parts, age and expiry maths.

import type { MrzDate } from './types';

/** The reference "today" as a local calendar date. `int` is YYYYMMDD for cheap comparisons. */
export interface RefDate {
  y: number;
  m: number;
  d: number;
  int: number;
  iso: string;
  /**
   * YYYYMMDD of the latest expiry a document can carry (+20 years; passports run 10 at most): a
   * two-digit year that would land later is in the past. Also the bound of "within six months".
   */
  expiryHi: number;
  plusSix: number;
}

// Local-time getters are slow next to a whole parse; callers pass the same date over and over.
let lastTime = Number.NaN;
let lastRef: RefDate | null = null;

export function toRefDate(date: Date | undefined): RefDate {
  const dt = date && !Number.isNaN(date.getTime()) ? date : new Date();
  const t = dt.getTime();
  if (t === lastTime && lastRef !== null) return lastRef;
  lastRef = computeRef(dt);
  lastTime = t;
  return lastRef;
}

function computeRef(dt: Date): RefDate {
  const y = dt.getFullYear();
  const m = dt.getMonth() + 1;
  const d = dt.getDate();
  const md = m * 100 + d;
  const ref: RefDate = {
    y,
    m,
    d,
    int: y * 10000 + md,
    iso: `${pad4(y)}-${pad2(m)}-${pad2(d)}`,
    expiryHi: (y + 20) * 10000 + md,
    plusSix: 0,
  };
  ref.plusSix = plusSixMonths(ref);
  return ref;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** '00'…'99' precomputed: ISO strings are built for every date of every document. */
const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

function pad2(n: number): string {
  return PAD2[n] ?? `${n}`;
}
function pad4(n: number): string {
  return n >= 1000 && n <= 9999 ? String(n) : `${n}`.padStart(4, '0');
}

/** Two chars: a number 0..99, -2 for `<<` (unknown), -1 for anything else. */
function pair(raw: string, i: number): number {
  const a = raw.charCodeAt(i);
  const b = raw.charCodeAt(i + 1);
  if (a === 60 && b === 60) return -2;
  if (a < 48 || a > 57 || b < 48 || b > 57) return -1;
  return (a - 48) * 10 + (b - 48);
}

export interface DateParse {
  date: MrzDate | null;
  error: string | null;
}

/**
 * Parses a 6-char YYMMDD field. Both kinds resolve their century towards the past: birth dates take
 * the latest century not after the reference date, expiry dates the latest not more than 20 years
 * after it (no document runs that long, so a later reading is a long-expired document, never a
 * misread). An expired document is a fact about the document, not an error in the reading: only a
 * date that cannot exist (month 13, 31 April, a known day with an unknown month) is an error.
 */
export function parseMrzDate(raw: string, kind: 'birth' | 'expiry', ref: RefDate, label: string): DateParse {
  if (raw.length !== 6) return { date: null, error: `${label} must have 6 characters (YYMMDD).` };
  const yy = pair(raw, 0);
  const mm = pair(raw, 2);
  const dd = pair(raw, 4);
  if (yy === -1 || mm === -1 || dd === -1) {
    return { date: null, error: `${label} '${raw}' is not a date in YYMMDD form (digits, or << for an unknown part).` };
  }
  if (yy === -2) {
    // Only a wholly unknown birth date may hide its year; a lone unknown year next to a known month is noise.
    if (mm !== -2 || dd !== -2) {
      return { date: null, error: `${label} '${raw}' has an unknown year but a known month or day.` };
    }
    if (kind === 'expiry') return { date: null, error: `${label} is missing (all fillers).` };
    return { date: { year: null, month: null, day: null, iso: 'XXXX-XX-XX' }, error: null };
  }
  if (mm === -2 && dd !== -2) {
    return { date: null, error: `${label} '${raw}' has an unknown month but a known day.` };
  }
  if (mm !== -2 && (mm < 1 || mm > 12)) {
    return { date: null, error: `${label} '${raw}' has month ${pad2(mm)}, which does not exist.` };
  }
  const m = mm === -2 ? null : mm;
  const d = dd === -2 ? null : dd;
  const md = (m ?? 1) * 100 + (d ?? 1);
  // The latest of the three nearest centuries that does not pass the limit.
  const limit = kind === 'birth' ? ref.int : ref.expiryHi;
  let year = Math.floor(ref.y / 100) * 100 + yy + 100;
  while (year * 10000 + md > limit) year -= 100;
  if (m !== null && d !== null && (d < 1 || d > daysInMonth(year, m))) {
    return { date: null, error: `${label} '${raw}' has day ${pad2(d)}, which does not exist in month ${pad2(m)} of ${year}.` };
  }
  const iso = pad4(year) + (m === null ? '-XX' : '-' + pad2(m)) + (d === null ? '-XX' : '-' + pad2(d));
  return { date: { year, month: m, day: d, iso }, error: null };
}

/** Age in whole years; unknown parts take the latest possible birth date (the youngest possible age). */
export function ageAt(birth: MrzDate, ref: RefDate): number | null {
  if (birth.year === null) return null;
  const m = birth.month ?? 12;
  const d = birth.day ?? daysInMonth(birth.year, m);
  let age = ref.y - birth.year;
  if (ref.m * 100 + ref.d < m * 100 + d) age--;
  return age;
}

/** YYYYMMDD of the earliest day the expiry can be (unknown parts count as the first). */
export function earliestInt(date: MrzDate): number | null {
  if (date.year === null) return null;
  return date.year * 10000 + (date.month ?? 1) * 100 + (date.day ?? 1);
}

/** YYYYMMDD of the reference date plus six months, the day clamped to the month's end. */
export function plusSixMonths(ref: Pick<RefDate, 'y' | 'm' | 'd'>): number {
  let y = ref.y;
  let m = ref.m + 6;
  if (m > 12) {
    m -= 12;
    y++;
  }
  const d = Math.min(ref.d, daysInMonth(y, m));
  return y * 10000 + m * 100 + d;
}

/** Accepts YYMMDD (with << for unknown), YYYY-MM-DD (XX for unknown) or a Date; returns the 6 MRZ chars. */
export function toMrzDate(value: string | Date): string {
  if (value instanceof Date) {
    return pad2(value.getFullYear() % 100) + pad2(value.getMonth() + 1) + pad2(value.getDate());
  }
  const v = value.trim().toUpperCase();
  if (v.length === 10 && v[4] === '-' && v[7] === '-') {
    const part = (s: string): string => (s === 'XX' || s === 'XXXX' || s === '<<' ? '<<' : s.slice(-2));
    return part(v.slice(2, 4) === 'XX' ? 'XX' : v.slice(0, 4)) + part(v.slice(5, 7)) + part(v.slice(8, 10));
  }
  return v.replaceAll('X', '<').padEnd(6, '<').slice(0, 6);
}
