// The grey image the reader reads: the brightest channel of a colour photo (rgbaToGray) or of a camera's YUV
// frame (yuvToGray), which keeps black print and grey pixels as they are and takes coloured print away; and a
// condition-set frame whose security print is in colour, read through it.
import { describe, expect, it } from 'vitest';
import { rgbaToGray, withoutThinDark, yuvToGray, type GrayImage } from '../../../shared/mrz/reader/gray';
import { readMrzFrame } from '../../../shared/mrz/reader/read-frame';
import { CONDITION_SEED } from '../../bench/mrz-bench-set';
import { lumaOf, PRINT_TINTS, tintedConditionFrame } from '../../../scripts/synth/conditions';

const REF = new Date('2026-06-01T00:00:00Z');

/** Pixels as RGBA, one [r, g, b] each. */
const rgba = (pixels: [number, number, number][]): Uint8Array => Uint8Array.from(pixels.flatMap(([r, g, b]) => [r, g, b, 255]));

/** RGBA pixels as a camera gives them: BT.601 limited-range I420 (what ffmpeg's yuv420p and Chromium's fake camera carry). */
function toI420(px: Uint8Array, w: number, h: number): { y: Uint8Array; u: Uint8Array; v: Uint8Array } {
  const y = new Uint8Array(w * h), u = new Uint8Array((w / 2) * (h / 2)), v = new Uint8Array((w / 2) * (h / 2));
  for (let p = 0; p < w * h; p++) y[p] = Math.round(16 + (65.481 * px[p * 4]! + 128.553 * px[p * 4 + 1]! + 24.966 * px[p * 4 + 2]!) / 255);
  for (let cy = 0; cy < h / 2; cy++) for (let cx = 0; cx < w / 2; cx++) {
    let su = 0, sv = 0;
    for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
      const p = (2 * cy + dy) * w + 2 * cx + dx, r = px[p * 4]!, g = px[p * 4 + 1]!, b = px[p * 4 + 2]!;
      su += 128 + (-37.797 * r - 74.203 * g + 112 * b) / 255;
      sv += 128 + (112 * r - 93.786 * g - 18.214 * b) / 255;
    }
    u[cy * (w / 2) + cx] = Math.round(su / 4); v[cy * (w / 2) + cx] = Math.round(sv / 4);
  }
  return { y, u, v };
}

function i420ToGray(px: Uint8Array, w: number, h: number): GrayImage {
  const { y, u, v } = toI420(px, w, h);
  return yuvToGray({ data: y, offset: 0, stride: w, step: 1 }, { data: u, offset: 0, stride: w / 2, step: 1 }, { data: v, offset: 0, stride: w / 2, step: 1 }, w, h, 2, 2);
}

describe('rgbaToGray', () => {
  it('keeps grey and black as they are and takes the brightest channel of a colour', () => {
    const { data } = rgbaToGray(rgba([[0, 0, 0], [128, 128, 128], [255, 255, 255], [230, 60, 200], [40, 50, 220], [20, 30, 25]]), 6, 1);
    // Pink and blue print leave one channel light: gone. Black ink with a colour cast stays dark.
    expect([...data]).toEqual([0, 128, 255, 230, 220, 30]);
  });
});

describe('withoutThinDark', () => {
  /** A 12 × 8 image of paper (200) with a dark (40) vertical band of the given width from column 3. */
  const band = (width: number): GrayImage => {
    const data = new Uint8Array(12 * 8).fill(200);
    for (let y = 0; y < 8; y++) for (let x = 3; x < 3 + width; x++) data[y * 12 + x] = 40;
    return { width: 12, height: 8, data };
  };
  it('takes away a dark line 1 px wide, across or along the rows, and keeps the paper as it is', () => {
    expect([...withoutThinDark(band(1)).data]).toEqual(new Array(96).fill(200));
    const across: GrayImage = { width: 8, height: 12, data: new Uint8Array(96).fill(200) };
    across.data.fill(40, 5 * 8, 6 * 8);
    expect([...withoutThinDark(across).data]).toEqual(new Array(96).fill(200));
  });
  it('keeps a stroke 2 px wide or more where it is, as dark and as wide', () => {
    for (const width of [2, 3, 5]) expect(withoutThinDark(band(width)).data).toEqual(band(width).data);
  });
});

describe('yuvToGray', () => {
  it('gives the luma plane of a grey picture, whatever its row padding and chroma layout', () => {
    const w = 6, h = 4, stride = 8;
    const y = Uint8Array.from({ length: stride * h }, (_, i) => (i * 37) % 256);
    const neutral = new Uint8Array(64).fill(128);
    const gray = yuvToGray({ data: y, offset: 0, stride, step: 1 }, { data: neutral, offset: 0, stride: 4, step: 2 }, { data: neutral, offset: 1, stride: 4, step: 2 }, w, h, 2, 2);
    for (let r = 0; r < h; r++) expect([...gray.data.subarray(r * w, r * w + w)]).toEqual([...y.subarray(r * stride, r * stride + w)]);
  });

  it('lifts luma to about the brightest channel where the picture is coloured, in I420 and in NV12', () => {
    // 2×2 blocks of one colour each: chroma is exact there, so the grey must come close to rgbaToGray's.
    const colours: [number, number, number][] = [[230, 60, 200], [40, 50, 220], [200, 190, 40], [30, 30, 30]];
    const w = 8, h = 2, px = new Uint8Array(w * h * 4);
    for (let x = 0; x < w; x++) for (let yy = 0; yy < h; yy++) px.set([...colours[x >> 1]!, 255], (yy * w + x) * 4);
    const want = rgbaToGray(px, w, h).data;
    const { y, u, v } = toI420(px, w, h);
    const i420 = i420ToGray(px, w, h).data;
    const uv = new Uint8Array(u.length * 2);
    for (let k = 0; k < u.length; k++) { uv[2 * k] = u[k]!; uv[2 * k + 1] = v[k]!; }
    const nv12 = yuvToGray({ data: y, offset: 0, stride: w, step: 1 }, { data: uv, offset: 0, stride: w, step: 2 }, { data: uv, offset: 1, stride: w, step: 2 }, w, h, 2, 2).data;
    expect([...nv12]).toEqual([...i420]);
    // Limited range squeezes luma into 16-235, so the levels differ a little; coloured pixels rise well above luma.
    for (let p = 0; p < w * h; p++) expect(Math.abs(i420[p]! - want[p]!), `pixel ${p}`).toBeLessThan(30);
    expect(i420[0]! - y[0]!).toBeGreaterThan(50);
    expect(i420[6]!).toBe(y[6]!);
  });
});

describe('coloured security print under the MRZ', () => {
  it('is taken away: condition-set frames that luma reads wrong or not at all are read and accepted, from a photo and from a camera', () => {
    // Frames 204 (a passport upside down, under deep blue print) and 31 (a TD2 sideways, under blue print): read
    // from luma, as grey was made before, 204 gives no MRZ and 31 one that is not accepted.
    for (const i of [204, 31]) {
      const f = tintedConditionFrame(CONDITION_SEED, i, PRINT_TINTS[i % PRINT_TINTS.length]!)!;
      const fromLuma = readMrzFrame(lumaOf(f.rgba, f.width, f.height), { referenceDate: REF });
      expect(fromLuma.valid && fromLuma.lines?.join('|') === f.lines.join('|'), `frame ${i} from luma`).toBe(false);
      for (const gray of [rgbaToGray(f.rgba, f.width, f.height), i420ToGray(f.rgba, f.width, f.height)]) {
        const r = readMrzFrame(gray, { referenceDate: REF });
        expect(r.lines, `frame ${i}`).toEqual(f.lines);
        expect(r.refusal, `frame ${i}`).toBeNull();
      }
    }
  });
});
