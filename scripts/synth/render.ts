// Draws OCR-B text from the committed glyph atlas into float ink canvases, plus the seeded random
// numbers and blur/noise used to degrade synthetic images (training, tests, synthetic documents).
import { decodeBase64 } from '../../shared/mrz/reader/base64';
import type { GrayImage } from '../../shared/mrz/reader/gray';
import { rectify } from '../../shared/mrz/reader/rectify';
import { OCRB_GLYPHS } from './ocrb-glyphs';
import { MRZ_CHARSET } from '../../shared/mrz/reader/types';

let atlas: Uint8Array | null = null;
function glyphs(): Uint8Array {
  atlas ??= decodeBase64(OCRB_GLYPHS.data);
  return atlas;
}

/** Small deterministic PRNG (mulberry32) so that synthetic sets and tests are reproducible. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(a: number, b: number): number { return a + (b - a) * this.next(); }
  int(a: number, b: number): number { return Math.floor(this.range(a, b + 1)); }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)]!; }
  gauss(): number {
    const u = Math.max(1e-12, this.next()), v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** A float ink canvas: 0 = paper, 1 = full ink. */
export interface InkCanvas { width: number; height: number; ink: Float32Array }

export function createInk(width: number, height: number): InkCanvas {
  return { width, height, ink: new Float32Array(width * height) };
}

function atlasInk(g: number, x: number, y: number): number {
  const { cellWidth: cw, cellHeight: ch } = OCRB_GLYPHS;
  if (x < 0 || y < 0 || x > cw - 1 || y > ch - 1) return 0;
  const data = glyphs(), base = g * cw * ch;
  const x0 = x | 0, y0 = y | 0, x1 = Math.min(cw - 1, x0 + 1), y1 = Math.min(ch - 1, y0 + 1);
  const fx = x - x0, fy = y - y0;
  const a = data[base + y0 * cw + x0]!, b = data[base + y0 * cw + x1]!, c = data[base + y1 * cw + x0]!, d = data[base + y1 * cw + x1]!;
  return ((a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy) / 255;
}

export interface TextStyle {
  /** Cap height in canvas pixels. */
  capHeight: number;
  /** Horizontal stretch of glyphs and pitch (1 = the font's own proportions). */
  stretch?: number;
  /** Extra pitch factor (printers differ a little from the font's advance). */
  pitchScale?: number;
  /** Ink darkness multiplier 0..1. */
  strength?: number;
  /** Stroke weight: >1 bolder, <1 thinner (applied as a gamma on the glyph's coverage). */
  weight?: number;
  /** Rotation in radians around the text origin. */
  angle?: number;
}

/**
 * Draws `text` with its first cell's left edge at x and baseline at y. Characters outside the MRZ
 * alphabet are skipped as spaces (clutter text uses the same font).
 */
export function drawText(canvas: InkCanvas, text: string, x: number, y: number, style: TextStyle): { width: number; pitch: number } {
  const s = style.capHeight / OCRB_GLYPHS.capHeight;
  const sx = s * (style.stretch ?? 1), sy = s;
  const pitch = OCRB_GLYPHS.advance * sx * (style.pitchScale ?? 1);
  const strength = style.strength ?? 1, gamma = 1 / (style.weight ?? 1);
  const ang = style.angle ?? 0, ca = Math.cos(ang), sa = Math.sin(ang);
  const { cellWidth: cw, cellHeight: ch, baseline } = OCRB_GLYPHS;
  const sub = 2;
  for (let k = 0; k < text.length; k++) {
    const g = MRZ_CHARSET.indexOf(text[k]!);
    if (g < 0) continue;
    // Glyph box in text space (u right along the line, v down), origin at the text origin.
    const u0 = k * pitch + (pitch - cw * sx) / 2, v0 = -baseline * sy;
    const corners = [[u0, v0], [u0 + cw * sx, v0], [u0, v0 + ch * sy], [u0 + cw * sx, v0 + ch * sy]] as const;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (const [u, v] of corners) {
      const px = x + u * ca - v * sa, py = y + u * sa + v * ca;
      minX = Math.min(minX, px); maxX = Math.max(maxX, px); minY = Math.min(minY, py); maxY = Math.max(maxY, py);
    }
    for (let py = Math.max(0, Math.floor(minY)); py <= Math.min(canvas.height - 1, Math.ceil(maxY)); py++) {
      for (let px = Math.max(0, Math.floor(minX)); px <= Math.min(canvas.width - 1, Math.ceil(maxX)); px++) {
        let acc = 0;
        for (let a = 0; a < sub; a++) for (let b = 0; b < sub; b++) {
          const dx = px + (b + 0.5) / sub - 0.5 - x, dy = py + (a + 0.5) / sub - 0.5 - y;
          const u = dx * ca + dy * sa, v = -dx * sa + dy * ca;
          acc += atlasInk(g, (u - u0) / sx - 0.5, (v - v0) / sy - 0.5);
        }
        let cov = acc / (sub * sub);
        if (cov <= 0) continue;
        if (gamma !== 1) cov = Math.pow(cov, gamma);
        const i = py * canvas.width + px;
        canvas.ink[i] = 1 - (1 - canvas.ink[i]!) * (1 - cov * strength);
      }
    }
  }
  return { width: pitch * text.length, pitch };
}

/** Separable Gaussian blur in place. */
export function blurFloat(data: Float32Array, w: number, h: number, sigma: number): void {
  if (sigma < 0.25) return;
  const r = Math.ceil(sigma * 2.5), k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) { k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma)); sum += k[i + r]!; }
  for (let i = 0; i < k.length; i++) k[i]! /= sum;
  const tmp = new Float32Array(Math.max(w, h));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += data[y * w + Math.min(w - 1, Math.max(0, x + i))]! * k[i + r]!;
      tmp[x] = s;
    }
    for (let x = 0; x < w; x++) data[y * w + x] = tmp[x]!;
  }
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += data[Math.min(h - 1, Math.max(0, y + i)) * w + x]! * k[i + r]!;
      tmp[y] = s;
    }
    for (let y = 0; y < h; y++) data[y * w + x] = tmp[y]!;
  }
}

export interface LineImageOptions {
  capHeight: number;
  stretch?: number;
  pitchScale?: number;
  weight?: number;
  angle?: number;
  blur?: number;
  noise?: number;
  paper?: number;
  inkLevel?: number;
  /** Linear brightness change from left to right (uneven light), in grey levels. */
  gradient?: number;
  marginX?: number;
  marginY?: number;
}

/** Renders a single text line as a grey crop, like the dataset's line images. */
export function renderLineImage(text: string, o: LineImageOptions, rng: Rng): GrayImage {
  const s = o.capHeight / OCRB_GLYPHS.capHeight;
  const pitch = OCRB_GLYPHS.advance * s * (o.stretch ?? 1) * (o.pitchScale ?? 1);
  const mx = o.marginX ?? o.capHeight * 0.3, my = o.marginY ?? o.capHeight * 0.35;
  const width = Math.ceil(pitch * text.length + 2 * mx);
  const height = Math.ceil(o.capHeight + 2 * my + Math.abs(Math.sin(o.angle ?? 0)) * pitch * text.length);
  const c = createInk(width, height);
  const y0 = my + o.capHeight + (Math.sin(o.angle ?? 0) < 0 ? Math.abs(Math.sin(o.angle ?? 0)) * pitch * text.length : 0);
  drawText(c, text, mx, y0, { capHeight: o.capHeight, stretch: o.stretch ?? 1, pitchScale: o.pitchScale ?? 1, weight: o.weight ?? 1, angle: o.angle ?? 0 });
  blurFloat(c.ink, width, height, o.blur ?? 0);
  const paper = o.paper ?? 230, inkLevel = o.inkLevel ?? 30, noise = o.noise ?? 0, grad = o.gradient ?? 0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const i = y * width + x;
    const p = paper + grad * (x / width - 0.5);
    const v = p - c.ink[i]! * (p - inkLevel) + (noise > 0 ? rng.gauss() * noise : 0);
    data[i] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
  }
  return { width, height, data };
}

/**
 * `image` turned `deg` about its centre into a canvas that holds all of it (a still of a page held askew), and
 * where a point of the image lands on that canvas.
 */
export function turnedStill(image: GrayImage, deg: number): { image: GrayImage; toTurned: (x: number, y: number) => [number, number] } {
  const a = (deg * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a);
  const { width: w, height: h } = image, W = Math.ceil(w * Math.abs(c) + h * Math.abs(s)), H = Math.ceil(w * Math.abs(s) + h * Math.abs(c));
  return {
    image: rectify(image, { cx: w / 2, cy: h / 2, angle: -a, length: W, height: H }, 1).image,
    toTurned: (x, y) => [W / 2 + (x - w / 2) * c - (y - h / 2) * s, H / 2 + (x - w / 2) * s + (y - h / 2) * c],
  };
}
