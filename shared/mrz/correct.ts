// Owns correction of recogniser output: per-position classes plus a bounded, check-digit-guided search over alternatives.

import { CHAR_VALUE, DIGIT, FILLER, LETTER, charValue, fitsClass } from './alphabet';
import { weightAt } from './check-digit';
import { parseMrzDate, toRefDate, type RefDate } from './dates';
import { DISALLOWED_CODE_LETTER_WEIGHT, LAYOUTS, detectLayout, takesCodeDigitAt, type CheckSpec, type Layout } from './layouts';
import { MAX_INPUT_CHARS, notMrz, parseLines } from './parse';
import { isKnownState } from './states';
import type { LineCandidates, MrzCorrection, MrzFormat, MrzResult, ParseOptions } from './types';

/** Alternatives considered per position, best-scored first: bounds the search width. */
const MAX_ALTS = 5;
/** Partial readings kept per residue (mod 10) in a field's search. */
const K_PER_RESIDUE = 6;
/** Valid readings kept per check-digited field for the composite search. */
const MAX_FIELD_CANDIDATES = 8;
/** Floor for log-scores so a 0 score is unlikely, not impossible. */
const MIN_SCORE = 1e-6;

interface Alt {
  ch: string;
  value: number;
  logScore: number;
}

/** One cell of the grid: its class-fitting alternatives (possibly none) and the best-first char. */
interface Cell {
  alts: Alt[];
  bestFirst: string;
}

interface Node {
  score: number;
  ch: string;
  parent: Node | null;
}

interface Candidate {
  text: string;
  score: number;
  /** Contribution to the composite sum, mod 10. */
  compositeResidue: number;
}

interface Segment {
  name: string;
  /** Positions searched, in checked order (the check digit itself excluded). */
  cells: Array<[number, number]>;
  /** Weight variants (long numbers: with and without the `<` in the check slot). */
  weightSets: number[][];
  check: [number, number];
  /** Cells held at `<` because they carry the layout (a long number's check slot and end marker). */
  fixedFiller?: Array<[number, number]>;
  validate: (text: string, checkChar: string, ref: RefDate) => boolean;
  candidates: Candidate[];
}

/** A usable alternative's char, upper-cased, or null (not an object, or not exactly one char). */
function altChar(a: unknown): string | null {
  if (typeof a !== 'object' || a === null) return null;
  const char = (a as { char?: unknown }).char;
  if (typeof char !== 'string' || char.length !== 1) return null;
  const c = char.charCodeAt(0);
  return c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : char;
}

/** Its score clamped to 0..1 (anything not a finite number counts as 0). */
function altScore(a: unknown): number {
  const score = (a as { score?: unknown }).score;
  return typeof score === 'number' && Number.isFinite(score) ? (score < 0 ? 0 : score > 1 ? 1 : score) : 0;
}

/** At most this many alternatives are read per position (recognisers may send long lists). */
const MAX_READ = 32;

/** The first usable alternative's char, or '?' (keeps the column so the parser can point at it). */
function bestFirstChar(pos: unknown): string {
  if (!Array.isArray(pos)) return '?';
  const n = Math.min(pos.length, MAX_READ);
  for (let i = 0; i < n; i++) {
    const ch = altChar(pos[i]);
    if (ch !== null) return ch;
  }
  return '?';
}

/** The position's alternatives that fit its class (digits weighted by `digitWeight`), best first, deduplicated, at most MAX_ALTS. */
function classAlternatives(pos: unknown, mask: number, codeFirst: string | null, digitWeight = 1): Alt[] {
  const fit: Alt[] = [];
  if (!Array.isArray(pos)) return fit;
  const n = Math.min(pos.length, MAX_READ);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const ch = altChar(pos[i]);
    if (ch === null) continue;
    const code = ch.charCodeAt(0);
    if (!fitsClass(code, mask)) continue;
    const disallowedCode = codeFirst !== null && !codeFirst.includes(ch);
    let dup = false;
    for (let j = 0; j < fit.length; j++) if (fit[j]!.ch === ch) dup = true;
    if (dup) continue;
    const score = altScore(pos[i]) * (disallowedCode ? DISALLOWED_CODE_LETTER_WEIGHT : 1) * (fitsClass(code, DIGIT) ? digitWeight : 1);
    const logScore = Math.log(score > MIN_SCORE ? score : MIN_SCORE);
    if (fit.length > 0 && fit[fit.length - 1]!.logScore < logScore) sorted = false;
    fit.push({ ch, value: CHAR_VALUE[code]!, logScore });
  }
  if (!sorted) fit.sort((x, y) => y.logScore - x.logScore);
  if (fit.length > MAX_ALTS) fit.length = MAX_ALTS;
  return fit;
}

/**
 * Picks the most likely valid reading among the recogniser's alternatives. Characters are only ever
 * chosen from a position's own alternatives; each check-digited field is searched on its own (exactly,
 * by residue mod 10, keeping a few best per residue), then the composite over those fields' best
 * readings. When no supported reading satisfies a check, the best-first reading stays and is reported
 * invalid. Never throws.
 */
export function correctMrz(lines: LineCandidates[], options?: ParseOptions): MrzResult {
  const ref = toRefDate(options?.referenceDate);
  try {
    return correctInner(lines, ref);
  } catch (e) {
    return notMrz(ref, `Internal error while correcting: ${e instanceof Error ? e.message : String(e)}`, [], [], []);
  }
}

function correctInner(input: LineCandidates[], ref: RefDate): MrzResult {
  if (!Array.isArray(input)) return notMrz(ref, 'Input must be a list of lines of character alternatives.', [], [], []);
  let total = 0;
  for (const line of input as unknown[]) total += Array.isArray(line) ? line.length : 0;
  if (total > MAX_INPUT_CHARS) return notMrz(ref, `Input is too long to be an MRZ (${total} positions).`, [], [], []);

  const rows: unknown[][] = [];
  const bestFirst: string[] = [];
  for (const line of input as unknown[]) {
    const positions = Array.isArray(line) ? (line as unknown[]) : [];
    rows.push(positions);
    let text = '';
    for (const pos of positions) text += bestFirstChar(pos);
    bestFirst.push(text);
  }
  // Keep lines that have any position; recognisers may send trailing empty lines.
  while (bestFirst.length > 0 && bestFirst[bestFirst.length - 1] === '') {
    bestFirst.pop();
    rows.pop();
  }

  const layout = pickLayout(bestFirst, rows);
  if (typeof layout === 'string') return notMrz(ref, layout, bestFirst, [], []);

  const corrected = resultOf(correctGrid(layout, buildGrid(layout, rows, bestFirst), ref, () => true, CONFIRMED_CORRECTION_COST).chosen, bestFirst, ref);
  if (corrected.checks.every((c) => c.valid)) return corrected;
  // No reading satisfies every check: the document's own digits are wrong (a specimen, a test document) or
  // the reading is. A field that a costly change made hold is then no evidence (with a few alternatives at
  // each of six cells some combination hits any digit: a specimen's X000000<< with a wrong 9 became XOOOOOO<<),
  // so only cheap corrections are made and the rest stays as printed.
  return resultOf(correctGrid(layout, buildGrid(layout, rows, bestFirst), ref, () => true, UNCONFIRMED_CORRECTION_COST).chosen, bestFirst, ref);
}

/**
 * Log-score a correction may give up when the check digits do not all hold in the end (or, reading one line
 * alone, cannot be seen to): the odds of a printed check digit holding. Most do, but specimens and test
 * documents carry wrong ones.
 */
export const UNCONFIRMED_CORRECTION_COST = Math.log(0.95 / 0.05);

/**
 * Log-score a correction that makes its check digit hold may give up: those odds again, times the 10 : 1 that the
 * digit holding is worth (one change in ten holds by chance). A costlier change is likelier a wrong printed digit
 * than a misread one: a specimen's `<` read 1.000 sure became a C scored at 0.001, because the C made its document
 * number's wrong check digit hold. The camera refuses such a correction anyway (acceptance.ts: a check digit does
 * not vouch for a character scored under 0.25); bounded, the reading shows what is printed.
 */
export const CONFIRMED_CORRECTION_COST = UNCONFIRMED_CORRECTION_COST + Math.log(10);

/**
 * Log-score a state code's correction to a known one may give up: the odds of a printed state code being one
 * ICAO lists (specimens aside, every document's is). A misread letter or two is worth correcting; fillers read
 * surely are not three letters the recogniser offered only as look-alikes (a specimen's nationality <<< became
 * CCK, the Cocos Islands, at three floor scores).
 */
const UNKNOWN_STATE_COST = Math.log(0.99 / 0.01);

/** The parsed result of the chosen characters, with the corrections made to the best-first reading. */
function resultOf(chosen: string[][], bestFirst: string[], ref: RefDate): MrzResult {
  const finalLines = chosen.map((row) => row.join(''));
  const corrections: MrzCorrection[] = [];
  for (let l = 0; l < finalLines.length; l++) {
    const a = bestFirst[l]!;
    const b = finalLines[l]!;
    for (let c = 0; c < b.length; c++) if (a[c] !== b[c]) corrections.push({ line: l, column: c, from: a[c]!, to: b[c]! });
  }
  return parseLines(finalLines, [], corrections, ref, false);
}

/**
 * Where a document code may have a digit as its second character (after a C: layouts.ts), a listed digit there
 * counts for 1/100 of its score against the letters: US cards' C1 has its 1 read 1.000 sure and I 0.001, and a 1
 * read for an I, the common misreading, stays an I. Letters and digits the recogniser did not list count for
 * nothing; the camera accepts such a digit only when read all but certainly (acceptance.ts).
 */
const CODE_DIGIT_WEIGHT = 0.01;

/**
 * Class filter: only alternatives that fit the position's class; the first char only from the format's codes; a
 * document code's second character also a digit where the code's first letter, as read, allows one.
 */
function buildGrid(layout: Layout, rows: unknown[][], bestFirst: string[]): Cell[][] {
  return rows.map((row, l) =>
    row.map((pos, c) => ({
      alts: takesCodeDigitAt(bestFirst[0]![0] ?? '', l, c)
        ? classAlternatives(pos, layout.classes[l]![c]! | DIGIT, null, CODE_DIGIT_WEIGHT)
        : classAlternatives(pos, layout.classes[l]![c]!, l === 0 && c === 0 ? layout.codeFirst : null),
      bestFirst: bestFirst[l]![c]!,
    })),
  );
}

/**
 * The correction proper, on a grid of class-fitting alternatives: filler prior, state codes, then
 * the check-digit search over the fields `searchable` admits (and the composite when all of it is).
 * A correction that gives up more than `maxCost` of log score (per state code, per field, and for
 * the composite) is not made. Returns the chosen characters, and the checks searched (for a caller
 * that needs to know which of them hold).
 */
function correctGrid(
  layout: Layout,
  grid: Cell[][],
  ref: RefDate,
  searchable: (cells: Array<[number, number]>) => boolean,
  maxCost = Infinity,
): { chosen: string[][]; segments: Segment[]; composite: CheckSpec | null } {
  applyFillerPrior(grid, layout);
  applyDigitRunPrior(grid, layout);

  // Start from the best class-fitting alternative everywhere (names: class rules only).
  const chosen: string[][] = grid.map((row) => row.map((cell) => cell.alts[0]?.ch ?? cell.bestFirst));

  chooseStates(layout, grid, chosen, Math.min(maxCost, UNKNOWN_STATE_COST));

  const segments = buildSegments(layout, chosen).filter((seg) => searchable([...seg.cells, seg.check]));
  const inSegment = layout.covered.map((row) => new Uint8Array(row.length));
  // Search only the fields whose best reading fails; most positions of most readings are right.
  const searched = new Set<Segment>();
  for (const seg of segments) {
    for (const [l, c] of seg.cells) inSegment[l]![c] = 1;
    inSegment[seg.check[0]]![seg.check[1]] = 1;
    // A filler is worth 0 in every sum, so fixed fillers need no place in the composite search.
    for (const [l, c] of seg.fixedFiller ?? []) inSegment[l]![c] = 1;
    if (!segmentHolds(seg, chosen, ref)) {
      searchSegment(seg, grid, layout, ref);
      searched.add(seg);
      const best = seg.candidates[0];
      if (best && best.score >= scoreOf(grid, [...seg.cells, seg.check], chosen) - maxCost) apply(seg, best.text, chosen);
    }
  }

  let composite = layout.checks.find((c) => c.name === 'composite') ?? null;
  if (composite && !searchable(compositeCells(composite))) composite = null;
  if (composite && layout.compositeWeights && !compositeHolds(composite, chosen)) {
    // The cheap pass did not satisfy the composite: search every field's alternatives jointly.
    for (const seg of segments) if (!searched.has(seg)) searchSegment(seg, grid, layout, ref);
    // Only a bounded correction needs the reading from before, to go back to when the search cost too much.
    const before = maxCost < Infinity ? chosen.map((row) => row.slice()) : null;
    searchComposite(layout, composite, segments, inSegment, grid, chosen);
    const cells = compositeCells(composite);
    if (before && scoreOf(grid, cells, chosen) < scoreOf(grid, cells, before) - maxCost) for (let l = 0; l < chosen.length; l++) chosen[l] = before[l]!;
  }
  return { chosen, segments, composite };
}

/** Summed log score of the chosen chars at these cells (a char without a class-fitting alternative scores the floor). */
function scoreOf(grid: Cell[][], cells: Array<[number, number]>, chosen: string[][]): number {
  let score = 0;
  for (const [l, c] of cells) {
    const alt = grid[l]![c]!.alts.find((a) => a.ch === chosen[l]![c]);
    score += alt ? alt.logScore : Math.log(MIN_SCORE);
  }
  return score;
}

function compositeCells(composite: CheckSpec): Array<[number, number]> {
  const cells: Array<[number, number]> = [[composite.position.line, composite.position.start]];
  for (const r of composite.covers) for (let c = r.start; c < r.end; c++) cells.push([r.line, c]);
  return cells;
}

export interface LineCorrection {
  text: string;
  /** Check digits lying wholly on this line, and how many of them hold on `text`. */
  checks: number;
  held: number;
}

/**
 * One line of a format read without its partner lines (`mrz read --line`): the same class filter,
 * filler prior, state choice and check-digit search as correctMrz, over the checks that lie wholly
 * on this line (a TD3's second line has all five; a names line has none).
 */
export function correctLine(
  line: LineCandidates,
  format: MrzFormat,
  lineIndex: number,
  options?: ParseOptions & { maxCost?: number },
): LineCorrection {
  const layout = LAYOUTS[format];
  const ref = toRefDate(options?.referenceDate);
  // The partner lines are unknown: no alternatives, so nothing there is chosen or searched.
  const rows: unknown[][] = layout.classes.map((_, l) => (l === lineIndex ? line : new Array<unknown>(layout.lineLength).fill(null)));
  const bestFirst = rows.map((row, l) => (l === lineIndex ? row.map(bestFirstChar).join('') : '<'.repeat(layout.lineLength)));
  const grid = buildGrid(layout, rows, bestFirst);
  const onLine = (cells: Array<[number, number]>) => cells.every(([l]) => l === lineIndex);
  const { chosen, segments, composite } = correctGrid(layout, grid, ref, onLine, options?.maxCost);
  let held = 0;
  for (const seg of segments) if (segmentHolds(seg, chosen, ref)) held++;
  if (composite && compositeHolds(composite, chosen)) held++;
  // Counted from the layout: a long number whose continuation is missing has no segment, and fails.
  let checks = 0;
  for (const spec of layout.checks) if (spec.position.line === lineIndex && spec.covers.every((r) => r.line === lineIndex)) checks++;
  return { text: chosen[lineIndex]!.join(''), checks, held };
}

/**
 * `<` and `K` (and `6`/`G`) have the same value mod 10, so no check digit can tell them apart. Fillers
 * come in runs (padding after names, numbers and optional data), so where the neighbours' best
 * readings are fillers, a `<` among this position's alternatives is favoured. Still only a choice
 * among the recogniser's own alternatives.
 */
const FILLER_RUN_BONUS = 2.5;
function applyFillerPrior(grid: Cell[][], layout: Layout): void {
  for (let l = 0; l < grid.length; l++) {
    const row = grid[l]!;
    for (let c = 1; c < row.length; c++) {
      const cell = row[c]!;
      const top = cell.alts[0];
      if (!top || top.ch === '<' || (layout.classes[l]![c]! & FILLER) === 0) continue;
      const filler = cell.alts.find((a) => a.ch === '<');
      if (!filler) continue;
      const left = row[c - 1]!.alts[0]?.ch === '<';
      const right = c + 1 >= row.length || row[c + 1]!.alts[0]?.ch === '<';
      if (!left || !right) continue;
      filler.logScore += FILLER_RUN_BONUS;
      cell.alts.sort((x, y) => y.logScore - x.logScore);
    }
  }
}

/**
 * Where no check digit reaches (visa optional data), a position that takes letters and digits alike, between two
 * of its field's positions read as digits, more likely holds a digit than a letter or `<`: numbers are printed in
 * runs of digits, and fonts that draw O like 0 (or B like 8, S like 5) leave the recogniser near a tie there (a US
 * visa's optional data 5853207 read with an O 0.6 sure, 0 0.4). A digit there is favoured 4 : 1, only among the
 * recogniser's own alternatives. Never where a check digit reaches: there the prior would choose which of several
 * readings that pass it the camera judges, and could pick one the recogniser found less likely than the printed
 * text. Unchecked text is accepted only on the recogniser's own scores (acceptance.ts), which a flipped choice
 * never meets.
 */
const DIGIT_RUN_BONUS = Math.log(4);
function applyDigitRunPrior(grid: Cell[][], layout: Layout): void {
  const isDigit = (a: Alt | undefined): boolean => a !== undefined && fitsClass(a.ch.charCodeAt(0), DIGIT);
  for (let l = 0; l < grid.length; l++) {
    const row = grid[l]!, digitTop = row.map((cell) => isDigit(cell.alts[0])), classes = layout.classes[l]!, covered = layout.covered[l]!;
    const unchecked = (k: number, cls: number): boolean => covered[k] === 0 && classes[k] === cls;
    for (let c = 1; c + 1 < row.length; c++) {
      const cell = row[c]!, cls = classes[c]!;
      if (cell.alts.length === 0 || digitTop[c] || (cls & DIGIT) === 0 || (cls & LETTER) === 0) continue;
      if (!unchecked(c, cls) || !unchecked(c - 1, cls) || !unchecked(c + 1, cls)) continue;
      if (!digitTop[c - 1] || !digitTop[c + 1]) continue;
      for (const a of cell.alts) if (isDigit(a)) a.logScore += DIGIT_RUN_BONUS;
      cell.alts.sort((x, y) => y.logScore - x.logScore);
    }
  }
}

/**
 * State codes carry no check digit, but only a few hundred of the 17,576 letter triples exist: the
 * best-scored combination of alternatives that is a known code wins (unless it gives up more than
 * `maxCost` of log score against the class-best), else the class-best stays.
 */
function chooseStates(layout: Layout, grid: Cell[][], chosen: string[][], maxCost: number): void {
  for (const f of layout.fields) {
    if (f.kind !== 'state') continue;
    const { line, start } = f.position;
    const cells = [grid[line]![start]!, grid[line]![start + 1]!, grid[line]![start + 2]!];
    if (cells.some((c) => c.alts.length === 0)) continue;
    let best = '';
    let bestScore = -Infinity;
    for (const a of cells[0]!.alts) {
      for (const b of cells[1]!.alts) {
        for (const c of cells[2]!.alts) {
          const score = a.logScore + b.logScore + c.logScore;
          if (score > bestScore && isKnownState(a.ch + b.ch + c.ch)) {
            best = a.ch + b.ch + c.ch;
            bestScore = score;
          }
        }
      }
    }
    const classBest = cells[0]!.alts[0]!.logScore + cells[1]!.alts[0]!.logScore + cells[2]!.alts[0]!.logScore;
    if (best && bestScore >= classBest - maxCost) for (let i = 0; i < 3; i++) chosen[line]![start + i] = best[i]!;
  }
}

/** Like detectLayout, but lets the first character's alternatives decide between P and V, or I/A/C and V. */
function pickLayout(lines: string[], rows: unknown[][]): Layout | string {
  const detected = detectLayout(lines);
  if (typeof detected === 'string') return detected;
  const width = detected.lineLength;
  if (detected.format === 'TD1' || detected.format === 'FRENCH_ID') return detected;
  const alternatives = (i: number): string[] => {
    const pos = rows[0]?.[i];
    const out: string[] = [];
    if (!Array.isArray(pos)) return out;
    for (let k = 0; k < Math.min(pos.length, MAX_READ); k++) {
      const ch = altChar(pos[k]);
      if (ch !== null) out.push(ch);
    }
    return out;
  };
  if (width === 36) {
    // A misread in `IDFRA` must not turn a French card into a TD2: ask the alternatives.
    let supported = 0;
    let agreeing = 0;
    for (let i = 0; i < 5; i++) {
      const alts = alternatives(i);
      if (alts.includes('IDFRA'[i]!)) supported++;
      if (alts[0] === 'IDFRA'[i]) agreeing++;
    }
    if (supported === 5 && agreeing >= 4) return LAYOUTS.FRENCH_ID;
  }
  const options: MrzFormat[] = width === 44 ? ['TD3', 'MRVA'] : ['TD2', 'MRVB'];
  for (const ch of alternatives(0)) {
    for (const f of options) if (LAYOUTS[f].codeFirst.includes(ch)) return LAYOUTS[f];
  }
  return detected;
}

type SegmentTemplate = Pick<Segment, 'name' | 'cells' | 'weightSets' | 'check' | 'validate'>;

// Segments of the fixed layouts never change: build them once per check spec.
const TEMPLATES = new WeakMap<CheckSpec, SegmentTemplate>();

function validateBirth(t: string, _check: string, ref: RefDate): boolean {
  return parseMrzDate(t, 'birth', ref, '').error === null;
}
function validateExpiry(t: string, _check: string, ref: RefDate): boolean {
  return parseMrzDate(t, 'expiry', ref, '').error === null;
}
function validateNumber(t: string): boolean {
  return t.charCodeAt(0) !== 60;
}
function validateFrenchNumber(t: string): boolean {
  const mm = (t.charCodeAt(2) - 48) * 10 + t.charCodeAt(3) - 48;
  return mm >= 1 && mm <= 12;
}
function validateOptional(t: string, check: string): boolean {
  return check !== '<' || isAllFiller(t);
}
function validateLong(t: string): boolean {
  return !t.includes('<');
}
function validateAny(): boolean {
  return true;
}

function segmentFor(spec: CheckSpec, layout: Layout): SegmentTemplate {
  const cached = TEMPLATES.get(spec);
  if (cached) return cached;
  const cells: Array<[number, number]> = [];
  for (const r of spec.covers) for (let c = r.start; c < r.end; c++) cells.push([r.line, c]);
  const weights = cells.map((_, i) => weightAt(i));
  const validate: Segment['validate'] =
    spec.name === 'birthDate'
      ? validateBirth
      : spec.name === 'expiryDate'
        ? validateExpiry
        : spec.name === 'documentNumber'
          ? layout.format === 'FRENCH_ID'
            ? validateFrenchNumber
            : validateNumber
          : spec.name === 'optionalData'
            ? validateOptional
            : validateAny;
  const template = { name: spec.name, cells, weightSets: [weights], check: [spec.position.line, spec.position.start] as [number, number], validate };
  TEMPLATES.set(spec, template);
  return template;
}

function isAllFiller(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) !== 60) return false;
  return true;
}

function buildSegments(layout: Layout, chosen: string[][]): Segment[] {
  const segments: Segment[] = [];
  for (const spec of layout.checks) {
    if (spec.name === 'composite') continue;
    const ln = layout.longNumber;
    if (spec.name === 'documentNumber' && ln && chosen[ln.checkLine]![ln.checkColumn] === '<') {
      // Long number: the structure follows the best class-fitting reading of the check slot and the
      // first filler in the optional data; the slot itself stays `<`.
      let f = ln.optStart;
      while (f < ln.optEnd && chosen[ln.optLine]![f] !== '<') f++;
      if (f === ln.optStart) continue;
      const main = spec.covers[0]!;
      const cells: Array<[number, number]> = [];
      for (let c = main.start; c < main.end; c++) cells.push([main.line, c]);
      for (let c = ln.optStart; c < f - 1; c++) cells.push([ln.optLine, c]);
      const plain = cells.map((_, i) => weightAt(i));
      const shifted = cells.map((_, i) => weightAt(i < main.end - main.start ? i : i + 1));
      segments.push({
        name: 'documentNumber',
        cells,
        weightSets: [plain, shifted],
        check: [ln.optLine, f - 1],
        validate: validateLong,
        fixedFiller: f < ln.optEnd ? [[ln.checkLine, ln.checkColumn], [ln.optLine, f]] : [[ln.checkLine, ln.checkColumn]],
        candidates: [],
      });
      continue;
    }
    segments.push({ ...segmentFor(spec, layout), candidates: [] });
  }
  return segments;
}

/** Inserts a node into a bucket kept sorted best first and at most k long; creates it only if it fits. */
function offer(bucket: Node[], k: number, score: number, ch: string, parent: Node): void {
  const n = bucket.length;
  if (n >= k && bucket[n - 1]!.score >= score) return;
  let i = n < k ? n : n - 1;
  while (i > 0 && bucket[i - 1]!.score < score) {
    bucket[i] = bucket[i - 1]!;
    i--;
  }
  bucket[i] = { score, ch, parent };
}

/** k-best per residue over the cells; returns end nodes by residue, each bucket best first. */
function kBest(cells: Array<[number, number]>, weights: number[], grid: Cell[][], k: number, fallback: string[][]): Node[][] {
  let states: Node[][] = [[{ score: 0, ch: '', parent: null }], [], [], [], [], [], [], [], [], []];
  for (let i = 0; i < cells.length; i++) {
    const [l, c] = cells[i]!;
    const cell = grid[l]![c]!;
    const w = weights[i]!;
    const alts: Alt[] =
      cell.alts.length > 0 ? cell.alts : [{ ch: fallback[l]![c]!, value: charValue(fallback[l]![c]!), logScore: 0 }];
    const next: Node[][] = [[], [], [], [], [], [], [], [], [], []];
    for (let r = 0; r < 10; r++) {
      const bucket = states[r]!;
      for (let b = 0; b < bucket.length; b++) {
        const node = bucket[b]!;
        for (let a = 0; a < alts.length; a++) {
          const alt = alts[a]!;
          // An unreadable char (value -1) poisons the residue: keep it with a prohibitive penalty.
          if (alt.value < 0) offer(next[r]!, k, node.score + alt.logScore - 1000, alt.ch, node);
          else offer(next[(r + w * alt.value) % 10]!, k, node.score + alt.logScore, alt.ch, node);
        }
      }
    }
    states = next;
  }
  return states;
}

function textOf(node: Node): string {
  let s = '';
  for (let n: Node | null = node; n && n.parent; n = n.parent) s = n.ch + s;
  return s;
}

function compositeResidue(layout: Layout, cells: Array<[number, number]>, text: string, extra: Array<[number, number, string]>): number {
  const w = layout.compositeWeights;
  if (!w) return 0;
  let sum = 0;
  for (let i = 0; i < cells.length; i++) {
    const [l, c] = cells[i]!;
    const v = charValue(text[i]!);
    sum += (v < 0 ? 0 : v) * w[l]![c]!;
  }
  for (const [l, c, ch] of extra) {
    const v = charValue(ch);
    sum += (v < 0 ? 0 : v) * w[l]![c]!;
  }
  return sum % 10;
}

/** Fills seg.candidates with valid readings (text = cells then check char), best first. */
function searchSegment(seg: Segment, grid: Cell[][], layout: Layout, ref: RefDate): void {
  const [cl, cc] = seg.check;
  const checkCell = grid[cl]![cc]!;
  const found = new Map<string, Candidate>();
  const fallback = grid.map((row) => row.map((cell) => cell.alts[0]?.ch ?? cell.bestFirst));
  for (const weights of seg.weightSets) {
    const ends = kBest(seg.cells, weights, grid, K_PER_RESIDUE, fallback);
    for (const a of checkCell.alts) {
      // `<` as a check char only means "empty field" (residue 0, checked by the validator).
      const residue = a.ch === '<' ? 0 : a.value;
      for (const node of ends[residue] ?? []) {
        if (node.score < -500) continue;
        const text = textOf(node);
        if (!seg.validate(text, a.ch, ref)) continue;
        const full = text + a.ch;
        const score = node.score + a.logScore;
        const prev = found.get(full);
        if (!prev || prev.score < score) {
          found.set(full, {
            text: full,
            score,
            compositeResidue: compositeResidue(layout, seg.cells, text, [[cl, cc, a.ch]]),
          });
        }
      }
    }
  }
  seg.candidates = [...found.values()].sort((x, y) => y.score - x.score).slice(0, MAX_FIELD_CANDIDATES);
}

/** The segment's current reading satisfies its check digit (either weight variant) and its field rules. */
function segmentHolds(seg: Segment, chosen: string[][], ref: RefDate): boolean {
  let text = '';
  for (const [l, c] of seg.cells) text += chosen[l]![c]!;
  const check = chosen[seg.check[0]]![seg.check[1]]!;
  if (!seg.validate(text, check, ref)) return false;
  // Only an empty personal number may carry `<` as its check digit.
  if (check === '<') return seg.name === 'optionalData' && isAllFiller(text);
  const d = charValue(check);
  if (d < 0 || d > 9) return false;
  for (const weights of seg.weightSets) {
    let sum = 0;
    let ok = true;
    for (let i = 0; i < text.length; i++) {
      const v = charValue(text[i]!);
      if (v < 0) ok = false;
      sum += v * weights[i]!;
    }
    if (ok && sum % 10 === d) return true;
  }
  return false;
}

function compositeHolds(composite: CheckSpec, chosen: string[][]): boolean {
  let sum = 0;
  let i = 0;
  for (const r of composite.covers) {
    for (let c = r.start; c < r.end; c++) {
      const v = charValue(chosen[r.line]![c]!);
      if (v < 0) return false;
      sum += v * weightAt(i++);
    }
  }
  return charValue(chosen[composite.position.line]![composite.position.start]!) === sum % 10;
}

function apply(seg: Segment, text: string, chosen: string[][]): void {
  for (let i = 0; i < seg.cells.length; i++) {
    const [l, c] = seg.cells[i]!;
    chosen[l]![c] = text[i]!;
  }
  chosen[seg.check[0]]![seg.check[1]] = text[seg.cells.length]!;
}

/**
 * Exact best-per-residue search over: each check-digited field's candidate readings, the free
 * positions the composite covers (optional data, or everything on a French ID), and the composite
 * digit's own alternatives. Fields without any valid reading keep their class-best chars.
 */
function searchComposite(
  layout: Layout,
  composite: CheckSpec,
  segments: Segment[],
  inSegment: Uint8Array[],
  grid: Cell[][],
  chosen: string[][],
): void {
  const weights = layout.compositeWeights!;
  const [kl, kc] = [composite.position.line, composite.position.start];
  // Free cells: covered by the composite, not part of a field search.
  const freeCells: Array<[number, number]> = [];
  for (const r of composite.covers) {
    for (let c = r.start; c < r.end; c++) if (inSegment[r.line]![c] === 0) freeCells.push([r.line, c]);
  }
  const freeWeights = freeCells.map(([l, c]) => weights[l]![c]!);
  const fallback = chosen.map((row) => row.slice());
  const freeEnds = kBest(freeCells, freeWeights, grid, 2, fallback);

  interface Choice {
    score: number;
    residue: number;
    pick: number;
  }
  // Groups: each segment that has candidates (or its fixed current reading), then the free cells.
  const groups: Array<Array<{ score: number; residue: number }>> = [];
  for (const seg of segments) {
    if (seg.candidates.length > 0) groups.push(seg.candidates.map((c) => ({ score: c.score, residue: c.compositeResidue })));
    else {
      const text = seg.cells.map(([l, c]) => chosen[l]![c]!).join('');
      const checkCh = chosen[seg.check[0]]![seg.check[1]]!;
      groups.push([{ score: 0, residue: compositeResidue(layout, seg.cells, text, [[seg.check[0], seg.check[1], checkCh]]) }]);
    }
  }
  const freeOptions: Array<{ score: number; residue: number; node: Node }> = [];
  for (let r = 0; r < 10; r++) for (const n of freeEnds[r]!) freeOptions.push({ score: n.score, residue: r, node: n });
  groups.push(freeOptions);

  // DP over groups: best score per residue, with back-pointers.
  let best: Array<Choice | null> = Array.from({ length: 10 }, (_, r) => (r === 0 ? { score: 0, residue: 0, pick: -1 } : null));
  const history: Array<Array<Choice | null>> = [];
  for (const group of groups) {
    const next: Array<Choice | null> = Array.from({ length: 10 }, () => null);
    for (let r = 0; r < 10; r++) {
      const b = best[r];
      if (!b) continue;
      for (let i = 0; i < group.length; i++) {
        const g = group[i]!;
        const nr = (r + g.residue) % 10;
        const s = b.score + g.score;
        const cur = next[nr];
        if (!cur || cur.score < s) next[nr] = { score: s, residue: r, pick: i };
      }
    }
    history.push(next);
    best = next;
  }
  let bestEnd = -1;
  let bestScore = -Infinity;
  let bestCheck = '';
  for (const a of grid[kl]![kc]!.alts) {
    const b = best[a.value];
    if (b && b.score + a.logScore > bestScore) {
      bestScore = b.score + a.logScore;
      bestEnd = a.value;
      bestCheck = a.ch;
    }
  }
  if (bestEnd < 0 || bestScore < -500) {
    // No supported reading satisfies the composite: keep each field's own best and report.
    for (const seg of segments) {
      const c = seg.candidates[0];
      if (c) apply(seg, c.text, chosen);
    }
    return;
  }
  let r = bestEnd;
  for (let g = groups.length - 1; g >= 0; g--) {
    const choice = history[g]![r]!;
    if (g === groups.length - 1) {
      const opt = freeOptions[choice.pick]!;
      const text = textOf(opt.node);
      for (let i = 0; i < freeCells.length; i++) {
        const [l, c] = freeCells[i]!;
        chosen[l]![c] = text[i]!;
      }
    } else {
      const seg = segments[g]!;
      const cand = seg.candidates[choice.pick];
      if (cand) apply(seg, cand.text, chosen);
    }
    r = choice.residue;
  }
  chosen[kl]![kc] = bestCheck;
}
