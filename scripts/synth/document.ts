// Synthetic webcam frames of identity documents with an OCR-B MRZ (random valid data of every
// format), degraded like a desk webcam: rotation, mild perspective, blur, noise, glare, low contrast,
// small text and background clutter. Pure TS so tests can make frames in memory; the
// scripts/mrz-synth.ts CLI adds JPEG and writes files with ground truth.
import { generateMrz } from '../../shared/mrz/generate';
import type { MrzFormat } from '../../shared/mrz/types';
import { enlarge, type GrayImage } from '../../shared/mrz/reader/gray';
import { blurFloat, createInk, drawText, Rng, type InkCanvas } from './render';

export const SYNTH_FORMATS: readonly MrzFormat[] = ['TD3', 'TD2', 'TD1', 'MRVA', 'MRVB', 'FRENCH_ID'];

/** Document size (mm) and MRZ line count / length per format. */
const DOC: Record<MrzFormat, { w: number; h: number; lines: number; len: number }> = {
  TD3: { w: 125, h: 88, lines: 2, len: 44 },
  TD2: { w: 105, h: 74, lines: 2, len: 36 },
  TD1: { w: 85.6, h: 54, lines: 3, len: 30 },
  MRVA: { w: 120, h: 80, lines: 2, len: 44 },
  MRVB: { w: 105, h: 74, lines: 2, len: 36 },
  FRENCH_ID: { w: 105, h: 74, lines: 2, len: 36 },
};

const SURNAMES = ['ERIKSSON', 'SANTOSO', 'WIJAYA', 'NGUYEN', 'GARCIA', 'OKONKWO', 'MUELLER', 'HARAHAP', 'SIREGAR', 'PUTRI', 'TAN', 'LIM', 'KUSUMAWARDHANI', 'ABDULLAH', 'O BRIEN', 'VAN DER BERG', 'SETIAWAN', 'NASUTION', 'HUTAPEA', 'MARTIN'];
const GIVEN = ['ANNA MARIA', 'BUDI', 'SITI NURHALIZA', 'AHMAD', 'DEWI', 'JOHN PAUL', 'MARIA', 'RINA', 'AGUS', 'WAYAN', 'KETUT', 'LUC', 'SARAH', 'MUHAMMAD RIZKY', 'EKO', 'YOHANES', ''];
const STATES = ['IDN', 'UTO', 'MYS', 'SGP', 'PHL', 'D', 'FRA', 'NLD', 'GBR', 'USA', 'AUS', 'JPN', 'KOR', 'SAU', 'ARE', 'TWN', 'HKG', 'CHN', 'IND', 'VNM'];

function randomDate(rng: Rng, y0: number, y1: number): string {
  const y = rng.int(y0, y1), m = rng.int(1, 12), d = rng.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function randomAlnum(rng: Rng, n: number, digitsOnly = false): string {
  const set = digitsOnly ? '0123456789' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += set[rng.int(0, set.length - 1)];
  return s;
}

/** Random but valid MRZ lines of the given format. */
export function randomMrz(rng: Rng, format: MrzFormat): string[] {
  const state = format === 'FRENCH_ID' ? 'FRA' : rng.pick(STATES);
  let docCode = format === 'TD3' ? rng.pick(['P', 'P', 'PA', 'PO']) : format.startsWith('MRV') ? 'V' : format === 'FRENCH_ID' ? 'ID' : rng.pick(['I', 'ID', 'AC', 'IR']);
  // 'ID' + FRA on 2×36 is the French national layout; keep TD2 specimens unambiguous.
  if (format === 'TD2' && state === 'FRA' && docCode === 'ID') docCode = 'I';
  return generateMrz(format, {
    documentCode: docCode,
    issuingState: state,
    nationality: rng.next() < 0.7 ? state : rng.pick(STATES),
    primaryIdentifier: rng.pick(SURNAMES),
    secondaryIdentifier: rng.pick(GIVEN),
    documentNumber: format === 'FRENCH_ID' ? String(rng.int(10, 23)) + String(rng.int(1, 12)).padStart(2, '0') + randomAlnum(rng, 8, true) : rng.next() < 0.5 ? rng.pick(['A', 'B', 'C', 'X']) + randomAlnum(rng, 7, true) : randomAlnum(rng, 9),
    birthDate: randomDate(rng, 1950, 2020),
    expiryDate: randomDate(rng, 2025, 2035),
    sex: rng.pick(['M', 'F', '<']),
    optionalData: rng.next() < 0.3 ? randomAlnum(rng, rng.int(3, 10)) : '',
  });
}

export interface SynthOptions {
  width?: number;
  height?: number;
  /** false: a frame without any MRZ (clutter and a document face only). */
  withMrz?: boolean;
  format?: MrzFormat;
  /** These MRZ lines (of `format`) instead of random ones: a given document, such as an expired specimen. */
  lines?: string[];
  /** MRZ cap height in frame pixels; random 12..max-that-fits when absent. */
  capHeight?: number;
  /** Degradation level 0..1 (1 = the harshest webcam conditions we target). */
  difficulty?: number;
  /** Quarter turns of the document on top of its small tilt (degrees): a booklet held sideways or upside down. */
  turn?: 0 | 90 | 180 | 270;
  /** Conditions harder than a desk's (the benchmark's condition sets); absent, a seed makes the same frame as before. */
  hard?: HardConditions;
}

/**
 * What real documents and phones add to a webcam frame (issue 15), each at or beyond its worst at a desk.
 * They draw from their own random numbers (seeded from the frame's), so frames without them are unchanged.
 */
export interface HardConditions {
  /** The page tilted out of the image plane by this many degrees (0-30) about a random axis, seen in perspective by a lens of about 65° across. */
  tiltDeg?: number;
  /** Guilloche lines and a ghost portrait printed under the MRZ at full strength, on a tinted band (ID cards, visas). */
  bleed?: boolean;
  /**
   * How dark that print is, 0-1 (default 1). The same frame at 0 differs from it by the print alone (the same random
   * numbers are drawn): the colour frames of the benchmark tint the difference.
   */
  bleedStrength?: number;
  /** A phone photo's look: vignetting, a soft shadow across the page, focus falling off across the frame, sharpening halos, more noise. */
  phone?: boolean;
  /** A saturated specular streak from the laminate across the MRZ. */
  glare?: boolean;
}

export interface SynthFrame {
  image: GrayImage;
  /** Ground truth: null for frames without an MRZ. */
  format: MrzFormat | null;
  lines: string[] | null;
  capHeight: number;
  angleDeg: number;
  /** MRZ corners in the frame (top-left, top-right, bottom-right, bottom-left of the text block). */
  mrzQuad: [number, number][] | null;
  degradations: Record<string, number>;
}

type Mat3 = [number, number, number, number, number, number, number, number, number];

/** Homography taking four source points to four destination points (DLT, 8×8 Gaussian elimination). */
export function homography(src: [number, number][], dst: [number, number][]): Mat3 {
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i]!, [u, v] = dst[i]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k < 9; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  const h = A.map((row, i) => row[8]! / row[i]!);
  return [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
}

export function applyH(H: Mat3, x: number, y: number): [number, number] {
  const w = H[6] * x + H[7] * y + H[8];
  return [(H[0] * x + H[1] * y + H[2]) / w, (H[3] * x + H[4] * y + H[5]) / w];
}

/** Low-frequency texture: a few random sinusoids (paper, desk, guilloche). */
function waves(rng: Rng, n: number, freq: number): (x: number, y: number) => number {
  const ws = Array.from({ length: n }, () => ({ fx: rng.range(-freq, freq), fy: rng.range(-freq, freq), ph: rng.range(0, 6.28), a: rng.range(0.3, 1) }));
  return (x, y) => ws.reduce((s, w) => s + w.a * Math.sin(w.fx * x + w.fy * y + w.ph), 0) / n;
}

/** waves() sampled on a coarse grid and interpolated: the fields are smooth, and this is ~20x faster. */
function waveField(fn: (x: number, y: number) => number, w: number, h: number, step: number): Float32Array {
  const gw = Math.ceil(w / step) + 2, gh = Math.ceil(h / step) + 2;
  const g = new Float32Array(gw * gh);
  for (let j = 0; j < gh; j++) for (let i = 0; i < gw; i++) g[j * gw + i] = fn(i * step, j * step);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const fy = y / step, j = Math.floor(fy), ty = fy - j;
    for (let x = 0; x < w; x++) {
      const fx = x / step, i = Math.floor(fx), tx = fx - i;
      const a = g[j * gw + i]!, b = g[j * gw + i + 1]!, c = g[(j + 1) * gw + i]!, d = g[(j + 1) * gw + i + 1]!;
      out[y * w + x] = (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
    }
  }
  return out;
}

function clutterText(rng: Rng, min: number, max: number): string {
  const n = rng.int(min, max);
  let s = '';
  for (let i = 0; i < n; i++) s += rng.next() < 0.15 ? ' ' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[rng.int(0, 35)];
  return s;
}

/** Draws the document face (in document pixels): photo, guilloche, labels, visual-zone text, and the MRZ. */
function drawDocument(rng: Rng, fmt: MrzFormat, pxPerMm: number, mrz: string[] | null, cap: number, lineGap: number, mrzLeftMm: number, bleed: Rng | null = null, bleedStrength = 1): { ink: InkCanvas; paper: Float32Array; mrzBox: [number, number][] } {
  const d = DOC[fmt];
  const W = Math.ceil(d.w * pxPerMm), H = Math.ceil(d.h * pxPerMm);
  const ink = createInk(W, H);
  const paper = new Float32Array(W * H);
  const tex = waves(rng, 4, 0.2 / pxPerMm), guil = waves(rng, 3, 2 / pxPerMm);
  const base = rng.range(0.75, 1), guilA = rng.range(0, 0.12);
  const texF = waveField(tex, W, H, 16), guilF = waveField(guil, W, H, Math.max(2, Math.round(pxPerMm / 2)));
  for (let i = 0; i < W * H; i++) paper[i] = base + 0.06 * texF[i]! + guilA * Math.abs(guilF[i]!);
  // Photo: a darker rectangle with blobs (faces are the commonest non-text clutter on a data page).
  const px0 = 6 * pxPerMm, py0 = 10 * pxPerMm, pw = d.w * 0.28 * pxPerMm, ph = d.h * 0.5 * pxPerMm;
  const face = waveField(waves(rng, 5, 0.15 / pxPerMm), W, H, 8), tone = rng.range(0.3, 0.6);
  for (let y = Math.floor(py0); y < Math.min(H, py0 + ph); y++) for (let x = Math.floor(px0); x < Math.min(W, px0 + pw); x++) {
    ink.ink[y * W + x] = Math.max(0, Math.min(1, tone + 0.3 * face[y * W + x]!));
  }
  // Visual-zone text: labels and values in assorted sizes (text that must not be taken for an MRZ).
  const tx = px0 + pw + 4 * pxPerMm;
  for (let yMm = 12; yMm < d.h * 0.62; yMm += rng.range(4, 8)) {
    const small = rng.range(1.2, 2.6) * pxPerMm;
    drawText(ink, clutterText(rng, 3, 22), tx, yMm * pxPerMm, { capHeight: small, strength: rng.range(0.4, 1), stretch: rng.range(0.7, 1.1) });
  }
  drawText(ink, clutterText(rng, 8, 20), 6 * pxPerMm, 6 * pxPerMm, { capHeight: rng.range(2.5, 4) * pxPerMm, strength: 0.8 });
  if (!mrz) return { ink, paper, mrzBox: [] };
  const pitch = cap * (36 / 35.5);
  const blockH = cap + (mrz.length - 1) * lineGap;
  const bottom = H - rng.range(3, 5) * pxPerMm;
  const left = mrzLeftMm * pxPerMm;
  const strength = rng.range(0.75, 1), weight = Math.exp(rng.range(-0.35, 0.35));
  mrz.forEach((line, i) => {
    drawText(ink, line, left, bottom - blockH + cap + i * lineGap, { capHeight: cap, strength, weight });
  });
  const right = left + pitch * mrz[0]!.length;
  if (bleed) printUnderMrz(bleed, paper, W, H, pxPerMm, [left, bottom - blockH, right, bottom], cap, bleedStrength);
  return { ink, paper, mrzBox: [[left, bottom - blockH], [right, bottom - blockH], [right, bottom], [left, bottom]] };
}

/**
 * Security print under the MRZ (HardConditions.bleed), into the paper: the zone's band tinted darker, two
 * families of fine wavy guilloche lines (0.5-1.2 mm apart, up to 45% dark) over the whole lower document, and a
 * ghost portrait (a pale second photo, up to 40% dark) over part of the MRZ block.
 */
function printUnderMrz(rng: Rng, paper: Float32Array, W: number, H: number, pxPerMm: number, box: [number, number, number, number], cap: number, strength: number): void {
  const [x0, y0, x1, y1] = box;
  const tint = strength * rng.range(0.05, 0.25);
  const families = [0, 1].map(() => ({
    period: rng.range(0.5, 1.2) * pxPerMm, angle: rng.range(0, Math.PI), amp: rng.range(0.5, 3) * pxPerMm,
    wave: rng.range(4, 12) * pxPerMm, ph: rng.range(0, 6.28), dark: strength * rng.range(0.15, 0.45),
  }));
  const ghostW = rng.range(0.2, 0.45) * (x1 - x0), ghostX = rng.range(x0, x1 - ghostW), ghostDark = strength * rng.range(0.15, 0.4);
  const ghost = waveField(waves(rng, 5, 0.3 / pxPerMm), W, H, 4);
  const top = Math.max(0, Math.floor(y0 - 6 * cap));
  for (let y = top; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    let v = paper[i]!;
    if (y >= y0 - cap && y <= y1 + cap) v *= 1 - tint;
    for (const f of families) {
      const ca = Math.cos(f.angle), sa = Math.sin(f.angle);
      const u = x * ca + y * sa, w = -x * sa + y * ca;
      const s = Math.cos((2 * Math.PI * (u + f.amp * Math.sin(w / f.wave + f.ph))) / f.period);
      if (s > 0.7) v *= 1 - f.dark * (s - 0.7) / 0.3;
    }
    if (x >= ghostX && x < ghostX + ghostW && y >= y0 - 2 * cap && y <= y1 + cap) v *= 1 - ghostDark * (0.5 + 0.5 * ghost[i]!);
    paper[i] = v;
  }
}

/**
 * A phone photo's look (HardConditions.phone), on the float frame after the lens blur: focus falling off
 * across the frame (up to 2.2 px more blur at the far side), the phone's sharpening (unsharp mask, halos
 * beside strokes), vignetting, a soft shadow across part of the page (a hand or the phone), sensor noise.
 */
function phoneLook(rng: Rng, frame: Float32Array, W: number, H: number, cap: number): void {
  const soft = Float32Array.from(frame);
  blurFloat(soft, W, H, rng.range(0.8, 2.2) * Math.min(1, cap / 16 + 0.3));
  const fa = rng.range(0, 2 * Math.PI), fc = Math.cos(fa), fs = Math.sin(fa), span = Math.abs(W * fc) + Math.abs(H * fs);
  const halo = Float32Array.from(frame);
  blurFloat(halo, W, H, rng.range(0.8, 1.5));
  const sharpen = rng.range(0.3, 1);
  const vignette = rng.range(0.2, 0.5);
  const sa = rng.range(0, 2 * Math.PI), sc = Math.cos(sa), ss = Math.sin(sa);
  const shadowAt = rng.range(-0.3, 0.3) * Math.min(W, H), shadowSoft = rng.range(20, 120), shadowDark = rng.range(0.2, 0.5);
  const noise = rng.range(2, 6) / 255;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    const t = Math.min(1, Math.max(0, ((x - W / 2) * fc + (y - H / 2) * fs) / span + 0.5));
    let v = frame[i]! * (1 - t) + soft[i]! * t;
    v += sharpen * (frame[i]! - halo[i]!);
    const r2 = ((x - W / 2) / (W / 2)) ** 2 + ((y - H / 2) / (H / 2)) ** 2;
    v *= 1 - vignette * r2 / 2;
    const d = (x - W / 2) * sc + (y - H / 2) * ss - shadowAt;
    v *= 1 - shadowDark / (1 + Math.exp(-d / shadowSoft));
    frame[i] = v + rng.gauss() * noise;
  }
}

/**
 * A specular streak from the laminate (HardConditions.glare): a bright band 0.3-0.8 capitals wide across the
 * MRZ, up to white at its core (a white core wipes out what it crosses: such frames can only be refused).
 */
function glareStreak(rng: Rng, frame: Float32Array, W: number, H: number, quad: [number, number][], cap: number): void {
  const t = rng.range(0.1, 0.9);
  const cx = quad[0]![0] + t * (quad[1]![0] - quad[0]![0]), cy = quad[0]![1] + t * (quad[1]![1] - quad[0]![1]) + rng.range(0, 1) * (quad[3]![1] - quad[0]![1]);
  const a = rng.range(0, Math.PI), nx = -Math.sin(a), ny = Math.cos(a);
  const width = rng.range(0.3, 0.8) * cap, peak = rng.range(0.4, 1);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const d = ((x - cx) * nx + (y - cy) * ny) / width;
    if (d * d < 9) frame[y * W + x]! += peak * Math.exp(-d * d);
  }
}

export function synthesiseFrame(rng: Rng, options: SynthOptions = {}): SynthFrame {
  const FW = options.width ?? 1280, FH = options.height ?? 720;
  const diff = options.difficulty ?? rng.range(0.2, 1);
  const withMrz = options.withMrz ?? true;
  const fmt = options.format ?? rng.pick(SYNTH_FORMATS);
  const d = DOC[fmt];
  const hard = options.hard;
  // The hard conditions' own numbers: drawn from the frame's only when asked for, so other frames keep their seeds' pixels.
  const hr = hard ? new Rng(Math.floor(rng.next() * 2 ** 32)) : null;
  const angle = rng.range(-20, 20) * diff * (rng.next() < 0.8 ? 1 : 0.2);
  const turn = options.turn ?? 0;
  const rad = ((angle + turn) * Math.PI) / 180;
  // Text size: the MRZ block must fit inside the frame after rotation (and a sideways line along its height).
  const alongWidth = (0.92 * FW) / (d.len * 1.014 * (Math.abs(Math.cos(rad)) + 0.15));
  const maxCapFit = turn % 180 === 0 ? alongWidth : Math.min(alongWidth, (0.9 * FH) / (d.len * 1.014 * (Math.abs(Math.sin(rad)) + 0.05)));
  const maxCapH = (0.9 * FH) / ((d.h / (2.54 / 1.014) ) * Math.abs(Math.sin(rad)) + d.lines * 2 + 2);
  const capMax = Math.min(60, maxCapFit, Math.max(12, maxCapH * 3));
  const cap = options.capHeight ?? Math.min(capMax, rng.next() < 0.3 ? rng.range(12, 16) : rng.range(12, capMax));
  // Document scale: OCR-B in MRZs is 10 characters per inch, pitch ≈ cap height × 1.014.
  const framePxPerMm = (cap * 1.014) / 2.54;
  const ss = 1.3; // document drawn a bit finer than the frame, then resampled
  const pxPerMm = framePxPerMm * ss;
  const lineGapMm = rng.range(3.8, 4.6) * (fmt === 'TD1' ? 0.95 : 1);
  const mrz = withMrz ? (options.lines ?? randomMrz(rng, fmt)) : null;
  const mrzLeftMm = Math.max(1.5, (d.w - d.len * 2.54) / 2) + rng.range(-0.5, 0.5);
  const docInk = drawDocument(rng, fmt, pxPerMm, mrz, cap * ss, lineGapMm * pxPerMm, mrzLeftMm, hard?.bleed ? hr : null, hard?.bleedStrength ?? 1);
  const DW = docInk.ink.width, DH = docInk.ink.height;

  // Place the document: rotated, perspective-jittered, MRZ kept inside the frame.
  const docFrameW = d.w * framePxPerMm, docFrameH = d.h * framePxPerMm;
  const ca = Math.cos(rad), sa = Math.sin(rad);
  const persp = 0.05 * diff;
  const jitter = (): number => rng.range(-persp, persp);
  let dst: [number, number][] = [];
  let mrzQuad: [number, number][] | null = null;
  let shrink = 1;
  const unit = ([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]] as const).map(([u, v]) => [u + jitter(), v + jitter()] as const);
  // Out-of-plane tilt: each corner turned about an axis in the page's plane, then projected by a pinhole
  // lens of about 65° across the frame, its centre at the distance that keeps the page's scale.
  const tilt = hard?.tiltDeg ? { axis: hr!.range(0, Math.PI), rad: (hard.tiltDeg * Math.PI) / 180, focal: FW / (2 * Math.tan((32.5 * Math.PI) / 180)) } : null;
  const inPerspective = ([x, y]: [number, number]): [number, number] => {
    if (!tilt) return [x, y];
    const ax = Math.cos(tilt.axis), ay = Math.sin(tilt.axis), c = Math.cos(tilt.rad), s = Math.sin(tilt.rad);
    // Rodrigues' rotation of (x, y, 0) about the unit axis (ax, ay, 0).
    const dot = ax * x + ay * y;
    const rx = x * c + ax * dot * (1 - c), ry = y * c + ay * dot * (1 - c), rz = (ax * y - ay * x) * s;
    const k = tilt.focal / (tilt.focal + rz);
    return [rx * k, ry * k];
  };
  for (let attempt = 0; attempt < 40; attempt++) {
    // Lay the document out around the origin, then slide it so that the MRZ lands inside the frame
    // (the rest of the document may leave it, as it does when an officer holds a passport up).
    const corners = unit.map(([u, v]) => {
      const x = u * docFrameW * shrink, y = v * docFrameH * shrink;
      return inPerspective([x * ca - y * sa, x * sa + y * ca]);
    });
    const Hd = homography([[0, 0], [DW, 0], [DW, DH], [0, DH]], corners);
    const q = mrz ? docInk.mrzBox.map(([x, y]) => applyH(Hd, x, y)) : corners;
    const margin = cap * shrink * 0.8;
    const xs = q.map((p) => p[0]), ys = q.map((p) => p[1]);
    const loX = margin - Math.min(...xs), hiX = FW - margin - Math.max(...xs);
    const loY = margin - Math.min(...ys), hiY = FH - margin - Math.max(...ys);
    if (mrz && (loX > hiX || loY > hiY)) { shrink *= 0.92; continue; }
    // Mostly centred, as an officer holds a document up to the camera, but never cutting the MRZ.
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
    const tx0 = rng.range(0.3, 0.7) * FW, ty0 = rng.range(0.3, 0.7) * FH;
    const tx = mrz ? clamp(tx0, loX, hiX) : tx0, ty = mrz ? clamp(ty0, loY, hiY) : ty0;
    dst = corners.map(([x, y]) => [x + tx, y + ty] as [number, number]);
    mrzQuad = mrz ? q.map(([x, y]) => [x + tx, y + ty] as [number, number]) : null;
    break;
  }
  const Hinv = homography(dst, [[0, 0], [DW, 0], [DW, DH], [0, DH]]);

  // Background: desk texture, papers with text, dark objects.
  const frame = new Float32Array(FW * FH);
  const bgTex = waves(rng, 6, 0.03), bgBase = rng.range(0.25, 0.85);
  const bgF = waveField(bgTex, FW, FH, 16);
  for (let i = 0; i < FW * FH; i++) frame[i] = bgBase + 0.15 * bgF[i]!;
  const clutter = createInk(FW, FH);
  const nClutter = Math.round(rng.range(0, 6) * diff + 1);
  for (let k = 0; k < nClutter; k++) {
    const kind = rng.next();
    if (kind < 0.5) {
      // A line or two of printed text at MRZ-like sizes: the commonest false lead for a locator.
      const c = rng.range(8, 40), n = rng.int(1, 3);
      const x0 = rng.range(-100, FW - 200), y0 = rng.range(0, FH);
      for (let i = 0; i < n; i++) drawText(clutter, clutterText(rng, 5, 40), x0, y0 + i * c * 1.8, { capHeight: c, angle: rng.range(-0.4, 0.4), strength: rng.range(0.5, 1), stretch: rng.range(0.6, 1.2) });
    } else {
      const x0 = rng.range(0, FW), y0 = rng.range(0, FH), w = rng.range(20, 300), h = rng.range(5, 200), v = rng.range(0, 1);
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(FH, y0 + h); y++) for (let x = Math.max(0, Math.floor(x0)); x < Math.min(FW, x0 + w); x++) frame[y * FW + x] = v;
    }
  }
  for (let i = 0; i < frame.length; i++) frame[i] = frame[i]! * (1 - 0.9 * clutter.ink[i]!);

  // Document onto the frame (inverse mapping, bilinear in document pixels).
  const inkLevel = rng.range(0.02, 0.25);
  let minX = FW, maxX = 0, minY = FH, maxY = 0;
  for (const [x, y] of dst) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  for (let y = Math.max(0, Math.floor(minY)); y < Math.min(FH, Math.ceil(maxY)); y++) {
    for (let x = Math.max(0, Math.floor(minX)); x < Math.min(FW, Math.ceil(maxX)); x++) {
      const [u, v] = applyH(Hinv, x + 0.5, y + 0.5);
      if (u < 0 || v < 0 || u >= DW - 1 || v >= DH - 1) continue;
      const u0 = Math.floor(u - 0.5), v0 = Math.floor(v - 0.5);
      const fu = u - 0.5 - u0, fv = v - 0.5 - v0;
      const i00 = Math.max(0, v0) * DW + Math.max(0, u0), i01 = i00 + 1, i10 = i00 + DW, i11 = i10 + 1;
      const inkV = (docInk.ink.ink[i00]! * (1 - fu) + docInk.ink.ink[i01]! * fu) * (1 - fv) + (docInk.ink.ink[i10]! * (1 - fu) + docInk.ink.ink[i11]! * fu) * fv;
      const pap = (docInk.paper[i00]! * (1 - fu) + docInk.paper[i01]! * fu) * (1 - fv) + (docInk.paper[i10]! * (1 - fu) + docInk.paper[i11]! * fu) * fv;
      frame[y * FW + x] = pap - inkV * (pap - inkLevel);
    }
  }

  // Optics and light: blur, uneven illumination, glare, contrast, noise.
  const blur = rng.range(0.3, 0.6 + 1.0 * diff) * Math.min(1, cap / 16 + 0.3);
  blurFloat(frame, FW, FH, blur);
  if (hard?.phone) phoneLook(hr!, frame, FW, FH, cap);
  if (hard?.glare && mrzQuad) glareStreak(hr!, frame, FW, FH, mrzQuad, cap);
  const light = waveField(waves(rng, 2, 0.004), FW, FH, 32), lightAmp = rng.range(0, 0.35) * diff;
  const glares = rng.next() < 0.6 * diff + 0.1 ? rng.int(1, 2) : 0;
  const gl = Array.from({ length: glares }, () => {
    const onMrz = mrzQuad && rng.next() < 0.5;
    const gx = onMrz ? mrzQuad![0]![0] + rng.next() * (mrzQuad![1]![0] - mrzQuad![0]![0]) : rng.range(0, FW);
    const gy = onMrz ? mrzQuad![0]![1] + rng.range(-1, 2) * cap : rng.range(0, FH);
    return { gx, gy, rx: rng.range(20, 160), ry: rng.range(15, 90), a: rng.range(0.2, 0.6) * diff };
  });
  const contrast = 1 - rng.range(0, 0.55) * diff, offset = rng.range(0.05, 0.25);
  const noise = rng.range(1, 3 + 7 * diff);
  const data = new Uint8Array(FW * FH);
  for (let y = 0; y < FH; y++) for (let x = 0; x < FW; x++) {
    const i = y * FW + x;
    let v = frame[i]! * (1 + lightAmp * light[i]!);
    for (const g of gl) {
      const dx = (x - g.gx) / g.rx, dy = (y - g.gy) / g.ry;
      const r2 = dx * dx + dy * dy;
      if (r2 < 9) v += g.a * Math.exp(-r2);
    }
    v = offset + v * contrast * (1 - offset);
    const out = v * 255 + rng.gauss() * noise;
    data[i] = out < 0 ? 0 : out > 255 ? 255 : Math.round(out);
  }
  return {
    image: { width: FW, height: FH, data },
    format: mrz ? fmt : null,
    lines: mrz,
    capHeight: cap * shrink,
    angleDeg: angle + turn,
    mrzQuad,
    degradations: { difficulty: diff, blur, noise, contrast, glares, lightAmp, perspective: persp, tiltDeg: hard?.tiltDeg ?? 0, bleed: hard?.bleed ? 1 : 0, phone: hard?.phone ? 1 : 0, glareStreak: hard?.glare ? 1 : 0 },
  };
}

export interface ScanOptions {
  format?: MrzFormat;
  /** These MRZ lines (of `format`) instead of random ones. */
  lines?: string[];
  /** MRZ cap height in the scan as scanned (px): 7-10 for an ID card scanned at about 85 dpi. */
  capHeight: number;
  /** Degradation level 0..1: blur, noise, contrast, tilt on the glass. */
  difficulty?: number;
  /** The low-resolution scan enlarged this much afterwards (bilinear), as some scanning software does. 1 = as scanned. */
  upscale?: number;
}

/**
 * A flatbed or phone scan of a whole document at low resolution: the document fills the image on a
 * thin scanner border, tilted at most 2°, area-sampled from a drawing four times finer (so strokes
 * thin out and merge the way a coarse sensor makes them), blurred and noised; optionally enlarged
 * afterwards. Callers add JPEG (scripts/image-io) for the q30 sets.
 */
export function synthesiseScan(rng: Rng, options: ScanOptions): SynthFrame {
  const diff = options.difficulty ?? rng.range(0.2, 1);
  const fmt = options.format ?? rng.pick(SYNTH_FORMATS);
  const d = DOC[fmt];
  const cap = options.capHeight;
  const pxPerMm = (cap * 1.014) / 2.54;
  const ss = 4;
  const mrz = options.lines ?? randomMrz(rng, fmt);
  const lineGapMm = rng.range(3.8, 4.6) * (fmt === 'TD1' ? 0.95 : 1);
  const mrzLeftMm = Math.max(1.5, (d.w - d.len * 2.54) / 2) + rng.range(-0.5, 0.5);
  const doc = drawDocument(rng, fmt, pxPerMm * ss, mrz, cap * ss, lineGapMm * pxPerMm * ss, mrzLeftMm);
  const DW = doc.ink.width, DH = doc.ink.height;
  const border = rng.range(0.5, 3) * pxPerMm;
  const W = Math.ceil(d.w * pxPerMm + 2 * border), H = Math.ceil(d.h * pxPerMm + 2 * border);
  const rad = (rng.range(-2, 2) * diff * Math.PI) / 180, ca = Math.cos(rad), sa = Math.sin(rad);
  const inkLevel = rng.range(0.02, 0.2), glass = rng.range(0.85, 1);
  // Scan pixel (x, y) → document pixel: about the centres, turned by rad, times ss.
  const toDoc = (x: number, y: number): [number, number] => {
    const u = x - W / 2, v = y - H / 2;
    return [(u * ca + v * sa) * ss + DW / 2, (-u * sa + v * ca) * ss + DH / 2];
  };
  const frame = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let s = 0;
    for (let a = 0; a < ss; a++) for (let b = 0; b < ss; b++) {
      const [u, v] = toDoc(x + (b + 0.5) / ss, y + (a + 0.5) / ss);
      const i = Math.floor(v) * DW + Math.floor(u);
      if (u < 0 || v < 0 || u >= DW || v >= DH) { s += glass; continue; }
      const pap = doc.paper[i]!;
      s += pap - doc.ink.ink[i]! * (pap - inkLevel);
    }
    frame[y * W + x] = s / (ss * ss);
  }
  const blur = rng.range(0.3, 0.5 + 0.5 * diff);
  blurFloat(frame, W, H, blur);
  const contrast = 1 - rng.range(0, 0.4) * diff, offset = rng.range(0.03, 0.15);
  const noise = rng.range(1, 2 + 5 * diff);
  let image: GrayImage = { width: W, height: H, data: new Uint8Array(W * H) };
  for (let i = 0; i < W * H; i++) {
    const out = (offset + frame[i]! * contrast * (1 - offset)) * 255 + rng.gauss() * noise;
    image.data[i] = out < 0 ? 0 : out > 255 ? 255 : Math.round(out);
  }
  const up = options.upscale ?? 1;
  if (up > 1) image = enlarge(image, up);
  const mrzQuad = doc.mrzBox.map(([u, v]) => {
    const du = (u - DW / 2) / ss, dv = (v - DH / 2) / ss;
    return [(du * ca - dv * sa + W / 2) * up, (du * sa + dv * ca + H / 2) * up] as [number, number];
  });
  return {
    image, format: fmt, lines: mrz, capHeight: cap * up, angleDeg: (rad * 180) / Math.PI, mrzQuad,
    degradations: { difficulty: diff, blur, noise, contrast, upscale: up },
  };
}
