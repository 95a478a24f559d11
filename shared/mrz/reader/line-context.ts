// Per-position character classes of the standard MRZ lines, for reading a single line without its
// partners (the --line CLI): pick the line layout the recogniser's alternatives fit best and, when
// the fit costs little, take the best in-class alternative at each position (0/O, 1/I, 2/Z, 8/B ...).
// Whole MRZs get this and more from correctMrz's check-digit-guided search.
import type { LineCandidates } from './types';

// A = letter or filler, D = digit or filler, S = sex, X = anything.
const rep = (c: string, n: number) => c.repeat(n);
const PATTERNS: readonly string[] = [
  rep('A', 44), // TD3 / MRV-A line 1
  rep('X', 9) + 'D' + rep('A', 3) + rep('D', 7) + 'S' + rep('D', 7) + rep('X', 14) + 'DD', // TD3 line 2
  rep('X', 9) + 'D' + rep('A', 3) + rep('D', 7) + 'S' + rep('D', 7) + rep('X', 16), // MRV-A line 2
  rep('A', 36), // TD2 / MRV-B line 1
  rep('X', 9) + 'D' + rep('A', 3) + rep('D', 7) + 'S' + rep('D', 7) + rep('X', 7) + 'D', // TD2 line 2
  rep('X', 9) + 'D' + rep('A', 3) + rep('D', 7) + 'S' + rep('D', 7) + rep('X', 8), // MRV-B line 2
  rep('A', 30) + rep('X', 6), // French ID line 1
  rep('X', 12) + 'D' + rep('A', 14) + rep('D', 7) + 'S' + 'D', // French ID line 2
  rep('A', 5) + rep('X', 25), // TD1 line 1
  rep('D', 7) + 'S' + rep('D', 7) + rep('A', 3) + rep('X', 11) + 'D', // TD1 line 2
  rep('A', 30), // TD1 line 3
];

function fits(cls: string, ch: string): boolean {
  if (cls === 'X' || ch === '<') return true;
  const c = ch.charCodeAt(0);
  if (cls === 'A') return c >= 65 && c <= 90;
  if (cls === 'D') return c >= 48 && c <= 57;
  return ch === 'M' || ch === 'F' || ch === 'X';
}

const FLOOR = 1e-4;
/** Log-score price of a filler read where a digit belongs. */
const FILLER_AS_DIGIT = 2;

/**
 * How much a position's class says in advance (log of one over the symbols it allows): a layout
 * that explains the line's letters and digits with narrower classes is the likelier one, so a
 * names line is less easily taken for the document-number line that allows anything.
 */
const CLASS_PRIOR: Readonly<Record<string, number>> = { A: -Math.log(27), D: -Math.log(11), S: -Math.log(3), X: -Math.log(37) };

/** Best in-class alternative at each position: the summed log score, and the layout's prior. */
function constrained(cands: LineCandidates, pattern: string): { text: string; score: number; prior: number } {
  let text = '', score = 0, prior = 0;
  for (let i = 0; i < cands.length; i++) {
    const cls = pattern[i]!;
    const alt = cands[i]!.find((a) => fits(cls, a.char));
    // Fillers are common in every field, so only the other symbols say something about the layout.
    if (alt && alt.char !== '<') prior += CLASS_PRIOR[cls] ?? 0;
    // A filler where a digit belongs (dates, check digits) is legal but rare.
    if (alt) { text += alt.char; score += Math.log(Math.max(FLOOR, alt.score)) - (cls === 'D' && alt.char === '<' ? FILLER_AS_DIGIT : 0); }
    else { text += cands[i]![0]?.char ?? '<'; score += Math.log(FLOOR) * 2; }
  }
  return { text, score, prior };
}

/**
 * The line's text after applying the likeliest standard layout, or the plain best reading when
 * that layout costs more than `maxCost` (natural-log units of recogniser score given up).
 */
export function contextualText(cands: LineCandidates, maxCost = 8): string {
  const free = constrained(cands, rep('X', cands.length));
  let best: { text: string; score: number; prior: number } | null = null;
  for (const p of PATTERNS) {
    if (p.length !== cands.length) continue;
    const c = constrained(cands, p);
    if (!best || c.score + c.prior > best.score + best.prior) best = c;
  }
  return best && free.score - best.score <= maxCost ? best.text : free.text;
}
