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

/** Samples `rect` at `scale` output pixels per frame pixel. */
export function rectify(frame: GrayImage, rect: RotatedRect, scale: number): Rectified {
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
  if (sub === 1) {
    sampleOnce(data, fw, fh, out, W, H, colX, colY, inv, nx, ny);
    return { image: { width: W, height: H, data: out }, scale, rect };
  }
  const n = sub * sub;
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      let s = 0;
      for (let a = 0; a < sub; a++) {
        const v = (j + (a + 0.5) / sub) * inv, vx = v * nx, vy = v * ny;
        for (let b = 0; b < sub; b++) {
          let x = colX[i * sub + b]! + vx - 0.5, y = colY[i * sub + b]! + vy - 0.5;
          // Outside the frame is blank paper, not a smear of the edge pixels (which reads as ink).
          if (x < -1 || y < -1 || x > fw || y > fh) { s += 255; continue; }
          if (x < 0) x = 0; else if (x > fw - 1) x = fw - 1;
          if (y < 0) y = 0; else if (y > fh - 1) y = fh - 1;
          const x0 = x | 0, y0 = y | 0;
          const x1 = x0 + 1 < fw ? x0 + 1 : x0, y1 = y0 + 1 < fh ? y0 + 1 : y0;
          const fx = x - x0, fy = y - y0;
          const p = data[y0 * fw + x0]!, q = data[y0 * fw + x1]!, r = data[y1 * fw + x0]!, t = data[y1 * fw + x1]!;
          s += (p + (q - p) * fx) * (1 - fy) + (r + (t - r) * fx) * fy;
        }
      }
      out[j * W + i] = Math.round(s / n);
    }
  }
  return { image: { width: W, height: H, data: out }, scale, rect };
}

/**
 * The one-sample-per-pixel case of rectify (every look that does not shrink by more than 2×, which is
 * nearly every line read): the part across is worked out once per row instead of once per pixel, and a
 * row's pixels whose 2×2 neighbourhood lies inside the frame skip the edge tests. The arithmetic is the
 * general loop's, in the same order, so each sample is the same to the bit.
 */
function sampleOnce(data: Uint8Array, fw: number, fh: number, out: Uint8Array, W: number, H: number,
  colX: Float64Array, colY: Float64Array, inv: number, nx: number, ny: number): void {
  for (let j = 0; j < H; j++) {
    const v = (j + 0.5) * inv, vx = v * nx, vy = v * ny, row = j * W;
    for (let i = 0; i < W; i++) {
      let x = colX[i]! + vx - 0.5, y = colY[i]! + vy - 0.5;
      let x0: number, y0: number, x1: number, y1: number;
      if (x >= 0 && y >= 0 && x < fw - 1 && y < fh - 1) {
        x0 = x | 0; y0 = y | 0; x1 = x0 + 1; y1 = y0 + 1;
      } else {
        if (x < -1 || y < -1 || x > fw || y > fh) { out[row + i] = 255; continue; }
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
