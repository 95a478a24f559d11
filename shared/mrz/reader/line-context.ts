// Reads a single MRZ line without its partners (the --line CLI): tries the line as each line of each
// MRZ format of its length, corrects it there with the MRZ engine (character classes, state codes,
// and the check digits that lie on that line), and keeps the likeliest explanation, which may be the
// plain reading of a line that is none of them. Whole MRZs go through correctMrz instead.
import { DIGIT, DIGIT_TO_LETTER, LETTER, LETTER_TO_DIGIT, fitsClass } from '../alphabet';
import { correctLine, UNCONFIRMED_CORRECTION_COST } from '../correct';
import { LAYOUTS } from '../layouts';
import type { MrzFormat } from '../types';
import { MRZ_CHARSET, type LineCandidates } from './types';

const FLOOR = 1e-4;
/** Log-score price of a filler read where a digit belongs. */
const FILLER_AS_DIGIT = 2;
/** Log-likelihood ratios of a check digit that holds, or fails, on the right layout against a wrong one. */
const CHECK_HOLDS = Math.log(0.95 / 0.1);
const CHECK_FAILS = Math.log(0.05 / 0.9);

/**
 * How much a position's class says in advance, by class mask (log of one over the symbols it
 * allows): a layout that explains the line's letters and digits with narrower classes is the
 * likelier one, so a names line is less easily taken for the document-number line that allows anything.
 */
const CLASS_PRIOR: Float64Array = (() => {
  const t = new Float64Array(16);
  for (let mask = 0; mask < 16; mask++) {
    let n = 0;
    for (const ch of MRZ_CHARSET) if (fitsClass(ch.charCodeAt(0), mask)) n++;
    t[mask] = -Math.log(Math.max(1, n));
  }
  return t;
})();
const FREE_PRIOR = -Math.log(MRZ_CHARSET.length);

/** Every (format, line) pair, by line length. */
const LINE_SLOTS: ReadonlyMap<number, ReadonlyArray<{ format: MrzFormat; line: number }>> = (() => {
  const m = new Map<number, Array<{ format: MrzFormat; line: number }>>();
  for (const layout of Object.values(LAYOUTS)) {
    for (let l = 0; l < layout.lineCount; l++) {
      const list = m.get(layout.lineLength) ?? [];
      list.push({ format: layout.format, line: l });
      m.set(layout.lineLength, list);
    }
  }
  return m;
})();

/** Summed log score of `text` under the recogniser's alternatives (a char it never offered costs twice the floor). */
function scoreOf(cands: LineCandidates, text: string, classes: Uint8Array | null): number {
  let score = 0;
  for (let i = 0; i < cands.length; i++) {
    const ch = text[i]!;
    const alt = cands[i]!.find((a) => a.char === ch);
    score += alt ? Math.log(Math.max(FLOOR, alt.score)) : Math.log(FLOOR) * 2;
    // A char the layout does not allow there (the recogniser offered nothing that fits).
    if (classes && !fitsClass(ch.charCodeAt(0), classes[i]!)) score += Math.log(FLOOR);
    // A filler where a digit belongs (dates, check digits) is legal but rare.
    if (ch === '<' && classes && (classes[i]! & (DIGIT | LETTER)) === DIGIT) score -= FILLER_AS_DIGIT;
  }
  return score;
}

/** Fillers are common in every field, so only the other symbols say something about the layout. */
function priorOf(text: string, classes: Uint8Array | null): number {
  let prior = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== '<') prior += classes ? CLASS_PRIOR[classes[i]!]! : FREE_PRIOR;
  return prior;
}

const isDigit = (ch: string) => ch >= '0' && ch <= '9';
const isLetter = (ch: string) => ch >= 'A' && ch <= 'Z';

/**
 * The class of a word's odd one out, if it has one: a single digit among three or more letters, or a
 * single letter among three or more digits. Such a character is more often a look-alike misread
 * (O read as 0) than what was printed.
 */
export function loneClassIn(word: string): ((ch: string) => boolean) | null {
  let letters = 0, digits = 0;
  for (const ch of word) if (isDigit(ch)) digits++; else if (isLetter(ch)) letters++;
  return digits === 1 && letters >= 3 ? isDigit : letters === 1 && digits >= 3 ? isLetter : null;
}

/**
 * Where no layout says what a position holds, its word does: a lone digit among three or more
 * letters is a letter read as its look-alike (B0ND), and a lone letter inside a run of digits is a
 * digit (12O45). A word's first letter stays: document numbers often start with one (B1234567).
 */
function wordConsistent(text: string, cands: LineCandidates): string {
  const out = [...text];
  for (const m of text.matchAll(/[^<]{4,}/g)) {
    const word = m[0];
    const lone = loneClassIn(word);
    if (!lone) continue;
    for (let k = 0; k < word.length; k++) {
      const i = m.index + k, ch = word[k]!;
      if (!lone(ch) || (lone === isLetter && k === 0)) continue;
      const lookAlike = lone === isDigit ? DIGIT_TO_LETTER[ch] : LETTER_TO_DIGIT[ch];
      if (lookAlike && cands[i]!.some((a) => a.char === lookAlike)) out[i] = lookAlike;
    }
  }
  return out.join('');
}

/**
 * The line's text as the likeliest standard MRZ line it can be (recogniser scores, the classes of
 * its positions, its check digits and document code), or as read when no standard
 * line explains it better than the plain reading does.
 */
export function contextualText(cands: LineCandidates): string {
  const freeText = cands.map((c) => c[0]?.char ?? '<').join('');
  let best: { text: string; likelihood: number } | null = null;
  for (const { format, line } of LINE_SLOTS.get(cands.length) ?? []) {
    const layout = LAYOUTS[format];
    const classes = layout.classes[line]!;
    const r = correctLine(cands, format, line, { maxCost: UNCONFIRMED_CORRECTION_COST });
    // A document code the format does not use is as bad as any other char out of place.
    const codePenalty = line === 0 && !layout.codeFirst.includes(r.text[0]!) ? Math.log(FLOOR) : 0;
    const checks = r.held * CHECK_HOLDS + (r.checks - r.held) * CHECK_FAILS;
    const likelihood = scoreOf(cands, r.text, classes) + codePenalty + priorOf(r.text, classes) + checks;
    if (!best || likelihood > best.likelihood) best = { text: r.text, likelihood };
  }
  // A line of standard length may still be none of them (a label, a partial crop): it stays as read
  // when reading it as any layout is less likely than reading it freely.
  const free = scoreOf(cands, freeText, null) + priorOf(freeText, null);
  return best && best.likelihood >= free ? best.text : wordConsistent(freeText, cands);
}
