// Owns when a corrected camera reading may be accepted: check digits hold without having had to vouch
// for doubtful or interchangeable characters, text no check digit covers is read confidently, and
// the document holds no fault (faults.ts); and, when not, why not. Typed and scanned entry is judged by the MRZ
// engine alone.
import { charValue, DIGIT, DIGIT_TO_LETTER, fitsClass, LETTER, LETTER_TO_DIGIT } from '../alphabet';
import { weightAt } from '../check-digit';
import { documentFaultOf, type DocumentFault } from '../faults';
import { LAYOUTS, takesCodeDigitAt } from '../layouts';
import type { MrzFormat, MrzResult } from '../types';
import { loneClassIn } from './line-context';
import { MRZ_CHARSET, type LineCandidates } from './types';
import { voteInput } from './vote';

/**
 * A different reading of a checked field that passes the same check digits and is at least this
 * likely against the one chosen (log-score ratio 1:10) means the check digits cannot tell them apart.
 */
const AMBIGUITY_MARGIN = Math.log(10);
const MIN_SCORE = 1e-6;

/**
 * Text no check digit covers must be read at least this sure, per character. Names are where camera
 * readings go wrong unseen (H read as M, N or R in small print). At 0.5, two candidate models (256
 * hidden units; the committed recipe with another seed) each accepted 3 misread names on the
 * 424-frame seed-2 synthetic set; at 0.7 neither did, and the committed model reports 2.4% fewer
 * frames of that set valid (403 of 424 against 413), still with no false accept.
 */
export const MIN_UNCHECKED_SCORE = 0.7;

/**
 * The same for small print (capitals under 17.6 px in the frame; read-frame.ts decides). On 1,000
 * harsh synthetic frames at 12.5 and 14 px (difficulty 0.9), at 0.7 the camera accepted five
 * misread names (H read as M or N, P as F, 0.72 to 0.85 sure); at 0.9 none, for 4% fewer frames
 * reported valid.
 */
export const MIN_UNCHECKED_SCORE_SMALL_PRINT = 0.9;

/**
 * Unchecked positions that take letters and digits alike (visa and ID card optional data) must be
 * read this sure: there no class rule tells O from 0 or H from N, and at 16-18 px the recogniser
 * read a printed O as 0 0.95 sure.
 */
const MIN_UNCHECKED_ALNUM_SCORE = 0.97;

/**
 * The same where the character is its word's odd one out (a lone digit among letters, a lone letter
 * among digits, see loneClassIn): there the look-alike is the likelier print. On the 480-frame
 * condition set the camera accepted an MRV whose optional data OWRFS was read 0WRFS, the 0 0.979
 * sure and the O 0.021. The rule also refuses two readings of that set that were right (a printed 0
 * among letters read 0.982 and 0.986 sure): at those scores the recogniser does not tell O from 0.
 */
const MIN_ODD_ONE_OUT_SCORE = 0.995;

/**
 * A checked character the recogniser scored under this, chosen over its first choice although that
 * fits the position, is a guess that the check digit happened to pass (one in ten do): a printed I
 * read as 1 (0.81) became S (0.18), whose value differs from I's by 10.
 */
const MIN_REPLACEMENT_SCORE = 0.25;

/**
 * Why the camera does not accept a corrected reading. Only `unreadable` means the text is not yet an
 * MRZ whose check digits hold; for the others the reading is complete and check-digit-valid, and the
 * camera must say what keeps it from accepting (an expired document or a minor holder never does).
 */
export type Refusal =
  /** A check digit fails or a field is malformed: not yet a correct reading. */
  | 'unreadable'
  /** Text no check digit covers (names above all) is not read surely enough. */
  | 'unsure_text'
  /** The check digits hold but did not confirm the reading: they vouched for guesses or cannot tell two readings apart. */
  | 'unconfirmed'
  /**
   * Read surely and every check digit holds, but the document is at fault (faults.ts: a state code no issuer uses,
   * a birth date of 29 February 1979, a 3-line card whose code starts with V): a document to check by hand.
   */
  | DocumentFault;

/** Null when the camera may accept the reading, else why not (the first reason in the order above). */
export function refusalOf(result: MrzResult, candidates: LineCandidates[], minUncheckedScore = MIN_UNCHECKED_SCORE): Refusal | null {
  const faults = result.errors.map(documentFaultOf);
  if (!checkDigitsHold(result) || faults.includes(null)) return 'unreadable';
  if (!uncheckedReadSurely(result, candidates, minUncheckedScore)) return 'unsure_text';
  if (overCorrected(result, candidates) || guessedByCheckDigit(result, candidates) || ambiguousCheck(result, candidates)) return 'unconfirmed';
  if (faults.includes('unknown_state')) return 'unknown_state';
  if (faults.includes('impossible_field')) return 'impossible_field';
  return null;
}

export function acceptable(result: MrzResult, candidates: LineCandidates[], minUncheckedScore = MIN_UNCHECKED_SCORE): boolean {
  return refusalOf(result, candidates, minUncheckedScore) === null;
}

/** The reading has a format and every check digit holds (whatever the rest of it says). */
function checkDigitsHold(result: MrzResult): boolean {
  return result.format !== null && result.checks.length > 0 && result.checks.every((c) => c.valid);
}

/** The recogniser's score for the character the reading has at this position (0 when it never offered it). */
function chosenScore(result: MrzResult, candidates: LineCandidates[], line: number, i: number): number {
  const ch = result.lines[line]?.[i];
  return candidates[line]?.[i]?.find((a) => a.char === ch)?.score ?? 0;
}

/**
 * Every chosen character that no field check digit covers (names, codes, nationality, sex, optional
 * data under the composite only, and MRV optional data) was read at least `minScore` sure, and at
 * least MIN_UNCHECKED_ALNUM_SCORE where the position takes letters and digits alike, except one
 * the composite digit pins down (pinnedByComposite). False when a name field is implausible
 * (letters after a run of three fillers, which no issuer writes but glare on the laminate does).
 */
function uncheckedReadSurely(result: MrzResult, candidates: LineCandidates[], minScore: number): boolean {
  const covered = coveredByFieldChecks(result);
  const classes = result.format ? LAYOUTS[result.format].classes : null;
  const nameSpans = voteInput({ valid: true, lines: result.lines, result }).nameSpans;
  const unsure: Array<[number, number]> = [];
  for (let li = 0; li < result.lines.length; li++) {
    const line = result.lines[li]!;
    const implied = impliedFillers(line, nameSpans.filter((s) => s.line === li));
    // Left to right, so that a filler is implied only by three before it that passed themselves.
    let passedFillers = 0;
    for (let i = 0; i < line.length; i++) {
      const filler = line[i] === '<';
      if (covered[li]![i]) { passedFillers = filler ? passedFillers + 1 : 0; continue; }
      if (filler && implied[i] && passedFillers >= 3) { passedFillers++; continue; }
      const row = classes?.[li];
      // A document code's second character takes a digit too where its first letter allows one (US cards' C1), and
      // there a letter read beside a digit is in doubt like any other.
      const cls = (row?.[i] ?? 0) | (takesCodeDigitAt(line[0]!, li, i) ? DIGIT : 0);
      const alnum = (cls & DIGIT) !== 0 && (cls & LETTER) !== 0 && !filler;
      // A character its position's class does not take (which the correction does not choose) must be read all but
      // certainly, on its own score.
      const outside = !!row && !fitsClass(line.charCodeAt(i), cls);
      const needed = outside ? MIN_ODD_ONE_OUT_SCORE : !alnum || !row ? minScore : oddOneOut(line, row, i) ? MIN_ODD_ONE_OUT_SCORE : Math.max(minScore, MIN_UNCHECKED_ALNUM_SCORE);
      const score = outside ? chosenScore(result, candidates, li, i) : scoreAmongFitting(result, candidates, li, i, cls);
      if (score < needed) {
        unsure.push([li, i]);
        // A filler that did not pass implies none after it.
        passedFillers = 0;
        continue;
      }
      passedFillers = filler ? passedFillers + 1 : 0;
    }
  }
  if (unsure.length > 1 || (unsure.length === 1 && !pinnedByComposite(result, candidates, unsure[0]!))) return false;
  for (const s of nameSpans) {
    if (/<<<+[A-Z0-9]/.test((result.lines[s.line] ?? '').slice(s.start, s.end))) return false;
  }
  return true;
}

/**
 * The one position of a reading that was not read surely enough, where the composite check digit
 * alone covers it (optional data of a TD1 or TD2, a French ID's names), is still certain when every
 * other position under the composite passed and the composite digit was read surely: any other
 * character there changes the composite's sum mod 10 (its weights 7, 3, 1 are prime to 10), unless
 * its value differs by a multiple of 10 (O and 4, 0 and K or <). So the recogniser must give such
 * twins, listed or left in what the listed alternatives do not take, almost nothing. Two doubtful
 * positions under one composite can cancel out, and are refused.
 */
function pinnedByComposite(result: MrzResult, candidates: LineCandidates[], [line, i]: [number, number]): boolean {
  const composite = result.checks.find((c) => c.name === 'composite');
  if (!composite?.valid || !composite.covers.some((p) => p.line === line && i >= p.start && i < p.end)) return false;
  // The digit's own class sets its look-alikes aside: a composite 0 read 0.989 sure with O the runner-up is sure.
  const classes = result.format ? LAYOUTS[result.format].classes : null;
  const [kl, kc] = [composite.position.line, composite.position.start];
  if (scoreAmongFitting(result, candidates, kl, kc, classes?.[kl]?.[kc] ?? 0) < MIN_COMPOSITE_DIGIT_SCORE) return false;
  const chosen = result.lines[line]![i]!, alts = candidates[line]?.[i];
  if (!alts || chosenScore(result, candidates, line, i) < MIN_PINNED_SCORE) return false;
  const cls = classes?.[line]?.[i] ?? 0;
  const residue = charValue(chosen) % 10;
  let twins = 0;
  for (const a of alts) if (a.char !== chosen && a.char.length === 1 && charValue(a.char) % 10 === residue) twins += a.score;
  if (hasUnlistedTwin(chosen, alts, cls)) twins += unlistedScore(alts);
  return twins < MAX_PINNED_TWIN_SCORE;
}
/** How sure the composite digit itself must be read for it to pin a doubtful position. */
const MIN_COMPOSITE_DIGIT_SCORE = 0.99;
/** The pinned character must still be the recogniser's first choice there. */
const MIN_PINNED_SCORE = 0.5;
/** What the recogniser may give the pinned position's twins (which the composite cannot tell apart) in all. */
const MAX_PINNED_TWIN_SCORE = 0.01;

/**
 * True when the character at `i` is the odd one out of its word: the run of non-fillers around it
 * within its field (positions of the same class; optional data follows the expiry date unbroken).
 * A word's first letter is not: document numbers and personal numbers often start with one.
 */
function oddOneOut(line: string, classes: Uint8Array, i: number): boolean {
  const inWord = (j: number) => line[j] !== '<' && classes[j] === classes[i];
  let start = i, end = i;
  while (start > 0 && inWord(start - 1)) start--;
  while (end < line.length && inWord(end)) end++;
  const lone = loneClassIn(line.slice(start, end));
  return lone !== null && lone(line[i]!) && !(i === start && /[A-Z]/.test(line[i]!));
}

/**
 * 1 at each position a field's check digit covers, or is. The composite digit alone is weak
 * evidence: two misreads under it can cancel out mod 10, so text only it covers counts as unchecked.
 */
function coveredByFieldChecks(result: MrzResult): Uint8Array[] {
  const covered = result.lines.map((l) => new Uint8Array(l.length));
  for (const c of result.checks) {
    if (c.name === 'composite') continue;
    for (const p of [...c.covers, c.position]) {
      const row = covered[p.line];
      if (row) for (let i = p.start; i < p.end && i < row.length; i++) row[i] = 1;
    }
  }
  return covered;
}

/** Per line, the positions no field check digit covers whose character was read under `score` sure (its own score, among all symbols). */
export function uncheckedBelow(result: MrzResult, candidates: LineCandidates[], score: number): number[][] {
  const covered = coveredByFieldChecks(result);
  return result.lines.map((line, li) => [...line].map((_, i) => i).filter((i) => covered[li]![i] !== 1 && chosenScore(result, candidates, li, i) < score));
}

/**
 * Positions of a line where a filler needs no score of its own: inside a name span, after three
 * fillers of that span. Any other character there would put a letter after a run of three fillers,
 * which no issuer writes and which this reading would be refused for anyway (see below), so the
 * filler is the only reading the camera could accept there: glare over the empty end of a name
 * field is not doubt about the name. The three fillers before it must pass on their own scores
 * (uncheckedReadSurely checks that), so the end of a name is never taken on trust.
 */
function impliedFillers(line: string, spans: { start: number; end: number }[]): Uint8Array {
  const out = new Uint8Array(line.length);
  for (const s of spans) {
    for (let i = s.start + 3; i < s.end && i < line.length; i++) {
      if (line[i] === '<' && line[i - 1] === '<' && line[i - 2] === '<' && line[i - 3] === '<') out[i] = 1;
    }
  }
  return out;
}

/**
 * A digit that looks like more letters than the chosen one that the position takes: in a name a 1 is an I or an L
 * whose foot is lost, so it votes for neither (a document code, which no L starts, takes it as an I). A 0 votes for
 * its O all the same (see scoreAmongFitting): a round glyph is an O far more than a D or a Q, and a real card's name
 * needed that vote. In a trial on the 480-frame condition set, a name's L read as 1 (0.53) and I (0.36), L unlisted,
 * was accepted as an I when the 1 counted for it.
 */
function sharedLookAlike(digit: string, chosen: string, takes: (letter: string) => boolean): boolean {
  if (digit === '0') return false;
  return Object.entries(LETTER_TO_DIGIT).some(([letter, d]) => d === digit && letter !== chosen && takes(letter));
}

/**
 * The chosen character's score once the alternatives the position does not allow are set aside: a
 * name's O read 0.73 sure with 0 the runner-up is sure, since no name holds a digit. Scores are
 * probabilities over all symbols, and what the recogniser did not list may fit, so only the listed
 * misfits' share is taken out. A misfit whose look-alike is the chosen character is a vote for it:
 * a real Spanish ID card's name ESPANOLA had its second O read as 0 0.9935 sure, O 0.0054 and D 0.0011, and
 * the round glyph it saw is an O far more than a D (set aside, the O alone was 0.83 sure against the
 * 0.9 small print needs). Harsh small print: 912 of 1,000 accepted against 911; condition set unchanged;
 * real print 1 more; no false accept in any.
 */
function scoreAmongFitting(result: MrzResult, candidates: LineCandidates[], line: number, i: number, cls: number): number {
  const own = chosenScore(result, candidates, line, i);
  if (!cls) return own;
  const codeFirst = line === 0 && i === 0 && result.format ? documentCodeFirst(result.format) : null;
  const chosen = result.lines[line]?.[i];
  let misfit = 0, support = 0;
  const takes = (letter: string): boolean => fitsClass(letter.charCodeAt(0), cls) && (codeFirst === null || codeFirst.includes(letter));
  for (const a of candidates[line]?.[i] ?? []) {
    if (!fitsClass(a.char.charCodeAt(0), cls)) {
      // A misfit that looks like another letter that fits is doubt about the chosen one: a name's I read
      // as 1 (0.86), with S (0.11) and I (0.03) after it, is not a sure S.
      const alike = DIGIT_TO_LETTER[a.char] ?? LETTER_TO_DIGIT[a.char];
      if (alike && alike !== chosen && fitsClass(alike.charCodeAt(0), cls)) continue;
      if (alike && alike === chosen && !sharedLookAlike(a.char, alike, takes)) support += a.score;
      else if (alike !== chosen) misfit += a.score;
    } else if (codeFirst !== null && !codeFirst.includes(a.char) && a.score <= own) {
      // A letter no document code of this shape starts with, read less surely than the letter chosen, is a
      // misread (a V read beside a W). Read surer, it is doubt: a K read 0.71 sure beside an I read 0.17 is a
      // KP card (the correction keeps the K, see DISALLOWED_CODE_LETTER_WEIGHT), never a sure I.
      misfit += a.score;
    }
  }
  const votes = own + support;
  return votes / Math.max(votes, 1 - misfit);
}

/**
 * The letters a document code may start with in an MRZ of this one's shape (line count and length):
 * P or V on two lines of 44, I, A, C or V on two of 36, I, A or C on three of 30. Any other letter
 * there is mostly a misread, so it is no doubt about a letter read surer than it: an I read 0.05
 * sure beside a 1 (0.92) and an S (0.03) is sure. Both formats of a shape count, since that letter
 * is what tells them apart.
 */
function documentCodeFirst(format: MrzFormat): string {
  const own = LAYOUTS[format];
  let letters = '';
  for (const l of Object.values(LAYOUTS)) if (l.lineCount === own.lineCount && l.lineLength === own.lineLength) letters += l.codeFirst;
  return letters;
}

/** True when a check digit passed a guess: see MIN_REPLACEMENT_SCORE. */
function guessedByCheckDigit(result: MrzResult, candidates: LineCandidates[]): boolean {
  if (!result.format) return false;
  const classes = LAYOUTS[result.format].classes;
  for (const c of result.checks) {
    if (c.name === 'composite') continue;
    for (const p of [...c.covers, c.position]) {
      for (let i = p.start; i < p.end; i++) {
        const first = candidates[p.line]?.[i]?.[0];
        if (!first || first.char === result.lines[p.line]?.[i]) continue;
        const fits = fitsClass(first.char.charCodeAt(0), classes[p.line]?.[i] ?? 0);
        if (fits && chosenScore(result, candidates, p.line, i) < MIN_REPLACEMENT_SCORE) return true;
      }
    }
  }
  return false;
}

/**
 * True when some check digit would be vouching for more than one doubtful character (chosen with a
 * score under 0.5). One check digit tells only one wrong combination in ten apart: with two or
 * more doubtful characters under it, the correction can always find a combination that passes.
 */
export function overCorrected(result: MrzResult, candidates: LineCandidates[]): boolean {
  const doubtful = (line: number, i: number): boolean => chosenScore(result, candidates, line, i) < 0.5;
  for (const c of result.checks) {
    // The composite spans fields that have their own digits; each field is judged by its own.
    if (c.name === 'composite') continue;
    let n = 0;
    for (const p of [...c.covers, c.position]) for (let i = p.start; i < p.end; i++) if (doubtful(p.line, i)) n++;
    if (n >= 2) return true;
  }
  return false;
}

/** One alternative at one checked cell: what it costs against the chosen char, and what it does to the sums mod 10. */
interface Change { cell: number; cost: number; own: number; composite: number }

/**
 * True when some field's check digit (and the composite over it) would hold just as well on another
 * reading the recogniser finds nearly as likely: one character whose value differs by a multiple of
 * 10 (G/6, K/<, or one left out of the best few while what they leave is that likely), or two changes
 * whose effects cancel (O and 0 swapped at positions of equal weight).
 * The correction picks the likelier of such readings, but the check digits did not confirm it.
 */
function ambiguousCheck(result: MrzResult, candidates: LineCandidates[]): boolean {
  const compositeWeights = result.format ? LAYOUTS[result.format].compositeWeights : null;
  const classes = result.format ? LAYOUTS[result.format].classes : null;
  for (const c of result.checks) {
    if (c.name === 'composite') continue;
    const cells: Array<[number, number, number]> = [];
    let k = 0;
    for (const p of c.covers) for (let i = p.start; i < p.end; i++) cells.push([p.line, i, weightAt(k++)]);
    // The check digit moves the other way: the sum must now equal the new digit.
    cells.push([c.position.line, c.position.start, -1]);
    const changes: Change[] = [];
    cells.forEach(([line, col, weight], cell) => {
      const chosen = result.lines[line]?.[col];
      const alts = candidates[line]?.[col];
      if (!chosen || !alts) return;
      const from = charValue(chosen);
      const own = chosenScore(result, candidates, line, col);
      for (const a of alts) {
        const to = a.char.length === 1 ? charValue(a.char) : -1;
        if (a.char === chosen || to < 0 || from < 0) continue;
        const delta = to - from;
        changes.push({
          cell,
          cost: Math.log(Math.max(MIN_SCORE, own) / Math.max(MIN_SCORE, a.score)),
          own: (((delta * weight) % 10) + 10) % 10,
          composite: (((delta * (compositeWeights?.[line]?.[col] ?? 0)) % 10) + 10) % 10,
        });
      }
      // The alternatives are the recogniser's best few: the score it gave the rest may sit on a character
      // the position takes whose value differs by a multiple of 10, and that reading passes every check
      // digit too (a personal number's D read X, 0.27 sure, with D unlisted among 30% of the score).
      const unlisted = unlistedScore(alts);
      if (from >= 0 && unlisted > 0 && hasUnlistedTwin(chosen, alts, classes?.[line]?.[col] ?? 0)) {
        changes.push({ cell, cost: Math.log(Math.max(MIN_SCORE, own) / unlisted), own: 0, composite: 0 });
      }
    });
    for (let i = 0; i < changes.length; i++) {
      const a = changes[i]!;
      if (a.own === 0 && a.composite === 0 && a.cost < AMBIGUITY_MARGIN) return true;
      for (let j = i + 1; j < changes.length; j++) {
        const b = changes[j]!;
        if (b.cell !== a.cell && (a.own + b.own) % 10 === 0 && (a.composite + b.composite) % 10 === 0 && a.cost + b.cost < AMBIGUITY_MARGIN) return true;
      }
    }
  }
  return false;
}

/** The score the recogniser gave characters left out of a position's alternatives (its best few). */
function unlistedScore(alts: LineCandidates[number]): number {
  return Math.max(0, 1 - alts.reduce((sum, a) => sum + a.score, 0));
}

/** A character the position takes, not among the alternatives, whose value is the chosen one's plus a multiple of 10. */
function hasUnlistedTwin(chosen: string, alts: LineCandidates[number], positionClass: number): boolean {
  const residue = charValue(chosen) % 10;
  for (const c of MRZ_CHARSET) {
    if (c === chosen || charValue(c) % 10 !== residue || !fitsClass(c.charCodeAt(0), positionClass)) continue;
    if (!alts.some((a) => a.char === c)) return true;
  }
  return false;
}
