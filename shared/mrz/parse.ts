// Owns parsing and validation of MRZ text: fields, check digits, dates and derived facts for every format.

import { CHAR_FLAGS, CHAR_FLAGS_16, CHAR_VALUE, DIGIT, DIGIT_TO_LETTER, FILLER, LETTER, LETTER_TO_DIGIT, describeChar, fitsClass } from './alphabet';
import { weightedSum } from './check-digit';
import { ageAt, earliestInt, parseMrzDate, toRefDate, type RefDate } from './dates';
import { detectLayout, documentCodeTakesDigit, takesCodeDigitAt, type CheckSpec, type FieldSpec, type Layout } from './layouts';
import { nameWords, splitNames } from './names';
import { normaliseMrzInput } from './normalise';
import { cleanStateCode, isKnownState, stateName } from './states';
import type {
  MrzCheck,
  MrzCheckName,
  MrzCorrection,
  MrzDate,
  MrzField,
  MrzFieldName,
  MrzIssue,
  MrzNotice,
  MrzPosition,
  MrzResult,
  ParseOptions,
} from './types';

/** Far above any MRZ (90 chars plus noise): longer input is rejected before any work. */
export const MAX_INPUT_CHARS = 4096;

const FIELD_LABEL: Record<MrzFieldName, string> = {
  documentCode: 'Document code',
  issuingState: 'Issuing state',
  primaryIdentifier: 'Primary identifier (surname)',
  secondaryIdentifier: 'Secondary identifier (given names)',
  documentNumber: 'Document number',
  nationality: 'Nationality',
  birthDate: 'Birth date',
  sex: 'Sex',
  expiryDate: 'Expiry date',
  optionalData: 'Optional data',
  optionalData2: 'Optional data (line 2)',
  issueDate: 'Issue date',
};

const CHECK_LABEL: Record<MrzCheckName, string> = {
  documentNumber: 'Document number check digit',
  birthDate: 'Birth date check digit',
  expiryDate: 'Expiry date check digit',
  optionalData: 'Optional data (personal number) check digit',
  composite: 'Composite check digit',
};

const CHECK_SUBJECT: Record<MrzCheckName, string> = {
  documentNumber: 'the document number',
  birthDate: 'the birth date',
  expiryDate: 'the expiry date',
  optionalData: 'the personal number',
  composite: 'the text it covers',
};

/** Parses MRZ text (one string with line breaks, or the lines). Never throws. */
export function parseMrz(input: string | string[], options?: ParseOptions): MrzResult {
  const ref = toRefDate(options?.referenceDate);
  try {
    if (typeof input === 'string') {
      if (input.length > MAX_INPUT_CHARS) return notMrz(ref, tooLong(input.length), [], [], []);
      const { lines, notes } = normaliseMrzInput(input);
      return parseLines(lines, notes, [], ref, true);
    }
    if (Array.isArray(input)) {
      let total = 0;
      for (let i = 0; i < input.length; i++) {
        const line: unknown = input[i];
        if (typeof line !== 'string') return notMrz(ref, 'Input lines must be text.', [], [], []);
        total += line.length + 1;
      }
      if (total > MAX_INPUT_CHARS) return notMrz(ref, tooLong(total), [], [], []);
      // Fast path: lines that already fit a layout need no normalisation (and are scanned only once).
      const layout = detectLayout(input);
      if (typeof layout !== 'string' && fitsLayout(layout, input)) return parseWith(layout, true, input.slice(), [], [], ref, true);
      let clean = true;
      for (let i = 0; i < input.length && clean; i++) clean = isCleanLine(input[i]!);
      if (clean) return parseLines(input.slice(), [], [], ref, true);
      const { lines, notes } = normaliseMrzInput(input.join('\n'));
      return parseLines(lines, notes, [], ref, true);
    }
    return notMrz(ref, 'Input must be text or a list of lines.', [], [], []);
  } catch (e) {
    // Defensive only: the parser is written not to throw, but a kiosk must never crash on a reading.
    return notMrz(ref, `Internal error while parsing: ${e instanceof Error ? e.message : String(e)}`, [], [], []);
  }
}

function tooLong(n: number): string {
  return `Input is too long to be an MRZ (${n} characters; an MRZ has at most 90).`;
}

function isCleanLine(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || CHAR_VALUE[c]! < 0) return false;
  }
  return true;
}

export function notMrz(
  ref: RefDate,
  message: string,
  lines: string[],
  notes: string[],
  corrections: MrzCorrection[],
): MrzResult {
  return {
    format: null,
    valid: false,
    lines,
    fields: {},
    checks: [],
    errors: [{ field: 'format', message }],
    notices: [],
    corrections,
    normalised: notes,
    referenceDate: ref.iso,
    documentNumber: null,
    birthDate: null,
    expiryDate: null,
    ageYears: null,
    isMinor: null,
    expired: null,
    expiresWithinSixMonths: null,
    primaryIdentifier: '',
    secondaryIdentifier: '',
    nameParts: { primary: [], secondary: [] },
    nameMayBeTruncated: false,
  };
}

/**
 * Plain-text class rule: in letters-only positions that no check digit protects (names, state
 * codes, document code), a digit OCR or typists confuse with a letter is read as that letter (not the
 * second character of a code that may hold a digit: layouts.ts documentCodeTakesDigit).
 * Protected positions are never touched: there a change could hide a misreading.
 */
function applyClassRules(layout: Layout, lines: string[], corrections: MrzCorrection[]): string[] {
  let out: string[] | null = null;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    const classes = layout.classes[l]!;
    const covered = layout.covered[l]!;
    let fixed: string | null = null;
    for (let c = 0; c < line.length; c++) {
      const code = line.charCodeAt(c);
      if (code >= 128 || (CHAR_FLAGS[code]! & DIGIT) === 0) continue;
      const mask = classes[c]!;
      // A digit typed as the second character of a code that may hold one is what the document prints (US cards: C1).
      if ((mask & DIGIT) !== 0 || covered[c] === 1 || takesCodeDigitAt(line[0]!, l, c)) continue;
      const ch = line[c]!;
      const to = DIGIT_TO_LETTER[ch];
      if (to === undefined || !fitsClass(to.charCodeAt(0), mask)) continue;
      const base: string = fixed ?? line;
      fixed = base.slice(0, c) + to + base.slice(c + 1);
      corrections.push({ line: l, column: c, from: ch, to });
    }
    if (fixed !== null) {
      out ??= lines.slice();
      out[l] = fixed;
    }
  }
  return out ?? lines;
}

/** Trailing fillers dropped, inner fillers as spaces (the mrz package's rule, kept for comparability). */
export function cleanText(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 60) end--;
  let hasInner = false;
  for (let i = 0; i < end; i++) {
    if (raw.charCodeAt(i) === 60) {
      hasInner = true;
      break;
    }
  }
  const s = end === raw.length ? raw : raw.slice(0, end);
  return hasInner ? s.replaceAll('<', ' ') : s;
}

function fitsLayout(layout: Layout, lines: string[]): boolean {
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    const classes = layout.classes[l]!;
    for (let i = 0; i < line.length; i++) {
      if ((CHAR_FLAGS_16[line.charCodeAt(i)]! & classes[i]!) === 0) return false;
    }
  }
  return true;
}

/** First position in s[start:end] whose char is outside `mask`, or -1. */
function firstOutside(s: string, start: number, end: number, mask: number): number {
  if (start >= end) return -1;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (CHAR_FLAGS[c]! & mask) === 0) return i;
  }
  return -1;
}

function badCharMessage(label: string, s: string, line: number, col: number, what: string): string {
  return `${label} has ${describeChar(s[col]!)} at line ${line + 1}, column ${col + 1}; only ${what} are allowed.`;
}

/** Hint for a letter in a digits-only, check-digit-protected field: say what it may be, do not change it. */
function digitHint(s: string, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    const d = LETTER_TO_DIGIT[s[i]!];
    if (d !== undefined) {
      return ` '${s[i]}' may be a misread '${d}'; it was not changed because a check digit protects this field.`;
    }
  }
  return '';
}

// Plain mutable state, no closures: tsx/esbuild wrap every closure creation with a naming helper,
// and a few closures per document cost more than the whole parse.
class Builder {
  readonly fields: Partial<Record<MrzFieldName, MrzField>> = {};
  readonly errors: MrzIssue[] = [];
  readonly notices: MrzNotice[] = [];
  readonly checks: MrzCheck[] = [];
  birth: MrzDate | null = null;
  expiry: MrzDate | null = null;
  primaryParts: string[] = [];
  secondaryParts: string[] = [];
  truncated = false;
  primaryText = '';
  secondaryText = '';
  longValue: string | null = null;
  longCheck: CheckSpec | null = null;
  optionalOverride: MrzPosition | null = null;
  /** Every char fits its position's class, so fields need not scan for bad chars. */
  clean = false;

  add(name: MrzFieldName, raw: string, value: string | null, position: MrzPosition, error: string | null): MrzField {
    const f: MrzField = { name, raw, value, position, valid: error === null, error };
    this.fields[name] = f;
    if (error !== null) this.errors.push({ field: name, message: error });
    return f;
  }
}

/** Parses lines that are already split; shared by parseMrz and correctMrz. */
export function parseLines(
  inputLines: string[],
  notes: string[],
  corrections: MrzCorrection[],
  ref: RefDate,
  plainText: boolean,
): MrzResult {
  const layout = detectLayout(inputLines);
  if (typeof layout === 'string') return notMrz(ref, layout, inputLines, notes, corrections);
  // One pass over every char against its position's class: a clean document (the usual case)
  // then skips the class rules and every per-field character scan.
  return parseWith(layout, fitsLayout(layout, inputLines), inputLines, notes, corrections, ref, plainText);
}

function parseWith(
  layout: Layout,
  clean: boolean,
  inputLines: string[],
  notes: string[],
  corrections: MrzCorrection[],
  ref: RefDate,
  plainText: boolean,
): MrzResult {
  const lines = plainText && !clean ? applyClassRules(layout, inputLines, corrections) : inputLines;
  const b = new Builder();
  b.clean = clean;

  // Characters outside the alphabet: one error per line (the fields they sit in say so too).
  for (let l = 0; !clean && l < lines.length; l++) {
    const line = lines[l]!;
    const bad = firstOutside(line, 0, line.length, 0xff);
    if (bad >= 0) {
      let count = 0;
      for (let i = bad; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c >= 128 || CHAR_VALUE[c]! < 0) count++;
      }
      b.errors.push({
        field: `line${l + 1}`,
        message: `Line ${l + 1} has ${count} character${count === 1 ? '' : 's'} outside the MRZ alphabet (A–Z, 0–9, <), the first ${describeChar(line[bad]!)} at column ${bad + 1}.`,
      });
    }
  }


  // Long document numbers (TD1, TD2): `<` in the check slot moves the tail and check into optional data.
  const ln = layout.longNumber;
  if (ln && lines[ln.checkLine]!.charCodeAt(ln.checkColumn) === 60) {
    const line = lines[ln.optLine]!;
    let f = ln.optStart;
    while (f < ln.optEnd && line.charCodeAt(f) !== 60) f++;
    const spec = layout.checks[0]!;
    if (f > ln.optStart) {
      // The check digit is the last char before the first filler; the tail is what precedes it.
      const mainPos = spec.covers[0]!;
      const contPos: MrzPosition = { line: ln.optLine, start: ln.optStart, end: f - 1 };
      b.longCheck = {
        name: 'documentNumber',
        position: { line: ln.optLine, start: f - 1, end: f },
        covers: [mainPos, contPos],
        fillerWhenEmpty: false,
      };
      b.optionalOverride = { line: ln.optLine, start: f, end: ln.optEnd };
      b.longValue = lines[mainPos.line]!.slice(mainPos.start, mainPos.end) + line.slice(ln.optStart, f - 1);
    }
  }

  const fieldSpecs = layout.fields;
  for (let i = 0; i < fieldSpecs.length; i++) parseField(layout, fieldSpecs[i]!, lines, b, ref);

  const checkSpecs = layout.checks;
  for (let i = 0; i < checkSpecs.length; i++) {
    const spec = checkSpecs[i]!;
    if (spec.name === 'documentNumber' && ln && lines[ln.checkLine]!.charCodeAt(ln.checkColumn) === 60) {
      if (b.longCheck) runLongCheck(b.longCheck, lines, b);
      else {
        const p = spec.position;
        const message = `Document number check digit is '<' but the optional data holds no continuation of the number.`;
        b.checks.push({ name: 'documentNumber', position: p, covers: spec.covers, raw: '<', expected: -1, valid: false, error: message });
        b.errors.push({ field: 'documentNumberCheckDigit', message });
      }
      continue;
    }
    runCheck(spec, lines, b);
  }

  const valid = b.errors.length === 0;
  const bd = b.birth;
  const ed = b.expiry;
  const age = bd !== null && b.fields.birthDate?.valid ? ageAt(bd, ref) : null;
  const expInt = ed !== null ? earliestInt(ed) : null;
  const expired = expInt === null ? null : expInt < ref.int;
  const expiresWithinSixMonths = expInt === null ? null : expInt < ref.plusSix;
  if (expired) b.notices.push({ code: 'expired', field: 'expiryDate', message: `The document expired on ${ed!.iso}.` });
  else if (expiresWithinSixMonths) b.notices.push({ code: 'expires_soon', field: 'expiryDate', message: `The document expires on ${ed!.iso}, within six months.` });
  if (age !== null && age < 18) b.notices.push({ code: 'minor', field: 'birthDate', message: `The holder is ${age}, under 18.` });
  const docField = b.fields.documentNumber;
  return {
    format: layout.format,
    valid,
    lines,
    fields: b.fields,
    checks: b.checks,
    errors: b.errors,
    notices: b.notices,
    corrections,
    normalised: notes,
    referenceDate: ref.iso,
    documentNumber: docField && docField.value !== null && docField.valid ? docField.value : null,
    birthDate: bd,
    expiryDate: ed,
    ageYears: age,
    isMinor: age === null ? null : age < 18,
    expired,
    expiresWithinSixMonths,
    primaryIdentifier: b.primaryText,
    secondaryIdentifier: b.secondaryText,
    nameParts: { primary: b.primaryParts, secondary: b.secondaryParts },
    nameMayBeTruncated: b.truncated,
  };
}

const LETTERS_OR_FILLER = 'letters and <';

/** Codes ICAO gives holders without a state of their own (stateless, refugees, unspecified). */
const NO_STATE: ReadonlySet<string> = new Set(['XXA', 'XXB', 'XXC', 'XXX']);

function isLetters(code: string): boolean {
  return code.length > 0 && firstOutside(code, 0, code.length, CHAR_FLAGS[65]!) < 0;
}
const ALNUM_OR_FILLER = 'letters, digits and <';

function parseField(
  layout: Layout,
  spec: FieldSpec,
  lines: string[],
  b: Builder,
  ref: RefDate,
): void {
  const { longValue, longCheck, optionalOverride } = b;
  let p = spec.position;
  const s = lines[p.line]!;
  switch (spec.kind) {
    case 'documentCode': {
      const raw = s.slice(p.start, p.end);
      const first = raw[0]!;
      const second = raw.charCodeAt(1);
      const takesDigit = documentCodeTakesDigit(first);
      let error: string | null = null;
      if (!layout.codeFirst.includes(first)) {
        const allowed = layout.codeFirst.split('').join(', ');
        error = `Document code '${raw}' must start with ${allowed} in a ${layout.format} MRZ.`;
      } else if (!fitsClass(second, LETTER | FILLER | (takesDigit ? DIGIT : 0))) {
        error = takesDigit
          ? `Document code '${raw}' must have a letter, a digit or < as its second character.`
          : `Document code '${raw}' must have a letter or < as its second character.`;
      } else if (layout.codeFirst === 'IAC' && second === 86) {
        error = `Document code '${raw}' may not have V as its second character (reserved for visas).`;
      }
      b.add('documentCode', raw, error === null ? cleanText(raw) : null, p, error);
      return;
    }
    case 'state': {
      const name = spec.name as MrzFieldName;
      const label = FIELD_LABEL[name];
      const raw = s.slice(p.start, p.end);
      const code = cleanStateCode(raw);
      let error: string | null = null;
      if (!isLetters(code)) {
        error = `${label} '${raw}' is not a state code (three letters, or a shorter code padded with <).`;
      } else if (!isKnownState(code)) {
        // No issuer writes it: a misread, a typing slip or a forgery, never a fact to pass on.
        error = `${label} code '${code}' is not a known ISO 3166 or ICAO code.`;
      } else if (NO_STATE.has(code)) {
        b.notices.push({ code: 'state_unspecified', field: name, message: `${label} is ${code}: ${stateName(code, 'en') ?? code}.` });
      }
      b.add(name, raw, error === null || isLetters(code) ? code : null, p, error);
      return;
    }
    case 'names': {
      const split = splitNames(s, p.start, p.end);
      const bad = b.clean ? -1 : firstOutside(s, p.start, p.end, CHAR_FLAGS[65]! | CHAR_FLAGS[60]!);
      const pPos: MrzPosition = { line: p.line, start: p.start, end: split.primaryEnd };
      const sPos: MrzPosition = { line: p.line, start: split.secondaryStart, end: split.secondaryEnd };
      const primaryBad = bad >= 0 && bad < split.primaryEnd;
      const pErr = primaryBad
        ? badCharMessage(FIELD_LABEL.primaryIdentifier, s, p.line, bad, LETTERS_OR_FILLER)
        : split.primaryParts.length === 0
          ? 'Primary identifier (surname) is empty.'
          : null;
      const sErr = bad >= 0 && !primaryBad ? badCharMessage(FIELD_LABEL.secondaryIdentifier, s, p.line, bad, LETTERS_OR_FILLER) : null;
      b.primaryText = split.primaryParts.join(' ');
      b.secondaryText = split.secondaryParts.join(' ');
      b.add('primaryIdentifier', s.slice(p.start, split.primaryEnd), pErr === null ? b.primaryText : null, pPos, pErr);
      b.add('secondaryIdentifier', s.slice(split.secondaryStart, split.secondaryEnd), sErr === null ? b.secondaryText : null, sPos, sErr);
      b.primaryParts = split.primaryParts;
      b.secondaryParts = split.secondaryParts;
      b.truncated = s.charCodeAt(p.end - 1) !== 60;
      return;
    }
    case 'surname':
    case 'givenNames': {
      const name = spec.name as MrzFieldName;
      const raw = s.slice(p.start, p.end);
      const bad = b.clean ? -1 : firstOutside(s, p.start, p.end, CHAR_FLAGS[65]! | CHAR_FLAGS[60]!);
      const words = nameWords(s, p.start, p.end);
      const error =
        bad >= 0
          ? badCharMessage(FIELD_LABEL[name], s, p.line, bad, LETTERS_OR_FILLER)
          : spec.kind === 'surname' && words.length === 0
            ? 'Primary identifier (surname) is empty.'
            : null;
      const text = words.join(' ');
      b.add(name, raw, error === null ? text : null, p, error);
      if (spec.kind === 'surname') {
        b.primaryParts = words;
        b.primaryText = text;
      } else {
        b.secondaryParts = words;
        b.secondaryText = text;
      }
      if (s.charCodeAt(p.end - 1) !== 60) b.truncated = true;
      return;
    }
    case 'documentNumber': {
      const raw = s.slice(p.start, p.end);
      const bad = b.clean ? -1 : firstOutside(s, p.start, p.end, CHAR_FLAGS[65]! | CHAR_FLAGS[48]! | CHAR_FLAGS[60]!);
      let error: string | null = null;
      let value: string | null = null;
      if (bad >= 0) error = badCharMessage('Document number', s, p.line, bad, ALNUM_OR_FILLER);
      else if (longValue !== null) {
        value = longValue;
        if (firstOutside(longValue, 0, longValue.length, CHAR_FLAGS[65]! | CHAR_FLAGS[48]!) >= 0) {
          error = `Document number '${longValue}' continues in the optional data but its first part or continuation holds fillers or invalid characters.`;
        }
      } else {
        value = cleanText(raw);
        if (value.length === 0) error = 'Document number is empty.';
      }
      const f = b.add('documentNumber', raw, value, p, error);
      if (longCheck) f.continuation = longCheck.covers[1]!;
      return;
    }
    case 'issueDate': {
      const raw = s.slice(p.start, p.end);
      const yy = (raw.charCodeAt(0) - 48) * 10 + raw.charCodeAt(1) - 48;
      const mm = (raw.charCodeAt(2) - 48) * 10 + raw.charCodeAt(3) - 48;
      let error: string | null = null;
      let value: string | null = null;
      if (firstOutside(raw, 0, 4, CHAR_FLAGS[48]!) >= 0) error = `Issue date '${raw}' must be four digits (YYMM).`;
      else if (mm < 1 || mm > 12) error = `Issue date '${raw}' has month ${raw.slice(2)}, which does not exist.`;
      else {
        let year = Math.floor(ref.y / 100) * 100 + yy;
        if (year * 100 + mm > ref.y * 100 + ref.m) year -= 100;
        value = `${year}-${raw.slice(2)}`;
      }
      b.add('issueDate', raw, value, p, error);
      return;
    }
    case 'date': {
      const name = spec.name as MrzFieldName;
      const label = FIELD_LABEL[name];
      const raw = s.slice(p.start, p.end);
      const kind = name === 'birthDate' ? 'birth' : 'expiry';
      const r = parseMrzDate(raw, kind, ref, label);
      let error = r.error;
      if (error !== null && r.date === null) error += digitHint(raw, 0, raw.length);
      b.add(name, raw, r.date ? r.date.iso : null, p, error);
      if (kind === 'birth') b.birth = r.date;
      else b.expiry = r.date;
      return;
    }
    case 'sex': {
      const raw = s.slice(p.start, p.end);
      const c = raw.charCodeAt(0);
      const ok = c === 77 || c === 70 || c === 88 || c === 60;
      b.add('sex', raw, ok ? raw : null, p, ok ? null : `Sex must be M, F, X or < (found ${describeChar(raw)}).`);
      return;
    }
    case 'optional': {
      const name = spec.name as MrzFieldName;
      if (name === 'optionalData' && optionalOverride) p = optionalOverride;
      const raw = s.slice(p.start, p.end);
      const bad = b.clean ? -1 : firstOutside(s, p.start, p.end, CHAR_FLAGS[65]! | CHAR_FLAGS[48]! | CHAR_FLAGS[60]!);
      const error = bad >= 0 ? badCharMessage(FIELD_LABEL[name], s, p.line, bad, ALNUM_OR_FILLER) : null;
      let value: string | null = null;
      if (error === null) {
        // A long number's continuation leaves a filler before the optional data proper.
        let st = 0;
        if (optionalOverride && name === 'optionalData') while (st < raw.length && raw.charCodeAt(st) === 60) st++;
        value = cleanText(st === 0 ? raw : raw.slice(st));
      }
      b.add(name, raw, value, p, error);
      return;
    }
  }
}

function sumOver(lines: string[], covers: readonly MrzPosition[]): number {
  let sum = 0;
  let phase = 0;
  for (let i = 0; i < covers.length; i++) {
    const r = covers[i]!;
    const part = weightedSum(lines[r.line]!, r.start, r.end, phase);
    if (part < 0) return -1;
    sum += part;
    phase = (phase + r.end - r.start) % 3;
  }
  return sum;
}

function allFiller(lines: string[], covers: readonly MrzPosition[]): boolean {
  for (const r of covers) {
    const s = lines[r.line]!;
    for (let i = r.start; i < r.end; i++) if (s.charCodeAt(i) !== 60) return false;
  }
  return true;
}

function pushCheck(b: Builder, spec: CheckSpec, raw: string, expected: number, error: string | null): void {
  b.checks.push({ name: spec.name, position: spec.position, covers: spec.covers, raw, expected, valid: error === null, error });
  if (error !== null) b.errors.push({ field: `${spec.name}CheckDigit`, message: error });
}

function runCheck(spec: CheckSpec, lines: string[], b: Builder): void {
  const p = spec.position;
  const raw = lines[p.line]![p.start]!;
  const sum = sumOver(lines, spec.covers);
  const c = raw.charCodeAt(0);
  if (sum >= 0 && c - 48 === sum % 10) {
    pushCheck(b, spec, raw, sum % 10, null);
    return;
  }
  const label = CHECK_LABEL[spec.name];
  if (sum < 0) {
    pushCheck(b, spec, raw, -1, `${label} cannot be verified: ${CHECK_SUBJECT[spec.name]} contains characters outside the MRZ alphabet.`);
    return;
  }
  const expected = sum % 10;
  if (spec.fillerWhenEmpty && allFiller(lines, spec.covers) && (c === 60 || c === 48)) {
    pushCheck(b, spec, raw, expected, null);
    return;
  }
  if (c < 48 || c > 57) {
    const hint = LETTER_TO_DIGIT[raw] !== undefined ? ` ('${raw}' may be a misread '${LETTER_TO_DIGIT[raw]}'; not changed because it is a check digit.)` : '';
    pushCheck(b, spec, raw, expected, `${label} is ${describeChar(raw)}, not a digit; ${CHECK_SUBJECT[spec.name]} gives ${expected}.${hint}`);
    return;
  }
  pushCheck(
    b,
    spec,
    raw,
    expected,
    c - 48 === expected ? null : `${label} is ${raw} but ${CHECK_SUBJECT[spec.name]} gives ${expected}.`,
  );
}

/** Issuers differ on whether the `<` in the check slot is part of the checked string: accept both. */
function runLongCheck(spec: CheckSpec, lines: string[], b: Builder): void {
  const p = spec.position;
  const raw = lines[p.line]![p.start]!;
  const main = spec.covers[0]!;
  const cont = spec.covers[1]!;
  const sumA = sumOver(lines, spec.covers);
  // Variant with the filler: the continuation's weights shift by one place, the `<` itself adds 0.
  const mainSum = weightedSum(lines[main.line]!, main.start, main.end, 0);
  const contSum = weightedSum(lines[cont.line]!, cont.start, cont.end, (main.end - main.start + 1) % 3);
  const label = CHECK_LABEL.documentNumber;
  if (sumA < 0 || mainSum < 0 || contSum < 0) {
    pushCheck(b, spec, raw, -1, `${label} cannot be verified: the document number contains characters outside the MRZ alphabet.`);
    return;
  }
  const a = sumA % 10;
  const withFiller = (mainSum + contSum) % 10;
  const c = raw.charCodeAt(0);
  const d = c - 48;
  if (c < 48 || c > 57) {
    pushCheck(b, spec, raw, a, `${label} (at the end of the long document number) is ${describeChar(raw)}, not a digit; the document number gives ${a}.`);
  } else if (d === a || d === withFiller) {
    pushCheck(b, spec, raw, d, null);
  } else {
    pushCheck(b, spec, raw, a, `${label} (at the end of the long document number) is ${raw} but the document number gives ${a}.`);
  }
}
