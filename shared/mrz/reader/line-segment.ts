// Splits one upright MRZ text line into character cells on the OCR-B pitch and samples each cell
// into the fixed feature grid that the recogniser was trained on.
import type { GrayImage } from './gray';

/** Feature grid of one character cell (columns × rows); the model file must agree. */
export const CELL_W = 16;
export const CELL_H = 20;
/** OCR-B advance over cap height (72/71 units in the font): the prior for the pitch. */
export const OCRB_PITCH_RATIO = 1.014;
/** Neighbouring blobs narrower together than this share of the pitch are one broken glyph. */
const MERGE = 0.9;

export interface CharCell {
  /** Horizontal centre of the cell in line-image pixels. */
  cx: number;
  /** Baseline (bottom of capitals) at cx. */
  baseline: number;
  /** True when a blob of ink was found at this grid position (false: filled in from the pitch). */
  inked: boolean;
  /**
   * This cell's pitch and cap height as multiples of the line's (1 when absent). A page tilted out
   * of the plane shows one end of a line nearer the lens: there the glyphs are taller and wider, and
   * a window of the line's one pitch took in a neighbour's strokes at the far end.
   */
  pitchScale?: number;
  capScale?: number;
}

export interface LineLayout {
  capHeight: number;
  pitch: number;
  cells: CharCell[];
  /** Ink map 0..1 (1 = full ink), same size as the input, contrast-normalised per strip. */
  ink: Float32Array;
  width: number;
  height: number;
}

interface Blob { x0: number; x1: number; y0: number; y1: number; area: number }
/** Where a character is along the line: a blob's centre, or a share of a wide blob split on the pitch. */
interface Centre { c: number; area: number; y0: number; y1: number }

/**
 * Contrast normalisation in vertical strips (Otsu per strip, interpolated), so that a glare
 * gradient along a line does not wipe out half of it. Returns ink 0..1 and a binary mask.
 */
function normaliseInk(img: GrayImage, printUnder: boolean): { ink: Float32Array; mask: Uint8Array } {
  const { width: w, height: h } = img;
  const data = flattenBackground(img);
  const stripW = Math.max(16, Math.round(h * 2));
  const nStrips = Math.max(1, Math.round(w / stripW));
  const fg = new Float32Array(nStrips), bg = new Float32Array(nStrips), thr = new Float32Array(nStrips);
  // Global levels as the fallback for strips without enough contrast (blank margins): the strips' histograms
  // added up, so each pixel is counted once.
  const hists = Array.from({ length: nStrips }, (_, s) => histogram(data, Math.floor((s * w) / nStrips), Math.floor(((s + 1) * w) / nStrips), w, h));
  const total = new Float64Array(256);
  for (const hist of hists) for (let t = 0; t < 256; t++) total[t]! += hist[t]!;
  const split = printUnder ? inkUnderPrint : levels;
  const glob = split(total);
  for (let s = 0; s < nStrips; s++) {
    const l = split(hists[s]!);
    if (l.bg - l.fg < 0.5 * (glob.bg - glob.fg) || l.bg - l.fg < 12) { fg[s] = glob.fg; bg[s] = Math.max(l.bg, glob.bg); }
    else { fg[s] = l.fg; bg[s] = l.bg; }
    thr[s] = (fg[s]! + bg[s]!) / 2;
  }
  // Each column's levels first, then the pixels row by row (in memory order: column by column
  // strode through the whole image and cost twice as much).
  const colB = new Float64Array(w), colT = new Float64Array(w), colSpan = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    // Linear interpolation between strip centres.
    const pos = ((x + 0.5) * nStrips) / w - 0.5;
    const s0 = Math.max(0, Math.min(nStrips - 1, Math.floor(pos))), s1 = Math.min(nStrips - 1, s0 + 1);
    const f = Math.max(0, Math.min(1, pos - s0));
    const F = fg[s0]! * (1 - f) + fg[s1]! * f, B = bg[s0]! * (1 - f) + bg[s1]! * f;
    colB[x] = B; colT[x] = (F + B) / 2; colSpan[x] = Math.max(8, B - F);
  }
  const ink = new Float32Array(w * h), mask = scratchMask(w * h);
  for (let y = 0, o = 0; y < h; y++) {
    for (let x = 0; x < w; x++, o++) {
      const v = data[o]!;
      let k = (colB[x]! - v) / colSpan[x]!;
      if (k < 0) k = 0; else if (k > 1) k = 1;
      ink[o] = k;
      mask[o] = v < colT[x]! ? 1 : 0;
    }
  }
  return { ink, mask };
}

/**
 * The last line image normalised, with its ink map and mask: a line that segments a few cells off a standard
 * length is segmented again at that length (read-frame.ts), from the same image, and normalising it was two
 * thirds of segmenting it. The mask is the scratch buffer, which only normaliseInk writes, so it still holds this
 * image's mask while this image is the last normalised. Line images are made by rectify and never changed.
 */
let lastNormalised: { img: GrayImage; printUnder: boolean; ink: Float32Array; mask: Uint8Array } | null = null;
function normalisedOnce(img: GrayImage, printUnder: boolean): { ink: Float32Array; mask: Uint8Array } {
  if (lastNormalised?.img !== img || lastNormalised.printUnder !== printUnder) lastNormalised = { img, printUnder, ...normaliseInk(img, printUnder) };
  return lastNormalised;
}

/** Paper brighter than the typical level by at most this much is just uneven paper, not glare. */
const NO_GLARE = 12;

/**
 * Takes away glare: light added over part of the line's height makes the ordinary paper beside it
 * look like "ink" to the strip thresholds. The paper level is the maximum over blocks of about
 * half a cap height (after a 3-tap smoothing against noise), closed over 3x3 blocks, then
 * interpolated; whatever rises above the typical paper level is subtracted. In even light, and in
 * shadow, the image comes back unchanged.
 */
function flattenBackground(img: GrayImage): Uint8Array {
  const { width: w, height: h, data } = img;
  const bs = Math.max(3, Math.round(h / 4));
  const bw = Math.ceil(w / bs), bh = Math.ceil(h / bs);
  const block = new Float32Array(bw * bh);
  for (let y = 0; y < h; y++) {
    const row = y * w, by = ((y / bs) | 0) * bw;
    // Block by block along the row: its maximum kept in a local, one store per block and row.
    for (let bx = 0, xa = 0; xa < w; bx++, xa += bs) {
      const xb = Math.min(w, xa + bs);
      let m = block[by + bx]!;
      for (let x = xa; x < xb; x++) {
        const l = data[row + (x > 0 ? x - 1 : x)]!, c = data[row + x]!, r = data[row + (x < w - 1 ? x + 1 : x)]!;
        const v = (l + 2 * c + r) / 4;
        if (v > m) m = v;
      }
      block[by + bx] = m;
    }
  }
  // A closing on the block grid (3x3 max, then 3x3 min): blocks that are all ink take their
  // neighbours' paper, while the edge of a glare spot stays where it is.
  const paper = morph3x3(morph3x3(block, bw, bh, Math.max), bw, bh, Math.min);
  // The typical paper level is the median block. Only light above it is taken away; shadows and
  // dark surroundings are left to the strip thresholds, as before.
  const top = Array.from(paper).sort((a, b) => a - b)[paper.length >> 1]!;
  let brightest = 0;
  for (const v of paper) if (v > brightest) brightest = v;
  // No glare (the usual case): nothing to take away, and no per-pixel pass to pay for.
  if (brightest - top <= NO_GLARE) return data;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / bs - 0.5)), y0 = fy | 0, y1 = Math.min(bh - 1, y0 + 1), ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / bs - 0.5)), x0 = fx | 0, x1 = Math.min(bw - 1, x0 + 1), tx = fx - x0;
      const p = (paper[y0 * bw + x0]! * (1 - tx) + paper[y0 * bw + x1]! * tx) * (1 - ty) + (paper[y1 * bw + x0]! * (1 - tx) + paper[y1 * bw + x1]! * tx) * ty;
      const v = p > top ? data[y * w + x]! - (p - top) : data[y * w + x]!;
      out[y * w + x] = v < 0 ? 0 : v;
    }
  }
  return out;
}

function morph3x3(src: Float32Array, bw: number, bh: number, pick: (a: number, b: number) => number): Float32Array {
  const out = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) for (let bx = 0; bx < bw; bx++) {
    let m = src[by * bw + bx]!;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const yy = by + dy, xx = bx + dx;
      if (yy >= 0 && yy < bh && xx >= 0 && xx < bw) m = pick(m, src[yy * bw + xx]!);
    }
    out[by * bw + bx] = m;
  }
  return out;
}

/** Grey-level counts of the columns xa..xb-1. */
function histogram(data: Uint8Array, xa: number, xb: number, w: number, h: number): Float64Array {
  const hist = new Float64Array(256);
  for (let y = 0; y < h; y++) for (let x = xa, o = y * w + xa; x < xb; x++, o++) hist[data[o]!]!++;
  return hist;
}

/** Otsu's split of a histogram: the mean levels of its dark (ink) and light (paper) classes. */
function levels(hist: Float64Array): { fg: number; bg: number } {
  let n = 0, sum = 0;
  for (let t = 0; t < 256; t++) { n += hist[t]!; sum += t * hist[t]!; }
  let sumB = 0, wB = 0, best = -1, mBest = 0, MBest = 255;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = n - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB, mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) { best = between; mBest = mB; MBest = mF; }
  }
  return { fg: mBest, bg: MBest };
}

/**
 * The ink and paper levels of a line printed over fine print (guilloche, cross-hatching): three levels, the
 * text darkest. Otsu's split of the whole histogram parts the paper from the print and the text together, and
 * the print's lines join the characters into one blob; split again below that, the print counts as paper.
 */
function inkUnderPrint(hist: Float64Array): { fg: number; bg: number } {
  const { fg, bg } = levels(hist);
  const darker = new Float64Array(256);
  for (let t = 0; t < (fg + bg) / 2; t++) darker[t] = hist[t]!;
  return levels(darker);
}

/** 8-connected components of the mask, as bounding boxes with pixel counts. */
function components(mask: Uint8Array, w: number, h: number): Blob[] {
  const n = w * h;
  const { labels, stack } = scratchLabels(n);
  labels.fill(-1, 0, n);
  const blobs: Blob[] = [];
  for (let start = 0; start < n; start++) {
    if (!mask[start] || labels[start]! >= 0) continue;
    const id = blobs.length;
    const b: Blob = { x0: w, x1: -1, y0: h, y1: -1, area: 0 };
    labels[start] = id;
    // Every pixel is pushed once at most (it is labelled as it is pushed): n slots are enough.
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % w, y = (p - x) / w;
      b.area++;
      if (x < b.x0) b.x0 = x; if (x > b.x1) b.x1 = x;
      if (y < b.y0) b.y0 = y; if (y > b.y1) b.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const q = yy * w + xx;
          if (mask[q] && labels[q]! < 0) { labels[q] = id; stack[top++] = q; }
        }
      }
    }
    blobs.push(b);
  }
  return blobs;
}

// Scratch buffers of segmentLine, kept between lines and frames: the mask and the labels are
// used up within one call (the ink map is not: the layout keeps it), and allocating them for every
// line of every frame made work for the garbage collector.
let maskBuffer = new Uint8Array(0);
let labelBuffer = new Int32Array(0);
let stackBuffer = new Int32Array(0);
function scratchMask(n: number): Uint8Array {
  if (maskBuffer.length < n) maskBuffer = new Uint8Array(n);
  return maskBuffer.subarray(0, n);
}
function scratchLabels(n: number): { labels: Int32Array; stack: Int32Array } {
  if (labelBuffer.length < n) { labelBuffer = new Int32Array(n); stackBuffer = new Int32Array(n); }
  return { labels: labelBuffer, stack: stackBuffer };
}

function median(a: number[]): number {
  if (a.length === 0) return NaN;
  const s = [...a].sort((p, q) => p - q);
  return s[s.length >> 1]!;
}

/** Least-squares line y = a + b x, refitted once without outliers. */
function robustLine(xs: number[], ys: number[], tol: number): { a: number; b: number } {
  let keep = xs.map(() => true);
  let a = median(ys), b = 0;
  for (let iter = 0; iter < 3; iter++) {
    let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let i = 0; i < xs.length; i++) {
      if (!keep[i]) continue;
      n++; sx += xs[i]!; sy += ys[i]!; sxx += xs[i]! * xs[i]!; sxy += xs[i]! * ys[i]!;
    }
    if (n < 2) break;
    const den = n * sxx - sx * sx;
    b = den > 1e-9 ? (n * sxy - sx * sy) / den : 0;
    a = (sy - b * sx) / n;
    keep = xs.map((x, i) => Math.abs(ys[i]! - (a + b * x)) <= tol);
  }
  return { a, b };
}

export interface SegmentOptions {
  /** When the format is known (30, 36 or 44), the grid is forced to this many cells. */
  expectedLength?: number;
  /** Take the darkest of three levels as ink (inkUnderPrint): for a line that fine print under it hides from the usual split. */
  printUnder?: boolean;
}

/** Finds the characters of one line. Returns null when there is no plausible line of text. */
export function segmentLine(img: GrayImage, options: SegmentOptions = {}): LineLayout | null {
  const { width: w, height: h } = img;
  if (w < 8 || h < 6) return null;
  const { ink, mask } = normalisedOnce(img, options.printUnder ?? false);
  const all = components(mask, w, h).filter((b) => b.area >= 3);
  if (all.length === 0) return null;

  // Cap height: the typical height of the substantial blobs (nearly every MRZ glyph is cap-high).
  // Blobs cut by the top or bottom edge are the neighbouring MRZ line peeking in: not evidence.
  const inside = all.filter((b) => b.y0 > 0 && b.y1 < h - 1);
  const tall = inside.filter((b) => b.y1 - b.y0 + 1 >= 0.3 * h && b.y1 - b.y0 + 1 < 0.98 * h + 2);
  const pool = tall.length >= 3 ? tall : inside.length >= 3 ? inside : all;
  const heights = pool.map((b) => b.y1 - b.y0 + 1).sort((p, q) => p - q);
  const capHeight = heights[Math.floor(heights.length * 0.6)] ?? h * 0.6;
  if (capHeight < 4) return null;

  // Baseline through the bottoms of cap-high blobs; tolerates a few degrees of residual skew.
  const capBlobs = all.filter((b) => {
    const bh = b.y1 - b.y0 + 1;
    return bh >= 0.75 * capHeight && bh <= 1.3 * capHeight;
  });
  if (capBlobs.length < 2) return null;
  const base = robustLine(capBlobs.map((b) => (b.x0 + b.x1) / 2), capBlobs.map((b) => b.y1 + 1), 0.15 * capHeight);
  const baselineAt = (x: number) => base.a + base.b * x;
  // Its own pool: the wider band of heights takes in the glyphs at both ends of a line in perspective.
  const capAt = localCapHeight(all.filter((b) => b.y1 - b.y0 + 1 >= 0.6 * capHeight && b.y1 - b.y0 + 1 <= 1.5 * capHeight), capHeight, baselineAt);

  // Character blobs: ink inside the text band, with horizontally overlapping parts merged.
  let chars = all.filter((b) => {
    const cy = (b.y0 + b.y1) / 2, bl = baselineAt((b.x0 + b.x1) / 2);
    const bh = b.y1 - b.y0 + 1, bw = b.x1 - b.x0 + 1;
    return cy > bl - 1.15 * capHeight && cy < bl + 0.15 * capHeight && (bh >= 0.3 * capHeight || (bw >= 0.3 * capHeight && bh >= 0.12 * capHeight))
      && !isBackground(b, h);
  }).sort((p, q) => p.x0 - q.x0);
  if (chars.length < 2) return null;

  // Pitch from adjacent centre distances of ordinary-width blobs. Real documents stretch the font,
  // so the font's own ratio is only the fallback.
  const prior = capHeight * OCRB_PITCH_RATIO;
  const estimatePitch = (bs: Blob[], fallback: number): number => {
    const d: number[] = [];
    for (let i = 1; i < bs.length; i++) {
      const a = bs[i - 1]!, b = bs[i]!;
      if (a.x1 - a.x0 + 1 > 1.1 * capHeight || b.x1 - b.x0 + 1 > 1.1 * capHeight) continue;
      const dist = (b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2;
      if (dist > 0.5 * capHeight && dist < 1.6 * capHeight) d.push(dist);
    }
    return d.length >= 3 ? median(d) : fallback;
  };
  let pitch = estimatePitch(chars, prior);

  // Broken glyphs (an H in two strokes, a worn M) come as neighbours whose union is narrower than
  // one glyph; two real neighbours always span more than a pitch.
  const mergePitch = localPitch(chars, pitch, capHeight);
  const merged: Blob[] = [];
  for (const b of chars) {
    const last = merged[merged.length - 1];
    if (last) {
      const x0 = Math.min(last.x0, b.x0), x1 = Math.max(last.x1, b.x1);
      if (x1 - x0 + 1 <= MERGE * mergePitch((x0 + x1) / 2)) {
        last.x0 = Math.min(last.x0, b.x0); last.x1 = Math.max(last.x1, b.x1);
        last.y0 = Math.min(last.y0, b.y0); last.y1 = Math.max(last.y1, b.y1);
        last.area += b.area;
        continue;
      }
    }
    merged.push({ ...b });
  }
  chars = merged;
  if (chars.length < 2) return null;
  pitch = estimatePitch(chars, pitch);

  // The pitch along the line: a crop with perspective has its characters grow from one end to the
  // other, and a single pitch would split the wide end's blobs and count phantom gaps there.
  // Only a line whose cap height grows clearly from one end to the other is read in perspective;
  // any other is read exactly as before (the recogniser was trained on one window per line).
  const xa = (chars[0]!.x0 + chars[0]!.x1) / 2, xb = (chars[chars.length - 1]!.x0 + chars[chars.length - 1]!.x1) / 2;
  const inPerspective = Math.max(capAt(xa), capAt(xb)) >= PERSPECTIVE_CAP_RATIO * Math.min(capAt(xa), capAt(xb));
  const pitchAt = localPitch(chars, pitch, capHeight, inPerspective ? PERSPECTIVE_PITCH : undefined);

  // Wide blobs are touching characters: split them on the pitch.
  const centres: Centre[] = [];
  for (const b of chars) {
    const bw = b.x1 - b.x0 + 1, p = pitchAt((b.x0 + b.x1) / 2);
    const n = bw > 1.35 * p ? Math.max(1, Math.round((bw + 0.3 * p) / p)) : 1;
    for (let k = 0; k < n; k++) centres.push({ c: b.x0 + ((k + 0.5) * bw) / n, area: b.area / n, y0: b.y0, y1: b.y1 });
  }
  mergeCloseCentres(centres, pitchAt);

  // Indices by local distance (tolerates printers whose spacing is not perfectly even); a gap of
  // about two pitches is a character too faint to binarise, filled in later.
  const idx: number[] = [0];
  for (let k = 1; k < centres.length; k++) {
    const a = centres[k - 1]!.c, b = centres[k]!.c;
    idx.push(idx[k - 1]! + Math.max(1, Math.round((b - a) / pitchAt((a + b) / 2))));
  }
  let x0 = centres[0]!.c;
  {
    let n = 0, si = 0, sc = 0, sii = 0, sic = 0;
    for (let k = 0; k < centres.length; k++) { const i = idx[k]!, c = centres[k]!.c; n++; si += i; sc += c; sii += i * i; sic += i * c; }
    const den = n * sii - si * si;
    if (n >= 2 && den > 0) {
      const p = (n * sic - si * sc) / den;
      if (p > 0.5 * capHeight && p < 1.7 * capHeight) { pitch = p; x0 = (sc - pitch * si) / n; }
    }
  }
  const onGrid = centres.map(() => true);
  let iMin = Infinity, iMax = -Infinity;
  for (let k = 0; k < centres.length; k++) if (onGrid[k]) { iMin = Math.min(iMin, idx[k]!); iMax = Math.max(iMax, idx[k]!); }
  if (!Number.isFinite(iMin)) return null;
  let n = iMax - iMin + 1;
  const expected = options.expectedLength;
  if (expected && n !== expected) {
    if (n > expected) {
      // Drop the end that looks least like an MRZ character: clutter beside the zone (a card edge,
      // the photo, a stamp) sits off the pitch, off the baseline or at the wrong height.
      const at = new Map<number, { c: number; y0: number; y1: number }>();
      for (let k = 0; k < centres.length; k++) at.set(idx[k]!, centres[k]!);
      const oddness = (i: number, inward: number): number => {
        const b = at.get(i), nb = at.get(i + inward);
        if (!b) return 10;
        const gap = nb ? Math.abs(Math.abs(nb.c - b.c) / pitch - 1) : 1;
        const hgt = Math.abs((b.y1 - b.y0 + 1) / capHeight - 1);
        const base = Math.abs(b.y1 + 1 - baselineAt(b.c)) / capHeight;
        return gap + 0.5 * hgt + base;
      };
      while (n > expected) {
        if (oddness(iMin, 1) >= oddness(iMax, -1)) iMin++; else iMax--;
        n--;
      }
    } else {
      // Too few: a character too faint to binarise at an end. Grow towards the end whose next cell
      // holds more ink (faint ink still shows in the contrast-normalised map), else the roomier one.
      const inkOfCell = (i: number): number => {
        const cx = x0 + i * pitch, bl = baselineAt(cx);
        const xa = Math.max(0, Math.round(cx - 0.4 * pitch)), xb = Math.min(w - 1, Math.round(cx + 0.4 * pitch));
        const ya = Math.max(0, Math.round(bl - capHeight)), yb = Math.min(h - 1, Math.round(bl));
        let sum = 0, count = 0;
        for (let y = ya; y <= yb; y++) for (let x = xa; x <= xb; x++) { sum += ink[y * w + x]!; count++; }
        return count ? sum / count : 0;
      };
      while (n < expected) {
        const leftInk = inkOfCell(iMin - 1), rightInk = inkOfCell(iMax + 1);
        const leftRoom = x0 + (iMin - 0.5) * pitch, rightRoom = w - (x0 + (iMax + 0.5) * pitch);
        const growRight = Math.abs(leftInk - rightInk) > 0.03 ? rightInk > leftInk : rightRoom >= leftRoom;
        if (growRight) iMax++; else iMin--;
        n++;
      }
    }
  }
  const byIndex = new Map<number, number>();
  for (let k = 0; k < centres.length; k++) if (onGrid[k]) byIndex.set(idx[k]!, centres[k]!.c);
  const cells: CharCell[] = [];
  for (let i = iMin; i <= iMax; i++) {
    const found = byIndex.get(i);
    const grid = x0 + i * pitch;
    // Snap to the blob when it is close: absorbs slow drift of the pitch under perspective.
    const cx = found ?? interpolate(byIndex, i, grid, pitch);
    cells.push({ cx, baseline: baselineAt(cx), inked: found !== undefined });
  }
  // Each cell's own pitch and cap height (the fitted local ones) on a line seen in perspective.
  if (inPerspective) {
    for (const c of cells) {
      c.pitchScale = pitchAt(c.cx) / pitch;
      c.capScale = capAt(c.cx) / capHeight;
    }
  }
  return { capHeight, pitch, cells, ink, width: w, height: h };
}

/**
 * Centres less than half a pitch apart are pieces of one glyph: a glare streak or a fold across a line
 * cuts glyphs into pieces that sit above and below each other, or a piece beside a glyph's wider part,
 * and the merge by union width (MERGE) keeps them apart when one piece was already merged with a
 * neighbour's. Each would take a cell of its own and push the rest of the line one cell on. Sorted by
 * centre, such neighbours become one, at their centre weighted by ink (a speck of security print beside a
 * glyph hardly moves it).
 */
function mergeCloseCentres(centres: Centre[], pitchAt: (x: number) => number): void {
  centres.sort((a, b) => a.c - b.c);
  for (let k = 1; k < centres.length; k++) {
    const a = centres[k - 1]!, b = centres[k]!;
    if (b.c - a.c >= CLOSE_CENTRES * pitchAt((a.c + b.c) / 2)) continue;
    const area = a.area + b.area;
    centres.splice(k - 1, 2, { c: (a.c * a.area + b.c * b.area) / area, area, y0: Math.min(a.y0, b.y0), y1: Math.max(a.y1, b.y1) });
    k--;
  }
}

/** Centres closer than this share of the local pitch are one glyph's (mergeCloseCentres). */
const CLOSE_CENTRES = 0.5;

/**
 * How far the pitch may run from the line's median at either end when the line is read (not when
 * blobs are merged): a 44-character line of 12 px print on a page tilted 30° about an axis across
 * it, 65° lens, has its pitch grow 1.7 times from one end to the other (0.78 to 1.32 of the median).
 */
const PERSPECTIVE_PITCH: [number, number] = [0.7, 1.4];
/**
 * A line is read in perspective when its fitted cap height at one end is at least this many times
 * that at the other (a page tilted about 15° or more about an axis across the line, in small print).
 */
const PERSPECTIVE_CAP_RATIO = 1.12;

/**
 * Pitch as a linear function of x, fitted to the centre distances of adjacent ordinary-width blobs
 * and kept within `bounds` of the line's median pitch (a steeper change is not perspective but noise).
 */
function localPitch(chars: Blob[], pitch: number, capHeight: number, bounds: [number, number] = [0.8, 1.25]): (x: number) => number {
  const xs: number[] = [], ds: number[] = [];
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1]!, b = chars[i]!;
    if (a.x1 - a.x0 + 1 > 1.1 * capHeight || b.x1 - b.x0 + 1 > 1.1 * capHeight) continue;
    const ca = (a.x0 + a.x1) / 2, cb = (b.x0 + b.x1) / 2, d = cb - ca;
    // Only neighbours one pitch apart: gaps of two or more would drag the fit up.
    if (d > 0.7 * pitch && d < 1.35 * pitch) { xs.push((ca + cb) / 2); ds.push(d); }
  }
  if (xs.length < 8) return () => pitch;
  const { a, b } = robustLine(xs, ds, 0.12 * pitch);
  return (x) => Math.min(bounds[1] * pitch, Math.max(bounds[0] * pitch, a + b * x));
}

/**
 * Cap height as a linear function of x: the line through the tops of cap-high blobs against the
 * baseline. In perspective the two converge (a straight line stays straight), so the glyphs at the
 * near end are taller. Kept within 0.75-1.35 of the line's cap height; the line's own where fewer
 * than eight blobs vouch for the fit or the fit is no better than a constant.
 */
function localCapHeight(capBlobs: Blob[], capHeight: number, baselineAt: (x: number) => number): (x: number) => number {
  if (capBlobs.length < 8) return () => capHeight;
  const xs = capBlobs.map((b) => (b.x0 + b.x1) / 2), hs = capBlobs.map((b, i) => baselineAt(xs[i]!) - b.y0);
  const { a, b } = robustLine(xs, hs, 0.15 * capHeight);
  return (x) => Math.min(1.35 * capHeight, Math.max(0.75 * capHeight, a + b * x));
}

/**
 * A blob that is not print of this line: dark surroundings past a document's edge (or a photo) inside the
 * crop, spanning it from top to bottom and filling its box nearly solid. Split on the pitch like touching
 * glyphs, it gave a line cells past its end (a 44-character line beside a card's edge read as 48 and
 * dropped). Glyphs of the lines above and below reach one edge only; glyphs joined to the crop's edges by
 * security print reach both but fill their box thinly; a solid glyph is never as tall as the crop.
 */
function isBackground(b: Blob, h: number): boolean {
  const bw = b.x1 - b.x0 + 1;
  return b.y0 === 0 && b.y1 === h - 1 && b.area >= BACKGROUND_FILL * bw * h;
}
const BACKGROUND_FILL = 0.7;

/** Position of a missing cell from its nearest found neighbours (falls back to the fitted grid). */
function interpolate(byIndex: Map<number, number>, i: number, grid: number, pitch: number): number {
  const l = byIndex.get(i - 1), r = byIndex.get(i + 1);
  if (l !== undefined && r !== undefined) return (l + r) / 2;
  if (l !== undefined) return l + pitch;
  if (r !== undefined) return r - pitch;
  return grid;
}

/**
 * Samples each cell into CELL_W × CELL_H features (area average of ink). The window is one pitch
 * wide and spans from a little above the cap line to a little below the baseline. With `only`, cells
 * it rejects get no features (an empty array).
 */
export function cellFeatures(layout: LineLayout, only?: (cell: number) => boolean): Float32Array[] {
  const { ink, width: w, height: h, capHeight, pitch } = layout;
  const sub = Math.max(1, Math.min(3, Math.ceil(Math.max(pitch / CELL_W, (1.3 * capHeight) / CELL_H))));
  const out: Float32Array[] = [];
  // Where the samples fall within a window of the line's pitch and cap height, worked out once per
  // line (the same sums as in full), and scaled for a cell of its own size.
  const offX = new Float64Array(CELL_W * sub), offY = new Float64Array(CELL_H * sub);
  for (let gx = 0; gx < CELL_W; gx++) for (let sx = 0; sx < sub; sx++) offX[gx * sub + sx] = ((gx + (sx + 0.5) / sub) * pitch) / CELL_W;
  for (let gy = 0; gy < CELL_H; gy++) for (let sy = 0; sy < sub; sy++) offY[gy * sub + sy] = ((gy + (sy + 0.5) / sub) * 1.3 * capHeight) / CELL_H;
  const n = sub * sub;
  for (const [index, cell] of layout.cells.entries()) {
    if (only && !only(index)) { out.push(new Float32Array(0)); continue; }
    const f = new Float32Array(CELL_W * CELL_H);
    const kx = cell.pitchScale ?? 1, ky = cell.capScale ?? 1;
    const xs = cell.cx - (kx * pitch) / 2, ys = cell.baseline - 1.15 * ky * capHeight;
    for (let gy = 0; gy < CELL_H; gy++) {
      for (let gx = 0; gx < CELL_W; gx++) {
        let s = 0;
        for (let sy = 0; sy < sub; sy++) {
          const y = ys + ky * offY[gy * sub + sy]! - 0.5;
          for (let sx = 0; sx < sub; sx++) s += sampleInk(ink, w, h, xs + kx * offX[gx * sub + sx]! - 0.5, y);
        }
        f[gy * CELL_W + gx] = s / n;
      }
    }
    out.push(f);
  }
  return out;
}

function sampleInk(ink: Float32Array, w: number, h: number, x: number, y: number): number {
  if (x < 0 || y < 0 || x > w - 1 || y > h - 1) return 0;
  const x0 = x | 0, y0 = y | 0;
  const x1 = x0 + 1 < w ? x0 + 1 : x0, y1 = y0 + 1 < h ? y0 + 1 : y0;
  const fx = x - x0, fy = y - y0;
  const a = ink[y0 * w + x0]!, b = ink[y0 * w + x1]!, c = ink[y1 * w + x0]!, d = ink[y1 * w + x1]!;
  return (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
}
