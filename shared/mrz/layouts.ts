// Owns where every field and check digit sits in each MRZ format, and which format a set of lines is.

import {
  CLASS_ALNUM_OR_FILLER,
  CLASS_DIGIT,
  CLASS_DIGIT_OR_FILLER,
  CLASS_LETTER,
  CLASS_LETTER_OR_FILLER,
  CLASS_SEX,
} from './alphabet';
import { weightAt, weightedSum } from './check-digit';
import type { MrzCheckName, MrzFieldName, MrzFormat, MrzPosition } from './types';

export type FieldKind =
  | 'documentCode'
  | 'state'
  /** primary<<secondary in one region (TD1, TD2, TD3, MRV). */
  | 'names'
  /** FRENCH_ID: the surname alone on line 1. */
  | 'surname'
  /** FRENCH_ID: the given names alone on line 2. */
  | 'givenNames'
  | 'documentNumber'
  | 'date'
  | 'sex'
  | 'optional'
  /** FRENCH_ID: YYMM of issue inside the card number. */
  | 'issueDate';

export interface FieldSpec {
  /** `names` regions produce primaryIdentifier and secondaryIdentifier. */
  name: MrzFieldName | 'names';
  kind: FieldKind;
  position: MrzPosition;
}

export interface CheckSpec {
  name: MrzCheckName;
  position: MrzPosition;
  covers: MrzPosition[];
  /** TD3 personal number: `<` (or 0) is the check digit of an all-filler field. */
  fillerWhenEmpty: boolean;
}

export interface LongNumberSpec {
  /** Where the check digit normally is; `<` there means the number continues in optional data. */
  checkLine: number;
  checkColumn: number;
  optLine: number;
  optStart: number;
  optEnd: number;
}

/**
 * The weight a recogniser's letter keeps as the first letter of a document code when its format does not allow
 * it. ICAO allows only P or V on 2×44, I, A, C or V on 2×36 and I, A or C on 3×30, so such a letter is mostly a
 * misread; but some documents are printed so (a Polish residence card KP…, a US border crossing card VB…, a
 * Korean card P<KOR on three lines), and a letter read far surer than any allowed one is the document's own, to
 * be shown as an impossible field, never silently made an I.
 */
export const DISALLOWED_CODE_LETTER_WEIGHT = 0.3;

/**
 * Whether a document code starting with this letter may have a digit as its second character. Only after a C: US
 * permanent resident cards print C1. Everywhere else a digit there is a letter's look-alike (a PO passport's O read
 * as 0 0.9935 sure), so the position keeps the class of a letter, and the parser and the correction allow a digit
 * only here.
 */
export function documentCodeTakesDigit(first: string): boolean {
  return first === 'C';
}

/** Whether line `line`, column `column` (0-based) is a document code's second character that may be a digit, in an MRZ whose first character is `first`. */
export function takesCodeDigitAt(first: string, line: number, column: number): boolean {
  return line === 0 && column === 1 && documentCodeTakesDigit(first);
}

export interface Layout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  /** Allowed first characters of the document code. */
  codeFirst: string;
  fields: FieldSpec[];
  checks: CheckSpec[];
  longNumber: LongNumberSpec | null;
  /** Character class mask per line and column (see alphabet.ts). */
  classes: Uint8Array[];
  /** 1 where a check digit (own or composite) protects the character or is the character. */
  covered: Uint8Array[];
  /** Composite weight (7, 3, 1) per line and column, 0 outside the composite; null without a composite. */
  compositeWeights: Uint8Array[] | null;
}

function pos(line: number, start: number, end: number): MrzPosition {
  return Object.freeze({ line, start, end });
}

function field(name: FieldSpec['name'], kind: FieldKind, line: number, start: number, end: number): FieldSpec {
  return { name, kind, position: pos(line, start, end) };
}

function check(
  name: MrzCheckName,
  line: number,
  column: number,
  covers: Array<[number, number, number]>,
  fillerWhenEmpty = false,
): CheckSpec {
  return {
    name,
    position: pos(line, column, column + 1),
    covers: covers.map(([l, s, e]) => pos(l, s, e)),
    fillerWhenEmpty,
  };
}

function classOf(kind: FieldKind): number {
  switch (kind) {
    case 'documentCode':
    case 'state':
    case 'names':
    case 'surname':
    case 'givenNames':
      return CLASS_LETTER_OR_FILLER;
    case 'date':
    case 'issueDate':
      return CLASS_DIGIT_OR_FILLER;
    case 'sex':
      return CLASS_SEX;
    case 'documentNumber':
    case 'optional':
      return CLASS_ALNUM_OR_FILLER;
  }
}

function build(
  format: MrzFormat,
  lineCount: number,
  lineLength: number,
  codeFirst: string,
  fields: FieldSpec[],
  checks: CheckSpec[],
  longNumber: LongNumberSpec | null,
): Layout {
  const classes: Uint8Array[] = [];
  const covered: Uint8Array[] = [];
  for (let l = 0; l < lineCount; l++) {
    classes.push(new Uint8Array(lineLength).fill(CLASS_ALNUM_OR_FILLER));
    covered.push(new Uint8Array(lineLength));
  }
  for (const f of fields) {
    const { line, start, end } = f.position;
    classes[line]!.fill(classOf(f.kind), start, end);
    if (f.kind === 'documentCode') classes[line]![start] = CLASS_LETTER;
  }
  let compositeWeights: Uint8Array[] | null = null;
  for (const c of checks) {
    const { line, start } = c.position;
    // A check digit slot is digits only, except where `<` has a meaning (long numbers, empty personal number).
    const mayBeFiller =
      c.fillerWhenEmpty || (longNumber !== null && longNumber.checkLine === line && longNumber.checkColumn === start);
    classes[line]![start] = mayBeFiller ? CLASS_DIGIT_OR_FILLER : CLASS_DIGIT;
    covered[line]![start] = 1;
    for (const r of c.covers) covered[r.line]!.fill(1, r.start, r.end);
    if (c.name === 'composite') {
      compositeWeights = [];
      for (let l = 0; l < lineCount; l++) compositeWeights.push(new Uint8Array(lineLength));
      let i = 0;
      for (const r of c.covers) {
        for (let col = r.start; col < r.end; col++) compositeWeights[r.line]![col] = weightAt(i++);
      }
    }
  }
  return { format, lineCount, lineLength, codeFirst, fields, checks, longNumber, classes, covered, compositeWeights };
}

const TD3 = build(
  'TD3',
  2,
  44,
  'P',
  [
    field('documentCode', 'documentCode', 0, 0, 2),
    field('issuingState', 'state', 0, 2, 5),
    field('names', 'names', 0, 5, 44),
    field('documentNumber', 'documentNumber', 1, 0, 9),
    field('nationality', 'state', 1, 10, 13),
    field('birthDate', 'date', 1, 13, 19),
    field('sex', 'sex', 1, 20, 21),
    field('expiryDate', 'date', 1, 21, 27),
    field('optionalData', 'optional', 1, 28, 42),
  ],
  [
    check('documentNumber', 1, 9, [[1, 0, 9]]),
    check('birthDate', 1, 19, [[1, 13, 19]]),
    check('expiryDate', 1, 27, [[1, 21, 27]]),
    check('optionalData', 1, 42, [[1, 28, 42]], true),
    check('composite', 1, 43, [
      [1, 0, 10],
      [1, 13, 20],
      [1, 21, 43],
    ]),
  ],
  null,
);

function visa(format: 'MRVA' | 'MRVB', length: number): Layout {
  return build(
    format,
    2,
    length,
    'V',
    [
      field('documentCode', 'documentCode', 0, 0, 2),
      field('issuingState', 'state', 0, 2, 5),
      field('names', 'names', 0, 5, length),
      field('documentNumber', 'documentNumber', 1, 0, 9),
      field('nationality', 'state', 1, 10, 13),
      field('birthDate', 'date', 1, 13, 19),
      field('sex', 'sex', 1, 20, 21),
      field('expiryDate', 'date', 1, 21, 27),
      field('optionalData', 'optional', 1, 28, length),
    ],
    [
      check('documentNumber', 1, 9, [[1, 0, 9]]),
      check('birthDate', 1, 19, [[1, 13, 19]]),
      check('expiryDate', 1, 27, [[1, 21, 27]]),
    ],
    null,
  );
}

const TD2 = build(
  'TD2',
  2,
  36,
  'IAC',
  [
    field('documentCode', 'documentCode', 0, 0, 2),
    field('issuingState', 'state', 0, 2, 5),
    field('names', 'names', 0, 5, 36),
    field('documentNumber', 'documentNumber', 1, 0, 9),
    field('nationality', 'state', 1, 10, 13),
    field('birthDate', 'date', 1, 13, 19),
    field('sex', 'sex', 1, 20, 21),
    field('expiryDate', 'date', 1, 21, 27),
    field('optionalData', 'optional', 1, 28, 35),
  ],
  [
    check('documentNumber', 1, 9, [[1, 0, 9]]),
    check('birthDate', 1, 19, [[1, 13, 19]]),
    check('expiryDate', 1, 27, [[1, 21, 27]]),
    check('composite', 1, 35, [
      [1, 0, 10],
      [1, 13, 20],
      [1, 21, 35],
    ]),
  ],
  { checkLine: 1, checkColumn: 9, optLine: 1, optStart: 28, optEnd: 35 },
);

const TD1 = build(
  'TD1',
  3,
  30,
  'IAC',
  [
    field('documentCode', 'documentCode', 0, 0, 2),
    field('issuingState', 'state', 0, 2, 5),
    field('documentNumber', 'documentNumber', 0, 5, 14),
    field('optionalData', 'optional', 0, 15, 30),
    field('birthDate', 'date', 1, 0, 6),
    field('sex', 'sex', 1, 7, 8),
    field('expiryDate', 'date', 1, 8, 14),
    field('nationality', 'state', 1, 15, 18),
    field('optionalData2', 'optional', 1, 18, 29),
    field('names', 'names', 2, 0, 30),
  ],
  [
    check('documentNumber', 0, 14, [[0, 5, 14]]),
    check('birthDate', 1, 6, [[1, 0, 6]]),
    check('expiryDate', 1, 14, [[1, 8, 14]]),
    check('composite', 1, 29, [
      [0, 5, 30],
      [1, 0, 7],
      [1, 8, 15],
      [1, 18, 29],
    ]),
  ],
  { checkLine: 0, checkColumn: 14, optLine: 0, optStart: 15, optEnd: 30 },
);

/**
 * French national identity card (1988–2021), 2 × 36:
 * line 1: `ID` `FRA` surname(25) administrative code(6: department + office);
 * line 2: card number(12: YYMM of issue, department(3), serial(5)) check, given names(14),
 * birth date YYMMDD check, sex, and a final check digit over both lines.
 */
const FRENCH_ID = build(
  'FRENCH_ID',
  2,
  36,
  'I',
  [
    field('documentCode', 'documentCode', 0, 0, 2),
    field('issuingState', 'state', 0, 2, 5),
    field('primaryIdentifier', 'surname', 0, 5, 30),
    field('optionalData', 'optional', 0, 30, 36),
    field('documentNumber', 'documentNumber', 1, 0, 12),
    field('issueDate', 'issueDate', 1, 0, 4),
    field('secondaryIdentifier', 'givenNames', 1, 13, 27),
    field('birthDate', 'date', 1, 27, 33),
    field('sex', 'sex', 1, 34, 35),
  ],
  [
    check('documentNumber', 1, 12, [[1, 0, 12]]),
    check('birthDate', 1, 33, [[1, 27, 33]]),
    check('composite', 1, 35, [
      [0, 0, 36],
      [1, 0, 35],
    ]),
  ],
  null,
);
// The card number is alphanumeric (Corsican departments are 2A and 2B), but its first four are the issue date.
FRENCH_ID.classes[1]!.fill(CLASS_ALNUM_OR_FILLER, 0, 12);
FRENCH_ID.classes[1]!.fill(CLASS_DIGIT, 0, 4);

export const LAYOUTS: Readonly<Record<MrzFormat, Layout>> = {
  TD3,
  TD2,
  TD1,
  MRVA: visa('MRVA', 44),
  MRVB: visa('MRVB', 36),
  FRENCH_ID,
};

/** How many of a layout's check digits hold on these lines (used only to tell look-alikes apart). */
function checksHolding(layout: Layout, lines: readonly string[]): number {
  let n = 0;
  for (const c of layout.checks) {
    let sum = 0;
    let phase = 0;
    for (const r of c.covers) {
      const part = weightedSum(lines[r.line]!, r.start, r.end, phase);
      if (part < 0) return n;
      sum += part;
      phase = (phase + r.end - r.start) % 3;
    }
    if (lines[c.position.line]!.charCodeAt(c.position.start) - 48 === sum % 10) n++;
  }
  return n;
}

/** Lines per format for messages: "TD3 has 2 lines of 44". */
export function describeShape(layout: Layout): string {
  return `${layout.lineCount} lines of ${layout.lineLength} characters`;
}

/**
 * Picks the layout from line count, line lengths and the document code. Returns a plain English
 * reason instead when the lines cannot be any MRZ; the first char decides between look-alikes.
 */
export function detectLayout(lines: readonly string[]): Layout | string {
  const n = lines.length;
  if (n === 0) return 'No MRZ text found: the input is empty.';
  const l0 = lines[0]!;
  const len = l0.length;
  let layout: Layout | null = null;
  if (n === 3 && len === 30) layout = TD1;
  else if (n === 2 && len === 44) layout = l0.charCodeAt(0) === 86 /* V */ ? LAYOUTS.MRVA : TD3;
  else if (n === 2 && len === 36) {
    if (l0.startsWith('IDFRA')) {
      // A TD2 issued by France with code ID starts the same way: let the check digits decide.
      layout = lines[1]!.length === 36 && checksHolding(TD2, lines) > checksHolding(FRENCH_ID, lines) ? TD2 : FRENCH_ID;
    } else layout = l0.charCodeAt(0) === 86 ? LAYOUTS.MRVB : TD2;
  }
  if (layout) {
    for (let i = 1; i < n; i++) {
      const li = lines[i]!.length;
      if (li !== len) {
        return `Line ${i + 1} has ${li} characters but line 1 has ${len}; a ${layout.format} MRZ has ${describeShape(layout)}.`;
      }
    }
    return layout;
  }
  return describeBadShape(lines);
}

function describeBadShape(lines: readonly string[]): string {
  const n = lines.length;
  const lengths = lines.map((l) => l.length);
  const shown = n > 5 ? `${lengths.slice(0, 5).join(', ')}, …` : lengths.join(', ');
  const known = 'An MRZ has 3 lines of 30 (TD1), 2 lines of 36 (TD2, MRV-B, French ID) or 2 lines of 44 (TD3, MRV-A) characters.';
  if (n === 1) {
    const len = lengths[0]!;
    if (len === 30 || len === 36 || len === 44) {
      return `Only one line of ${len} characters was found; an MRZ of that width has ${len === 30 ? 3 : 2} lines (was the MRZ split across blocks?). ${known}`;
    }
    return `Found 1 line of ${len} characters, which is not an MRZ. ${known}`;
  }
  if (n === 2 && lengths[0] === 30 && lengths[1] === 30) {
    return `Found 2 lines of 30 characters; a TD1 MRZ has 3 lines (was the MRZ split across blocks?). ${known}`;
  }
  return `Found ${n} lines (lengths ${shown}), which is not an MRZ. ${known}`;
}
