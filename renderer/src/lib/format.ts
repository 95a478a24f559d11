// Owns how dates and times are shown: the officer's language, the desk's local time.
import type { Language } from '../../../shared/contract';

export function formatDateTime(iso: string, language: Language): string {
  return new Date(iso).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A calendar date (YYYY-MM-DD) as the desk writes it in both languages: dd/mm/yyyy. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** A moment as short as it can be read: the time today, the date and time on another day. */
export function formatMoment(iso: string, language: Language, now = new Date()): string {
  const at = new Date(iso);
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  if (at.toDateString() === now.toDateString()) return at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return at.toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
