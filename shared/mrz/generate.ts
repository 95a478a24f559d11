// Owns building valid MRZ lines from field values (manual-entry preview, tests, synthetic data).

import { CHAR_VALUE } from './alphabet';
import { checkDigit } from './check-digit';
import { toMrzDate } from './dates';
import { toMrzName } from './names';
import type { MrzFieldValues, MrzFormat } from './types';

const DEFAULT_CODE: Record<MrzFormat, string> = {
  TD3: 'P',
  TD2: 'I',
  TD1: 'I',
  MRVA: 'V',
  MRVB: 'V',
  FRENCH_ID: 'ID',
};

/** Upper-cases and maps anything outside the alphabet to `<`, then pads or cuts to `len`. */
function fit(s: string, len: number): string {
  let out = '';
  for (let i = 0; i < s.length && out.length < len; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    out += c < 128 && CHAR_VALUE[c]! >= 0 ? String.fromCharCode(c) : '<';
  }
  return out.padEnd(len, '<');
}

/** Collapses runs of `<` and trims them, so a name part never fakes the `<<` separator. */
function namePart(s: string): string {
  const m = toMrzName(s);
  let out = '';
  for (let i = 0; i < m.length; i++) {
    const ch = m[i]!;
    if (ch === '<' && (out.length === 0 || out.endsWith('<'))) continue;
    out += ch;
  }
  return out.endsWith('<') ? out.slice(0, -1) : out;
}

function names(primary: string, secondary: string, len: number): string {
  const p = namePart(primary);
  const s = namePart(secondary);
  return fit(s.length > 0 ? `${p}<<${s}` : p, len);
}

function cd(s: string): string {
  const d = checkDigit(s);
  return d < 0 ? '0' : String(d);
}

function date(v: string | Date | undefined, fallback: string): string {
  return fit(toMrzDate(v ?? fallback), 6);
}

function sex(v: string | undefined): string {
  const s = (v ?? '<').toUpperCase();
  return s === 'M' || s === 'F' || s === 'X' ? s : '<';
}

function code(format: MrzFormat, v: string | undefined): string {
  return fit(v && v.length > 0 ? v : DEFAULT_CODE[format], 2);
}

/** Document number part for TD1/TD2: nine characters plus check, or the ICAO long-number layout. */
function docNumber(doc: string, optLen: number, optional: string): { head: string; opt: string } {
  const clean = fit(doc, Math.max(doc.length, 1)).replace(/<+$/, '');
  if (clean.length <= 9) {
    const nine = fit(clean, 9);
    return { head: nine + cd(nine), opt: fit(optional, optLen) };
  }
  // Long numbers: first nine, `<` in the check slot, then the rest, its check digit and a filler.
  const tail = clean.slice(9, 9 + optLen - 1);
  const full = clean.slice(0, 9) + tail;
  const cont = tail + cd(full);
  const opt = cont.length < optLen ? `${cont}<${fit(optional, optLen).slice(0, optLen - cont.length - 1)}` : cont;
  return { head: `${clean.slice(0, 9)}<`, opt: fit(opt, optLen) };
}

/**
 * Builds valid MRZ lines for a format. Values are upper-cased and fitted (cut or padded with `<`);
 * missing fields get neutral defaults. Check digits and the composite are always computed, so the
 * result is valid whenever the values are (a date that does not exist stays invalid, on purpose).
 */
export function generateMrz(format: MrzFormat, fields: Partial<MrzFieldValues> = {}): string[] {
  const state = fit(fields.issuingState ?? (format === 'FRENCH_ID' ? 'FRA' : 'UTO'), 3);
  const nat = fit(fields.nationality ?? fields.issuingState ?? 'UTO', 3);
  const primary = fields.primaryIdentifier ?? 'SPECIMEN';
  const secondary = fields.secondaryIdentifier ?? '';
  const birth = date(fields.birthDate, '700101');
  const expiry = date(fields.expiryDate, '300101');
  const sx = sex(fields.sex);
  const doc = fields.documentNumber ?? 'L898902C3';
  const optional = fields.optionalData ?? '';
  switch (format) {
    case 'TD3': {
      const l1 = code(format, fields.documentCode) + state + names(primary, secondary, 39);
      const d = fit(doc, 9);
      const opt = fit(optional, 14);
      const optCheck = opt === '<<<<<<<<<<<<<<' ? '<' : cd(opt);
      const body = d + cd(d) + nat + birth + cd(birth) + sx + expiry + cd(expiry) + opt + optCheck;
      return [l1, body + cd(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43))];
    }
    case 'TD2': {
      const l1 = code(format, fields.documentCode) + state + names(primary, secondary, 31);
      const { head, opt } = docNumber(doc, 7, optional);
      const body = head + nat + birth + cd(birth) + sx + expiry + cd(expiry) + opt;
      return [l1, body + cd(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 35))];
    }
    case 'TD1': {
      const { head, opt } = docNumber(doc, 15, optional);
      const l1 = code(format, fields.documentCode) + state + head + opt;
      const body = birth + cd(birth) + sx + expiry + cd(expiry) + nat + fit(fields.optionalData2 ?? '', 11);
      const l2 = body + cd(l1.slice(5, 30) + body.slice(0, 7) + body.slice(8, 15) + body.slice(18, 29));
      return [l1, l2, names(primary, secondary, 30)];
    }
    case 'MRVA':
    case 'MRVB': {
      const len = format === 'MRVA' ? 44 : 36;
      const l1 = code(format, fields.documentCode) + state + names(primary, secondary, len - 5);
      const d = fit(doc, 9);
      const l2 = d + cd(d) + nat + birth + cd(birth) + sx + expiry + cd(expiry) + fit(optional, len - 28);
      return [l1, l2];
    }
    case 'FRENCH_ID': {
      // Detection keys on `IDFRA`: the card only exists as a French document.
      const l1 = 'IDFRA' + fit(namePart(primary), 25) + fit(optional, 6);
      // Given names on the card are separated by two fillers.
      const given = secondary
        .split(/[\s<]+/)
        .filter((w) => w.length > 0)
        .map(namePart)
        .join('<<');
      const d = fit(doc, 12);
      const body = d + cd(d) + fit(given, 14) + birth + cd(birth) + sx;
      return [l1, body + cd(l1 + body)];
    }
  }
}
