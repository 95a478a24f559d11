// Owns finding a country by what an officer types: its ISO code, or its name in Indonesian or English, as the
// airport search does for airports. The names come from the MRZ state table, the one list of codes the desk knows.
import { knownStateCodes, stateName } from '../mrz';

export type Country = { code: string; id: string; en: string };

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** Real countries only: three letters, no ICAO-only codes padded with '<'. */
export const COUNTRIES: readonly Country[] = knownStateCodes()
  .filter((code) => /^[A-Z]{3}$/.test(code))
  .map((code) => ({ code, id: stateName(code, 'id') ?? code, en: stateName(code, 'en') ?? code }));

export function countryByCode(code: string): Country | undefined {
  const upper = code.trim().toUpperCase();
  return COUNTRIES.find((c) => c.code === upper);
}

/** Countries matching a code or a name in either language, best first: the code, then names that start with it. */
export function searchCountries(query: string, limit = 8): Country[] {
  const q = fold(query);
  if (q === '') return [];
  const scored: { country: Country; score: number }[] = [];
  for (const country of COUNTRIES) {
    const names = [fold(country.id), fold(country.en)];
    const score =
      country.code.toLowerCase() === q ? 0 : names.includes(q) ? 1 : names.some((n) => n.startsWith(q)) ? 2 : names.some((n) => n.split(/\s+/).some((w) => w.startsWith(q))) ? 3 : names.some((n) => n.includes(q)) ? 4 : -1;
    if (score >= 0) scored.push({ country, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.country);
}

/** The one country the text names unambiguously (its code, or its full name), if any. */
export function resolveCountry(text: string): Country | undefined {
  const q = fold(text);
  if (q === '') return undefined;
  return countryByCode(text) ?? COUNTRIES.find((c) => fold(c.id) === q || fold(c.en) === q);
}
