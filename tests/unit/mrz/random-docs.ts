// Owns seeded random MRZ documents and noisy recogniser alternatives for tests and the benchmark.

import { generateMrz, knownStateCodes } from '../../../shared/mrz';
import type { LineCandidates, MrzFieldValues, MrzFormat } from '../../../shared/mrz';

/** mulberry32: small, fast and seedable, so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const STATES = knownStateCodes().filter((c) => !c.includes('<'));

export function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}
function word(r: () => number, chars: string, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += chars[Math.floor(r() * chars.length)]!;
  return s;
}
function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

export interface RandomDoc {
  format: MrzFormat;
  fields: MrzFieldValues;
  lines: string[];
  /** Expected ISO dates at the reference date used. */
  birthIso: string;
  expiryIso: string | null;
}

/**
 * A random valid document of a format, plausible at `refYear`-06-15 (the reference the tests use):
 * birth refYear-99…refYear-2, expiry refYear-9…refYear+19, names of 1–3 words that fit their field.
 */
export function randomDoc(r: () => number, format: MrzFormat, refYear = 2025, allowLong = true): RandomDoc {
  // Born within the last 99 years: a YY of exactly 100 years ago would (rightly) read as this century.
  const by = refYear - 99 + Math.floor(r() * 98);
  const bm = 1 + Math.floor(r() * 12);
  const bd = 1 + Math.floor(r() * 28);
  const ey = refYear - 9 + Math.floor(r() * 28);
  const em = 1 + Math.floor(r() * 12);
  const ed = 1 + Math.floor(r() * 28);
  const state = pick(r, STATES);
  const primaryWords = 1 + Math.floor(r() * 2);
  const secondaryWords = Math.floor(r() * 3);
  const primary = Array.from({ length: primaryWords }, () => word(r, LETTERS, 2, 7)).join(' ');
  const secondary = Array.from({ length: secondaryWords }, () => word(r, LETTERS, 2, 6)).join(' ');
  const long = allowLong && (format === 'TD1' || format === 'TD2') && r() < 0.2;
  let documentNumber = long ? word(r, ALNUM, 10, format === 'TD1' ? 14 : 12) : word(r, ALNUM, 6, 9);
  if (format === 'FRENCH_ID') documentNumber = `${pad2(Math.floor(r() * 25))}${pad2(1 + Math.floor(r() * 12))}${word(r, '0123456789', 3, 3)}${word(r, '0123456789', 5, 5)}`;
  const optMax = format === 'TD3' ? 14 : format === 'TD1' ? 15 : format === 'TD2' ? 7 : format === 'MRVA' ? 16 : format === 'MRVB' ? 8 : 6;
  // Optional data starts with a letter or digit and never with a filler, like real issuers' numbers.
  const optionalData = long ? '' : r() < 0.5 ? '' : word(r, ALNUM, 1, Math.min(optMax, 9));
  const fields: MrzFieldValues = {
    documentCode: format === 'TD3' ? pick(r, ['P', 'PO', 'PD']) : format === 'MRVA' || format === 'MRVB' ? pick(r, ['V', 'VA']) : format === 'FRENCH_ID' ? 'ID' : pick(r, ['I', 'ID', 'A', 'C', 'IR']),
    issuingState: format === 'FRENCH_ID' ? 'FRA' : state,
    primaryIdentifier: primary,
    secondaryIdentifier: secondary,
    documentNumber,
    nationality: pick(r, STATES),
    birthDate: `${by}-${pad2(bm)}-${pad2(bd)}`,
    sex: pick(r, ['M', 'F', 'X', '<']),
    expiryDate: `${ey}-${pad2(em)}-${pad2(ed)}`,
    optionalData,
    optionalData2: format === 'TD1' && r() < 0.5 ? word(r, ALNUM, 1, 11) : '',
  };
  return {
    format,
    fields,
    lines: generateMrz(format, fields),
    birthIso: `${by}-${pad2(bm)}-${pad2(bd)}`,
    expiryIso: format === 'FRENCH_ID' ? null : `${ey}-${pad2(em)}-${pad2(ed)}`,
  };
}

/** Characters a recogniser typically confuses (reference: "What goes wrong when reading"). */
export const CONFUSIONS: Readonly<Record<string, string>> = {
  '0': 'O',
  O: '0',
  '1': 'I',
  I: '1',
  '2': 'Z',
  Z: '2',
  '5': 'S',
  S: '5',
  '6': 'G',
  G: '6',
  '8': 'B',
  B: '8',
  '<': 'K',
  K: '<',
  C: '<',
  E: '<',
  L: '<',
};

/**
 * Recogniser-like alternatives for valid lines: at rate `noise` a position's best alternative is
 * wrong (a typical confusion, else a random char) and the truth comes second; elsewhere the truth is
 * best with a weaker random runner-up. The truth is always among the alternatives.
 */
export function noisyCandidates(r: () => number, lines: string[], noise: number): { candidates: LineCandidates[]; noisy: number } {
  let noisy = 0;
  const alphabet = [...`${ALNUM}<`];
  const candidates: LineCandidates[] = lines.map((line) =>
    [...line].map((ch) => {
      const other = CONFUSIONS[ch] ?? pick(r, alphabet);
      if (r() < noise && other !== ch) {
        noisy++;
        return [
          { char: other, score: 0.5 + r() * 0.2 },
          { char: ch, score: 0.2 + r() * 0.2 },
        ];
      }
      return [
        { char: ch, score: 0.85 + r() * 0.1 },
        { char: other, score: r() * 0.1 },
      ];
    }),
  );
  return { candidates, noisy };
}
