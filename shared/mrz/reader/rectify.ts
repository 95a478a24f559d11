// Cuts a rotated rectangle out of a frame into an upright image (bilinear, box-averaged when
// shrinking), so the line recogniser always sees horizontal text at a workable size.
import type { GrayImage } from './gray';

export interface RotatedRect {
  cx: number;
  cy: number;
  angle: number;
  /** Full extent along the angle. */
  length: number;
  /** Full extent across it. */
  height: number;
}

export interface Rectified {
  image: GrayImage;
  /** Output pixels per frame pixel. */
  scale: number;
  rect: RotatedRect;
}

/**
 * Samples `rect` at `scale` output pixels per frame pixel. What lies outside the frame is the paper beside it
 * (fillAsPaper), or with `outsideWhite` white: for a whole view turned, whose corners are no line's paper and whose
 * every column's paper level would cost several times the reading of it.
 */
export function rectify(frame: GrayImage, rect: RotatedRect, scale: number, outsideWhite = false): Rectified {
  const W = Math.max(1, Math.round(rect.length * scale)), H = Math.max(1, Math.round(rect.height * scale));
  const ux = Math.cos(rect.angle), uy = Math.sin(rect.angle), nx = -uy, ny = ux;
  const inv = 1 / scale;
  // Shrinking by more than ~1.5x needs several samples per output pixel to avoid aliasing strokes away.
  const sub = inv > 2 ? Math.min(3, Math.ceil(inv / 1.5)) : 1;
  const out = new Uint8Array(W * H);
  const { width: fw, height: fh, data } = frame;
  const ox = rect.cx - (rect.length / 2) * ux - (rect.height / 2) * nx;
  const oy = rect.cy - (rect.length / 2) * uy - (rect.height / 2) * ny;
  // A sample at (u, v) along and across the rectangle is at ox + u·ux + v·nx: the part along is
  // the same for every row and the part across for every column, so each is worked out once
  // (added in the same order as written out in full, so every sample is the same to the bit).
  const colX = new Float64Array(W * sub), colY = new Float64Array(W * sub);
  for (let i = 0; i < W; i++) for (let b = 0; b < sub; b++) {
    const u = (i + (b + 0.5) / sub) * inv;
    colX[i * sub + b] = ox + u * ux; colY[i * sub + b] = oy + u * uy;
  }
  const outside: number[] = [];
  if (sub === 1) {
    // Outside pixels are white as they are sampled, or listed for fillAsPaper.
    sampleOnce(data, fw, fh, out, W, H, colX, colY, inv, nx, ny, outsideWhite ? null : outside);
    fillAsPaper(out, W, H, outside);
    return { image: { width: W, height: H, data: out }, scale, rect };
  }
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      let s = 0, n = 0;
      for (let a = 0; a < sub; a++) {
        const v = (j + (a + 0.5) / sub) * inv, vx = v * nx, vy = v * ny;
        for (let b = 0; b < sub; b++) {
          let x = colX[i * sub + b]! + vx - 0.5, y = colY[i * sub + b]! + vy - 0.5;
          if (x < -1 || y < -1 || x > fw || y > fh) continue;
          n++;
          if (x < 0) x = 0; else if (x > fw - 1) x = fw - 1;
          if (y < 0) y = 0; else if (y > fh - 1) y = fh - 1;
          const x0 = x | 0, y0 = y | 0;
          const x1 = x0 + 1 < fw ? x0 + 1 : x0, y1 = y0 + 1 < fh ? y0 + 1 : y0;
          const fx = x - x0, fy = y - y0;
          const p = data[y0 * fw + x0]!, q = data[y0 * fw + x1]!, r = data[y1 * fw + x0]!, t = data[y1 * fw + x1]!;
          s += (p + (q - p) * fx) * (1 - fy) + (r + (t - r) * fx) * fy;
        }
      }
      if (n === 0) outside.push(j * W + i);
      else out[j * W + i] = Math.round(s / n);
    }
  }
  if (outsideWhite) for (const o of outside) out[o] = 255; else fillAsPaper(out, W, H, outside);
  return { image: { width: W, height: H, data: out }, scale, rect };
}

/**
 * Outside the frame is blank paper: neither a smear of the edge pixels (which reads as ink) nor white, which beside
 * the dim paper of a phone photo is a third level that a strip's split of ink and paper takes for the paper, making
 * the paper ink (a TD3's composite check digit at the frame's edge was lost so). Each outside pixel takes the paper
 * level of the cut's columns nearest it: their upper quartile of grey, paper being most of a column of a line, the
 * mean over about a line's height of columns against noise; deep in a band of columns wholly outside, the nearest
 * column's with paper. An image wholly outside is white.
 */
function fillAsPaper(out: Uint8Array, W: number, H: number, outside: number[]): void {
  if (outside.length === 0) return;
  const isOutside = new Uint8Array(W * H);
  let x0 = W, x1 = -1;
  for (const o of outside) { isOutside[o] = 1; const x = o % W; if (x < x0) x0 = x; if (x > x1) x1 = x; }
  // Only the columns within a window of the pixels outside count (most of a cut is inside).
  const r = Math.max(1, Math.round(H / 2));
  const a = Math.max(0, x0 - r), n = Math.min(W - 1, x1 + r) - a + 1;
  const sum = new Float64Array(n + 1), count = new Int32Array(n + 1);
  const column = new Uint8Array(H);
  for (let k = 0; k < n; k++) {
    let m = 0;
    for (let y = 0, o = a + k; y < H; y++, o += W) if (!isOutside[o]) column[m++] = out[o]!;
    const paper = m ? column.subarray(0, m).sort()[Math.floor(PAPER_QUANTILE * (m - 1))]! : 0;
    sum[k + 1] = sum[k]! + paper;
    count[k + 1] = count[k]! + (m ? 1 : 0);
  }
  if (count[n] === 0) { for (const o of outside) out[o] = 255; return; }
  const level = new Float32Array(n).fill(NaN);
  for (let k = 0; k < n; k++) {
    const lo = Math.max(0, k - r), hi = Math.min(n, k + r + 1), c = count[hi]! - count[lo]!;
    if (c) level[k] = (sum[hi]! - sum[lo]!) / c;
  }
  // Deep in a band of columns wholly outside: the nearest column's level.
  for (let k = 0; k < n; k++) {
    if (!Number.isNaN(level[k])) continue;
    for (let d = 1; ; d++) {
      if (k - d >= 0 && !Number.isNaN(level[k - d])) { level[k] = level[k - d]!; break; }
      if (k + d < n && !Number.isNaN(level[k + d])) { level[k] = level[k + d]!; break; }
    }
  }
  for (const o of outside) out[o] = Math.round(level[(o % W) - a]!);
}
const PAPER_QUANTILE = 0.75;

/**
 * The one-sample-per-pixel case of rectify (every look that does not shrink by more than 2×, which is
 * nearly every line read): the part across is worked out once per row instead of once per pixel, and a
 * row's pixels whose 2×2 neighbourhood lies inside the frame skip the edge tests. The arithmetic is the
 * general loop's, in the same order, so each sample is the same to the bit.
 */
function sampleOnce(data: Uint8Array, fw: number, fh: number, out: Uint8Array, W: number, H: number,
  colX: Float64Array, colY: Float64Array, inv: number, nx: number, ny: number, outside: number[] | null): void {
  for (let j = 0; j < H; j++) {
    const v = (j + 0.5) * inv, vx = v * nx, vy = v * ny, row = j * W;
    for (let i = 0; i < W; i++) {
      let x = colX[i]! + vx - 0.5, y = colY[i]! + vy - 0.5;
      let x0: number, y0: number, x1: number, y1: number;
      if (x >= 0 && y >= 0 && x < fw - 1 && y < fh - 1) {
        x0 = x | 0; y0 = y | 0; x1 = x0 + 1; y1 = y0 + 1;
      } else {
        if (x < -1 || y < -1 || x > fw || y > fh) { if (outside) outside.push(row + i); else out[row + i] = 255; continue; }
        if (x < 0) x = 0; else if (x > fw - 1) x = fw - 1;
        if (y < 0) y = 0; else if (y > fh - 1) y = fh - 1;
        x0 = x | 0; y0 = y | 0;
        x1 = x0 + 1 < fw ? x0 + 1 : x0; y1 = y0 + 1 < fh ? y0 + 1 : y0;
      }
      const fx = x - x0, fy = y - y0;
      const o0 = y0 * fw, o1 = y1 * fw;
      const p = data[o0 + x0]!, q = data[o0 + x1]!, r = data[o1 + x0]!, t = data[o1 + x1]!;
      out[row + i] = Math.round((p + (q - p) * fx) * (1 - fy) + (r + (t - r) * fx) * fy);
    }
  }
}
