// Owns what the camera tells the officer while it holds a reading back: the one thing to change
// (distance, glare, framing, stillness) or, for a complete reading whose check digits hold, why it
// is not accepted. Only what the frame's reading shows; the worker passes the hint on unchanged.
import { isDocumentFault, type DocumentFault } from '../faults';
import type { GrayImage } from './gray';
import type { FrameReading } from './read-frame';

export type HoldHint =
  /** The print is too small to read surely: bring the document closer. */
  | 'far'
  /** The laminate reflects a lamp over the MRZ. */
  | 'glare'
  /** Lines of an MRZ were seen but not all of them. */
  | 'partial'
  /** Characters are smeared (focus or motion). */
  | 'blur'
  /** The check digits hold, but the names (which no check digit covers) are not read surely yet. */
  | 'names'
  /** The check digits hold, but do not confirm the reading: some characters could be read two ways. */
  | 'unconfirmed'
  /** Read surely with every check digit right, but the document is at fault (faults.ts): check it, or type the MRZ. */
  | DocumentFault
  /** An accepted frame waits for a second that agrees with it. */
  | 'confirming';

/** Below this cap height (px) the OCR-B glyphs are too small for the recogniser to be sure. */
const FAR_CAP_HEIGHT = 11;
/** Mean recogniser score under which the characters are smeared (focus or motion). */
const BLUR_CONFIDENCE = 0.75;
/** Share of blown-out pixels around the MRZ that means the laminate reflects a lamp. */
const GLARE_SHARE = 0.03;

/** Why a frame in which an MRZ was seen is not (yet) a reading; null when nothing specific shows. */
export function holdHint(reading: FrameReading, frame: GrayImage): HoldHint | null {
  // A sure reading whose only faults are the document's (faults.ts): distance or glare would not change them.
  if (isDocumentFault(reading.refusal)) return reading.refusal;
  if (reading.valid) return 'confirming';
  const lines = reading.found;
  if (lines.length === 0) return null;
  const cap = lines.reduce((s, l) => s + l.capHeight, 0) / lines.length;
  if (cap < FAR_CAP_HEIGHT) return 'far';
  if (glareShare(reading, frame) > GLARE_SHARE) return 'glare';
  if (!reading.format) return 'partial';
  if (reading.refusal === 'unsure_text') return 'names';
  if (reading.refusal === 'unconfirmed') return 'unconfirmed';
  if (reading.confidence < BLUR_CONFIDENCE) return 'blur';
  return null;
}

/** Share of near-white pixels in the box around the lines found (a cheap stand-in for specular glare). */
function glareShare(reading: FrameReading, frame: GrayImage): number {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const l of reading.found) {
    const half = l.length / 2 + l.capHeight;
    x0 = Math.min(x0, l.cx - half); x1 = Math.max(x1, l.cx + half);
    y0 = Math.min(y0, l.cy - 2 * l.capHeight); y1 = Math.max(y1, l.cy + 2 * l.capHeight);
  }
  const { width, height, data } = frame;
  const left = Math.max(0, Math.floor(x0)), right = Math.min(width, Math.ceil(x1));
  const top = Math.max(0, Math.floor(y0)), bottom = Math.min(height, Math.ceil(y1));
  let white = 0, total = 0;
  // Every other pixel is plenty for a share and halves the cost.
  for (let y = top; y < bottom; y += 2) {
    for (let x = left; x < right; x += 2) {
      total++;
      if (data[y * width + x]! >= 250) white++;
    }
  }
  return total === 0 ? 0 : white / total;
}
