// Owns Indonesia's administrative areas as the desk knows them (provinces and regencies/cities, generated from the
// idn-area-data package by scripts/idn-areas.ts): lookup by code, whether a pair is valid, and the origin picker's
// search. A traveller's origin is always one of these codes, never free text.
import { PROVINCE_ROWS, REGENCY_ROWS } from './idn-areas.data';

export type Province = { code: string; name: string };
export type Regency = { code: string; provinceCode: string; name: string };

export const PROVINCES: readonly Province[] = PROVINCE_ROWS.map(([code, name]) => ({ code, name }));
export const REGENCIES: readonly Regency[] = REGENCY_ROWS.map(([code, provinceCode, name]) => ({ code, provinceCode, name }));
const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const regencyByCode = new Map(REGENCIES.map((r) => [r.code, r]));

export const provinceName = (code: string | null): string | null => (code === null ? null : (provinceByCode.get(code)?.name ?? null));
export const regencyName = (code: string | null): string | null => (code === null ? null : (regencyByCode.get(code)?.name ?? null));
export const regency = (code: string): Regency | undefined => regencyByCode.get(code);

/** Why an origin is refused, or null when it is a known province with (optionally) one of its regencies. */
export function originProblem(provinceCode: string | null, regencyCode: string | null): 'unknownProvince' | 'unknownRegency' | 'regencyNotInProvince' | null {
  if (provinceCode !== null && !provinceByCode.has(provinceCode)) return 'unknownProvince';
  if (regencyCode === null) return null;
  const found = regencyByCode.get(regencyCode);
  if (!found) return 'unknownRegency';
  return found.provinceCode === provinceCode ? null : 'regencyNotInProvince';
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
/** Each regency with the words it is found by: its own name and its province's, folded. */
const searchable = REGENCIES.map((r) => ({ regency: r, words: fold(`${r.name} ${provinceByCode.get(r.provinceCode)?.name ?? ''}`).split(' '), name: fold(r.name) }));

/**
 * Regencies/cities whose words start with every word typed (so "palem" finds Kota Palembang, "kota lubuk" Kota Lubuk
 * Linggau, "ogan ilir" Kabupaten Ogan Ilir), within one province when given; names that start with the query first.
 */
export function searchRegencies(query: string, provinceCode: string | null = null, limit = 12): Regency[] {
  const terms = fold(query).split(' ').filter(Boolean);
  const inProvince = searchable.filter((s) => provinceCode === null || s.regency.provinceCode === provinceCode);
  const found = inProvince.filter((s) => terms.every((term) => s.words.some((word) => word.startsWith(term))));
  const bare = (name: string) => name.replace(/^(kabupaten|kota) /, '');
  const first = terms.join(' ');
  const rank = (s: (typeof searchable)[number]) => (bare(s.name).startsWith(first) ? 0 : s.name.startsWith(first) ? 1 : 2);
  return found
    .sort((a, b) => rank(a) - rank(b) || a.regency.name.localeCompare(b.regency.name))
    .slice(0, limit)
    .map((s) => s.regency);
}
