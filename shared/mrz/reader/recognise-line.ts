// Reads one upright MRZ line image: segmentation on the OCR-B pitch, then the recogniser per cell,
// giving the best text plus scored alternatives for the check-digit-guided correction.
import { loadMlp, mlpForward, toCandidates, type Mlp } from './classifier';
import type { GrayImage } from './gray';
import { cellFeatures, segmentLine, type LineLayout } from './line-segment';
import { OCRB_MLP } from './model/ocrb-mlp';
import type { LineCandidates } from './types';
import { contextualText } from './line-context';

let defaultModel: Mlp | null = null;
/** The committed model, decoded once on first use. */
export function getDefaultModel(): Mlp {
  defaultModel ??= loadMlp(OCRB_MLP);
  return defaultModel;
}

export interface LineReading {
  text: string;
  candidates: LineCandidates;
  /** Mean probability of the chosen characters (0..1). */
  confidence: number;
  /** Lowest probability of any chosen character. */
  minScore: number;
  layout: LineLayout;
}

export interface RecogniseLineOptions {
  expectedLength?: number;
  model?: Mlp;
}

export function recogniseLine(img: GrayImage, options: RecogniseLineOptions = {}): LineReading | null {
  const layout = segmentLine(img, options.expectedLength ? { expectedLength: options.expectedLength } : {});
  if (!layout) return null;
  return classifyLayout(layout, options.model ?? getDefaultModel());
}

/**
 * The recogniser's reading of every cell; with `only`, of those cells alone: the others get no
 * candidates, read as a filler in the text (a second look that needs a few cells pays for those).
 */
export function classifyLayout(layout: LineLayout, model: Mlp, only?: (cell: number) => boolean): LineReading {
  const feats = cellFeatures(layout, only);
  const hidden = new Float32Array(model.hidden);
  const candidates: LineCandidates = [];
  let text = '', sum = 0, min = 1;
  for (let c = 0; c < feats.length; c++) {
    if (feats[c]!.length === 0) { candidates.push([]); text += '<'; continue; }
    const probs = mlpForward(model, feats[c]!, hidden);
    const cands = toCandidates(probs);
    // A cell placed by the pitch alone (no ink blob of its own) is a guess: say so in its scores,
    // so that unchecked fields read there cannot make a reading valid. Unless it holds a filler beyond doubt:
    // fillers are the smallest marks of a line, and glare or security print loses them as blobs first.
    if (!layout.cells[c]!.inked && !sureFiller(cands)) for (const a of cands) a.score *= 0.3;
    candidates.push(cands);
    const best = cands[0]!;
    text += best.char;
    sum += best.score;
    min = Math.min(min, best.score);
  }
  return { text, candidates, confidence: feats.length ? sum / feats.length : 0, minScore: min, layout };
}

/**
 * A filler read at least this sure where no blob of ink was found is a filler the segmentation missed. A blank
 * cell (paper alone, as where glare washes a character out) reads as a filler 0.91 sure at most, a cell across
 * the gap between two characters less; a printed filler 0.99 and more. On the 480-frame condition set, 2 more
 * frames were accepted (glare over a filler), with no false accept.
 */
const SURE_FILLER_SCORE = 0.98;

function sureFiller(cands: LineCandidates[number]): boolean {
  return cands[0]?.char === '<' && cands[0].score >= SURE_FILLER_SCORE;
}

/**
 * What `mrz read --line` prints: the line read alone, with the per-position character classes of
 * the standard MRZ line layout it fits (when one fits cheaply) resolving look-alikes.
 */
export function readLineText(img: GrayImage, options: RecogniseLineOptions = {}): string | null {
  const r = recogniseLine(img, options);
  return r ? contextualText(r.candidates) : null;
}
