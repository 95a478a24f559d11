// Finds candidate MRZ text lines anywhere in a frame: a coarse pass on downscaled copies marks
// pixels with strong horizontal gradient, joins them along rows into line-shaped regions, and keeps
// regions long and thin enough to hold 30-44 OCR-B characters, along the frame's width or its height.
// Cheap enough to run on every frame.
import { cropGray, downscale, type GrayImage } from './gray';

/** One elongated text region, in full-frame pixel coordinates. */
export interface LineCandidate {
  cx: number;
  cy: number;
  /** Direction of the text (radians, image y down). */
  angle: number;
  /** Extent along the text direction (≈ line length). */
  length: number;
  /** Extent across it (≈ cap height plus blur). */
  thickness: number;
  /** Pixels in the region over length × thickness: text lines fill their box. */
  fill: number;
  /** Downscale factor of the pass that found it. */
  scale: number;
}

export interface LocateOptions {
  /** Smallest MRZ character height (px) to look for. */
  minCharHeight?: number;
  /** Also look for lines running along the frame's height (a booklet held sideways). Default true. */
  sideways?: boolean;
}

/**
 * What one pass saw beyond its lines: its gradient threshold, and the boxes (x0, y0, x1, y1 in the pass's
 * pixels) of the textured patches it set aside: long enough for a line and filled like one, but too thick
 * (fine print under the MRZ, such as guilloche or a ghost portrait, joins the lines and the print around
 * them into one patch at that threshold).
 */
interface PassReport { threshold: number; patches: [number, number, number, number][] }

/**
 * Pieces of a line at least this share of the shortest line a pass looks for are kept aside as
 * fragments: not candidates themselves, but joinBrokenLines may join two of them (or one with a line)
 * into one. A glare streak across a small MRZ leaves pieces that are each too short.
 */
const FRAGMENT_SHARE = 0.3;

/**
 * Runs of fewer edges are not text and are dropped before labelling: a document's border gives one
 * edge per row, a glare streak two (up into the bright band and down out of it), and either, crossing
 * or running beside the MRZ, would otherwise join its lines into one region that is no line at all.
 */
const MIN_RUN_EDGES = 3;

/** One pass's settings: its downscale factor, gap filling (in its own pixels), shortest line (full-frame px). */
interface Pass {
  scale: number;
  gapFill: number;
  minLength: number;
  /** Fewest edges a run needs: MIN_RUN_EDGES, or 0 to keep every run (hasSmallPrintLines, which only asks whether print is there). */
  minEdges: number;
  /** A threshold to use instead of the image's own. */
  threshold?: number;
  /** Where to keep pieces too short to be lines (see FRAGMENT_SHARE). */
  fragments?: LineCandidate[];
}

/**
 * Row-wise gap filling of the gradient mask, as runs, then 4-connected labelling of the runs with
 * moment sums in closed form (runs are ~50x fewer than pixels, which is what keeps this fast).
 */
function linesAtScale(img: GrayImage, pass: Pass, out: LineCandidate[]): PassReport {
  const { width: w, height: h, data } = img;
  const { scale, gapFill, minLength: minLengthFull, minEdges, fragments } = pass;
  // Threshold from the image's own gradient statistics, clamped: flat frames stay quiet, busy ones do not flood.
  let sum = 0, cnt = 0;
  for (let y = 0; y < h; y += 4) for (let x = 1; x < w - 1; x += 2) { sum += Math.abs(data[y * w + x + 1]! - data[y * w + x - 1]!); cnt++; }
  const thr = pass.threshold ?? Math.max(12, Math.min(40, (3 * sum) / Math.max(1, cnt)));
  // Runs: start, end (inclusive), row, label.
  let rs: Int32Array = new Int32Array(4096), re: Int32Array = new Int32Array(4096), ry: Int32Array = new Int32Array(4096);
  let nRuns = 0;
  const rowStart = new Int32Array(h + 1);
  for (let y = 0; y < h; y++) {
    rowStart[y] = nRuns;
    const row = y * w;
    // Edges: stretches of one gradient sign. A run of text crosses strokes, each a falling and a rising edge.
    let start = -1, last = -1e9, sign = 0, edges = 0;
    for (let x = 1; x < w - 1; x++) {
      const g = data[row + x + 1]! - data[row + x - 1]!;
      if (g > thr || g < -thr) {
        const s = g > 0 ? 1 : -1;
        if (x - last > gapFill) {
          if (start >= 0 && edges >= minEdges) {
            if (nRuns === rs.length) { rs = grow(rs); re = grow(re); ry = grow(ry); }
            rs[nRuns] = start; re[nRuns] = last; ry[nRuns] = y; nRuns++;
          }
          start = x;
          edges = 1;
        } else if (x - last > 1 || s !== sign) edges++;
        sign = s;
        last = x;
      }
    }
    if (start >= 0 && edges >= minEdges) {
      if (nRuns === rs.length) { rs = grow(rs); re = grow(re); ry = grow(ry); }
      rs[nRuns] = start; re[nRuns] = last; ry[nRuns] = y; nRuns++;
    }
  }
  rowStart[h] = nRuns;
  const report: PassReport = { threshold: thr, patches: [] };
  if (nRuns === 0) return report;
  const parent = new Int32Array(nRuns);
  for (let i = 0; i < nRuns; i++) parent[i] = i;
  const find = (a: number): number => { while (parent[a] !== a) { parent[a] = parent[parent[a]!]!; a = parent[a]!; } return a; };
  for (let y = 1; y < h; y++) {
    let p = rowStart[y - 1]!;
    const pEnd = rowStart[y]!;
    for (let q = rowStart[y]!; q < rowStart[y + 1]!; q++) {
      while (p < pEnd && re[p]! < rs[q]!) p++;
      for (let k = p; k < pEnd && rs[k]! <= re[q]!; k++) {
        const a = find(k), b = find(q);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const m = new Float64Array(nRuns * 6);
  for (let i = 0; i < nRuns; i++) {
    const r = find(i) * 6, a = rs[i]!, b = re[i]!, y = ry[i]!;
    const n = b - a + 1, sx = ((a + b) * n) / 2;
    const sxx = (b * (b + 1) * (2 * b + 1) - (a - 1) * a * (2 * a - 1)) / 6;
    m[r]! += n; m[r + 1]! += sx; m[r + 2]! += y * n; m[r + 3]! += sxx; m[r + 4]! += y * y * n; m[r + 5]! += y * sx;
  }
  // Shape from the moments; keep the line-shaped regions for the extent pass below.
  const keep: { l: number; mx: number; my: number; angle: number; thickness: number; cnt: number; length: number; fragment: boolean }[] = [];
  const slot = new Int32Array(nRuns).fill(-1);
  for (let l = 0; l < nRuns; l++) {
    if (parent[l] !== l) continue;
    const r = l * 6, cntL = m[r]!;
    if (cntL < 20) continue;
    const mx = m[r + 1]! / cntL, my = m[r + 2]! / cntL;
    const sxx = m[r + 3]! / cntL - mx * mx, syy = m[r + 4]! / cntL - my * my, sxy = m[r + 5]! / cntL - mx * my;
    const tr = sxx + syy, det = sxx * syy - sxy * sxy;
    const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
    const l1 = tr / 2 + disc, l2 = Math.max(1e-6, tr / 2 - disc);
    const length = Math.sqrt(12 * l1), thickness = Math.sqrt(12 * l2);
    const fragment = length * scale < minLengthFull;
    if (fragment && (!fragments || length * scale < FRAGMENT_SHARE * minLengthFull)) continue;
    // 30 OCR-B characters span about 30 cap heights; allow blur, and up to three MRZ lines run
    // together (the reader splits those).
    // Too thick for one line but filled like print: lines and the print under them, set aside as a
    // patch to pass over again. Up to 9:1 it may also be lines run together, and stays a candidate.
    if (length / thickness < 9 && !fragment && cntL / (length * thickness) >= 0.45) {
      // The patch's box from its moments: the ellipse's extent along x and y (2 standard deviations each side).
      const ex = 2 * Math.sqrt(Math.max(0, sxx)), ey = 2 * Math.sqrt(Math.max(0, syy));
      report.patches.push([mx - ex, my - ey, mx + ex, my + ey]);
    }
    if (length / thickness < 5.5) continue;
    const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    if (Math.abs(angle) > (35 * Math.PI) / 180) continue;
    if (cntL / (length * thickness) < 0.45) continue;
    slot[l] = keep.length;
    keep.push({ l, mx, my, angle, thickness, cnt: cntL, length, fragment });
  }
  if (keep.length === 0) return report;
  // The true extent along the text direction from the run ends: the moments underestimate it where
  // the line ends in thin fillers.
  const uMin = new Float64Array(keep.length).fill(Infinity), uMax = new Float64Array(keep.length).fill(-Infinity);
  for (let i = 0; i < nRuns; i++) {
    const k = slot[find(i)]!;
    if (k < 0) continue;
    const g = keep[k]!, c = Math.cos(g.angle), sn = Math.sin(g.angle), y = ry[i]! - g.my;
    const ua = (rs[i]! - g.mx) * c + y * sn, ub = (re[i]! + 1 - g.mx) * c + y * sn;
    const lo = Math.min(ua, ub), hi = Math.max(ua, ub);
    if (lo < uMin[k]!) uMin[k] = lo;
    if (hi > uMax[k]!) uMax[k] = hi;
  }
  keep.forEach((g, k) => {
    const length = uMax[k]! - uMin[k]!, mid = (uMax[k]! + uMin[k]!) / 2;
    const c = Math.cos(g.angle), sn = Math.sin(g.angle);
    const found: LineCandidate = {
      cx: (g.mx + mid * c + 0.5) * scale, cy: (g.my + mid * sn + 0.5) * scale, angle: g.angle,
      length: length * scale, thickness: g.thickness * scale, fill: g.cnt / (g.length * g.thickness), scale,
    };
    if (g.fragment) fragments?.push(found);
    else out.push(found);
  });
  return report;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The image mirrored about its diagonal: rows become columns. In tiles, so that writes stay in cache. */
function transpose(img: GrayImage): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const T = 16;
  for (let y0 = 0; y0 < h; y0 += T) {
    const y1 = Math.min(h, y0 + T);
    for (let x0 = 0; x0 < w; x0 += T) {
      const x1 = Math.min(w, x0 + T);
      for (let x = x0; x < x1; x++) {
        const o = x * h;
        for (let y = y0; y < y1; y++) out[o + y] = data[y * w + x]!;
      }
    }
  }
  return { width: h, height: w, data: out };
}

/** Thresholds of the passes again over a textured patch, as multiples of the frame's own; and how many patches at most. */
const PATCH_THRESHOLDS = [1.5, 2.2] as const;
const MAX_PATCHES = 4;

/**
 * One pass (linesAtScale), and again over what it set aside as textured patches. Security print under
 * the MRZ: its fine lines pass the threshold the frame's own statistics set and join the text into a
 * patch, while the text's strokes are far stronger. Over each such patch only, the pass again at higher
 * thresholds, where the print drops out and the lines stand alone.
 */
function linesAndPatches(img: GrayImage, pass: Pass, out: LineCandidate[]): void {
  const first = linesAtScale(img, pass, out);
  for (const [x0, y0, x1, y1] of first.patches.slice(0, MAX_PATCHES)) {
    const left = Math.max(0, Math.floor(x0) - 4), top = Math.max(0, Math.floor(y0) - 4);
    const patch = cropGray(img, left, top, Math.ceil(x1) + 4 - left, Math.ceil(y1) + 4 - top);
    for (const k of PATCH_THRESHOLDS) {
      const lines: LineCandidate[] = [];
      linesAtScale(patch, { ...pass, threshold: k * first.threshold, fragments: undefined }, lines);
      for (const c of lines) out.push({ ...c, cx: c.cx + pass.scale * left, cy: c.cy + pass.scale * top });
    }
  }
}

/** Smallest capitals (px) the quarter-resolution pass looks for (see locateLines). */
const QUARTER_MIN_CHAR = 20;

/**
 * What the quarter pass keeps (lines, or fragments with the fragments' share of the length): as long as
 * a line of 28 px capitals, or as thick as QUARTER_MIN_CHAR capitals. Thinner print is the half pass's;
 * joined into lines here, text of that size (a document's own fields, words and all) cost a reading on
 * frames without an MRZ (a bench-set frame's p95 went from 2.4 to 19 ms).
 */
function largeEnoughForQuarter(c: LineCandidate, length28px: number): boolean {
  return c.length >= length28px || c.thickness >= 0.9 * QUARTER_MIN_CHAR;
}

/**
 * Lines within 35° of the frame's height (a booklet held sideways). A sideways MRZ fits a landscape
 * frame only in small print (capitals up to about 22 px), which the quarter-size frame blurs: two
 * lines of 11 px capitals run together there, or fall apart into pieces. So a pass over the
 * quarter-size frame transposed only finds where sideways print is (lines, their pieces, textured
 * patches), and a pass at half size, over the box around all of that, finds the lines. Over the
 * whole half-size frame that pass would cost 40% more locating on every frame; most frames without
 * a sideways MRZ show no sideways print at all. 480-frame condition set: no MRZ found on 62 frames
 * instead of 75, 252 accepted instead of 239, and 4% more time in all than the quarter pass alone.
 * Their angle points down the frame; the reader turns it half a turn when the text runs up.
 */
function sidewaysLines(half: GrayImage, quarter: GrayImage, minLength: number): LineCandidate[] {
  const seen: LineCandidate[] = [];
  const q = 4, h = 2; // the quarter- and half-size frames' downscale factors
  const { patches } = linesAtScale(transpose(quarter), { scale: q, gapFill: 3, minLength, minEdges: MIN_RUN_EDGES, fragments: seen }, seen);
  // The box, in the transposed frame's pixels, of everything seen.
  let u0 = Infinity, v0 = Infinity, u1 = -Infinity, v1 = -Infinity;
  const include = (cu: number, cv: number, r: number): void => {
    u0 = Math.min(u0, cu - r); u1 = Math.max(u1, cu + r); v0 = Math.min(v0, cv - r); v1 = Math.max(v1, cv + r);
  };
  for (const c of seen) include(c.cx, c.cy, c.length / 2 + 2 * c.thickness);
  // Patches are boxes in the quarter pass's own pixels.
  for (const [x0, y0, x1, y1] of patches) include(q * (x0 + x1) / 2, q * (y0 + y1) / 2, q * Math.max(x1 - x0, y1 - y0) / 2);
  if (!(u1 > u0)) return [];
  // Transposed, u runs down this frame and v across it.
  const left = Math.max(0, Math.floor(v0 / h)), top = Math.max(0, Math.floor(u0 / h));
  const crop = cropGray(half, left, top, Math.ceil(v1 / h) - left, Math.ceil(u1 / h) - top);
  if (crop.width === 0 || crop.height === 0) return [];
  const across: LineCandidate[] = [];
  linesAndPatches(transpose(crop), { scale: h, gapFill: 6, minLength, minEdges: MIN_RUN_EDGES }, across);
  // Transposing swaps x and y: a direction at angle a there is at π/2 − a here.
  return across.map((c) => ({ ...c, cx: c.cy + h * left, cy: c.cx + h * top, angle: Math.PI / 2 - c.angle }));
}

/**
 * Candidate text lines long enough to be MRZ lines. The half-resolution pass catches small print
 * (12-30 px characters), the quarter-resolution pass larger print (20-60 px), where the gap
 * filling of the finer pass would break a line into words: from about 20 px its rows cross a run of
 * fillers one chevron stroke at a time, runs of two edges that MIN_RUN_EDGES drops, so that a TD1
 * line of 24 px capitals was found only in pieces. Lines within 35° of the frame's width
 * are found directly; lines within 35° of its height by sidewaysLines.
 */
export function locateLines(frame: GrayImage, options: LocateOptions = {}): LineCandidate[] {
  const minChar = options.minCharHeight ?? 11;
  const out: LineCandidate[] = [];
  const fragments: LineCandidate[] = [];
  const half = downscale(frame, 2);
  linesAndPatches(half, { scale: 2, gapFill: 6, minLength: 28 * minChar, minEdges: MIN_RUN_EDGES, fragments }, out);
  const quarter = downscale(half, 2);
  const quarterLines: LineCandidate[] = [], quarterFragments: LineCandidate[] = [];
  // Security print under large print makes a patch here as it does under small print at half size: a TD1
  // card of 37 px capitals over cross-hatching was found as one patch and no line.
  linesAndPatches(quarter, { scale: 4, gapFill: 9, minLength: 28 * QUARTER_MIN_CHAR, minEdges: MIN_RUN_EDGES, fragments: quarterFragments }, quarterLines);
  out.push(...quarterLines.filter((c) => largeEnoughForQuarter(c, 28 * 28)));
  fragments.push(...quarterFragments.filter((c) => largeEnoughForQuarter(c, FRAGMENT_SHARE * 28 * 28)));
  // Larger print, one octave per pass (each takes capitals of 15-30 px at its own scale), while a
  // line of that print still fits the frame: a webcam frame pays nothing, a large still one pass.
  let octave = quarter;
  for (let f = 8; 28 * 7 * f <= Math.max(frame.width, frame.height); f *= 2) {
    octave = downscale(octave, 2);
    linesAtScale(octave, { scale: f, gapFill: 9, minLength: 28 * 7 * f, minEdges: MIN_RUN_EDGES }, out);
  }
  if (options.sideways ?? true) out.push(...sidewaysLines(half, quarter, 28 * minChar));
  // The same line found at both scales, or by a pass and again over its patch: keep the finer finding,
  // and of findings at one scale the fuller (a patch's pass at the lower threshold may find pieces).
  // Lines run together are not one of their lines found again.
  const kept: LineCandidate[] = [];
  for (const c of [...out].sort((a, b) => a.scale - b.scale || b.length * b.fill - a.length * a.fill)) {
    const dup = kept.find((k) => Math.hypot(k.cx - c.cx, k.cy - c.cy) < 0.5 * Math.max(k.thickness, c.thickness) && Math.abs(k.length - c.length) < 0.25 * k.length
      && Math.min(k.thickness, c.thickness) > 0.6 * Math.max(k.thickness, c.thickness));
    if (!dup) kept.push(c);
  }
  return [...kept, ...joinBrokenLines([...kept, ...fragments], 28 * minChar)];
}

/**
 * Pieces of one line, joined: a glare streak across the MRZ, a fold, or a page tilted out of the
 * plane (whose characters, and the gaps between them, shrink towards the far end) can break a line
 * into two regions, neither long enough to read as a whole line. Two regions along one direction
 * (within 4°), each centred on the other's axis (within half a thickness), of like thickness, whose
 * facing ends are at most four thicknesses apart (or overlap a little: pieces measured from their run ends), give one more candidate spanning both; the pieces
 * stay candidates too (fragments, too short to be lines, do not). Joined lines shorter than minLength
 * are dropped. Ordered by how long the joined line is, at most MAX_JOINED.
 */
export function joinBrokenLines(cands: LineCandidate[], minLength = 0): LineCandidate[] {
  const joined: LineCandidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    for (let j = i + 1; j < cands.length; j++) {
      const a = cands[i]!, b = cands[j]!;
      let da = Math.abs(a.angle - b.angle) % Math.PI;
      da = Math.min(da, Math.PI - da);
      if (da > (4 * Math.PI) / 180) continue;
      const t = Math.max(a.thickness, b.thickness);
      if (Math.min(a.thickness, b.thickness) < 0.6 * t) continue;
      const ux = Math.cos(a.angle), uy = Math.sin(a.angle);
      const dx = b.cx - a.cx, dy = b.cy - a.cy;
      const along = dx * ux + dy * uy, across = -dx * uy + dy * ux;
      if (Math.abs(across) > 0.5 * t) continue;
      const gap = Math.abs(along) - (a.length + b.length) / 2;
      if (gap > 4 * t) continue;
      const lo = Math.min(-a.length / 2, along - b.length / 2), hi = Math.max(a.length / 2, along + b.length / 2);
      // Regions that overlap so far that their union is hardly longer are one line found twice.
      if (hi - lo < 1.25 * Math.max(a.length, b.length) || hi - lo < minLength) continue;
      const mid = (lo + hi) / 2;
      joined.push({
        cx: a.cx + mid * ux, cy: a.cy + mid * uy, angle: a.angle, length: hi - lo,
        thickness: (a.thickness * a.length + b.thickness * b.length) / (a.length + b.length),
        fill: Math.min(a.fill, b.fill), scale: Math.min(a.scale, b.scale),
      });
    }
  }
  return joined.sort((p, q) => q.length - p.length).slice(0, MAX_JOINED);
}

/** Joined pieces per frame at most: each is one more line to read on a frame with no MRZ. */
const MAX_JOINED = 4;

/**
 * Whether an image holds lines of print smaller than locateLines looks for (capitals of 5-11 px):
 * one pass at full resolution, with gaps filled as for that print. Cheap beside a reading, so it
 * decides whether a small image is worth reading again enlarged (scales.ts).
 */
export function hasSmallPrintLines(frame: GrayImage): boolean {
  const out: LineCandidate[] = [];
  linesAtScale(frame, { scale: 1, gapFill: 5, minLength: 28 * 5, minEdges: 0 }, out);
  return out.some((c) => c.length <= 46 * 11);
}
