// Owns the report's calendar: a month of days (weeks start on Monday, as the report's weeks do) where a click picks
// the day and the chosen day, week or month is shaded, so the supervisor sees which days the report counts.
import { useEffect, useState } from 'react';
import type { ReportPeriod } from '../../../../shared/contract';
import { reportWindow } from '../../../../shared/review/report-period';
import { useI18n } from '../../lib/i18n';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthOf = (day: string) => day.slice(0, 7);

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDay(Date.UTC(y, m - 1 + by, 1)).slice(0, 7);
}

/** The days shown for `month`: whole weeks, Monday first, with the neighbouring months' days to fill them. */
function gridDays(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = Date.UTC(y, m - 1, 1);
  const start = first - ((new Date(first).getUTCDay() + 6) % 7) * DAY_MS;
  const last = Date.UTC(y, m, 0);
  const end = last + (6 - ((new Date(last).getUTCDay() + 6) % 7)) * DAY_MS;
  return Array.from({ length: (end - start) / DAY_MS + 1 }, (_, i) => isoDay(start + i * DAY_MS));
}

export function PeriodCalendar({ period, day, onPick }: { period: ReportPeriod; day: string; onPick: (day: string) => void }) {
  const { t, language } = useI18n();
  const [month, setMonth] = useState(monthOf(day));
  // A day typed into the field moves the calendar to its month.
  useEffect(() => setMonth(monthOf(day)), [day]);
  // The offset plays no part in which calendar days a period holds.
  const window = reportWindow(period, day, '+00:00');
  const inPeriod = (d: string) => d >= window.from.slice(0, 10) && d < window.to.slice(0, 10);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const title = new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <div className="period-calendar" data-testid="period-calendar">
      <div className="period-calendar-head">
        <button type="button" className="button button-secondary" onClick={() => setMonth(shiftMonth(month, -1))} aria-label={t('report.calendar.previous')}>
          ‹
        </button>
        <strong aria-live="polite" data-testid="calendar-month">
          {title}
        </strong>
        <button type="button" className="button button-secondary" onClick={() => setMonth(shiftMonth(month, 1))} aria-label={t('report.calendar.next')}>
          ›
        </button>
      </div>
      <div className="period-calendar-grid" role="group" aria-label={t('report.calendar')}>
        {t('report.weekdays')
          .split(' ')
          .map((name) => (
            <span key={name} className="period-calendar-weekday" aria-hidden="true">
              {name}
            </span>
          ))}
        {gridDays(month).map((d) => (
          <button
            key={d}
            type="button"
            className={`period-calendar-day${monthOf(d) === month ? '' : ' other-month'}${inPeriod(d) ? ' in-period' : ''}`}
            aria-pressed={d === day}
            onClick={() => onPick(d)}
            data-day={d}
          >
            {/* Seen: the day of the month; heard: the whole date, so a day of the next month is never mistaken. */}
            <span aria-hidden="true">{Number(d.slice(8))}</span>
            <span className="visually-hidden">{d.split('-').reverse().join('/')}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
