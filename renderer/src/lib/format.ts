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

/** This desk's offset from UTC at `at` (+07:00 in Palembang), as an ISO 8601 instant writes it. */
export function utcOffsetAt(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant written in the desk's own time and offset (2026-11-28T00:00:00+07:00), so the core sees the desk's days. */
export function localInstant(at: Date): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  return `${local}${utcOffsetAt(at)}`;
}

/**
 * A desk as the supervisor's screens name it: its code (PLM-D01), which tells desks apart, then the name it gives
 * itself, which may repeat (every desk starts as "Meja 1").
 */
export function deskLabel(code: string, name: string | undefined): string {
  return name ? `${code} · ${name}` : code;
}
