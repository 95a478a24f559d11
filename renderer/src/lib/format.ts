// Owns how dates and times are shown: the officer's language, the desk's local time.
import type { Language } from '../../../shared/contract';

export function formatDateTime(iso: string, language: Language): string {
  return new Date(iso).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
