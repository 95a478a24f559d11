// Grey pixel buffers and the few image operations the MRZ reader needs (pure TS, no DOM, no Node).

/** An 8-bit single-channel image, row-major, `data.length === width * height`. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Converts interleaved RGB(A) pixels to grey as the brightest of the three channels. An MRZ is printed in
 * black, dark in every channel; security print under it (guilloche, a tinted band, a ghost portrait) is
 * printed in colour, which leaves at least one channel light: there it is gone, where luma kept most of
 * it. Grey pixels keep their level. (Condition-set frames with their security print in colour: 160 of
 * 237 accepted, against 140 read from luma.)
 */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, channels = 4): GrayImage {
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) {
    const r = rgba[j]!, g = rgba[j + 1]!, b = rgba[j + 2]!;
    out[i] = r > g ? (r > b ? r : b) : (g > b ? g : b);
  }
  return { width, height, data: out };
}

/** One plane of a YUV picture in memory: where its first sample is, bytes per row, and bytes between neighbours in a row. */
export interface PlaneView { data: Uint8Array; offset: number; stride: number; step: number }

/**
 * A YUV picture (a camera's VideoFrame) as rgbaToGray would make it of the same picture in RGB: the brightest
 * channel, which is luma plus the largest of what red, green and blue add to it (BT.601: 1.402 V, −0.344 U −
 * 0.714 V, 1.772 U, never all below zero). Chroma is shared by `subX` × `subY` luma pixels (2 × 2 in I420 and
 * NV12; `subX` is 1 or 2). A grey picture (no chroma) comes out as its luma plane.
 */
export function yuvToGray(y: PlaneView, u: PlaneView, v: PlaneView, width: number, height: number, subX: number, subY: number, out: Uint8Array = new Uint8Array(width * height)): GrayImage {
  const cw = Math.ceil(width / subX);
  // Chroma is shared by 1 or 2 pixels across (4:4:4, or 4:2:x): the column's chroma sample is x >> shift.
  const shift = subX === 2 ? 1 : 0;
  const lift = new Int16Array(cw);
  for (let row = 0; row < height; row++) {
    if (row % subY === 0) {
      // What the brightest channel adds to luma, per chroma sample of this row of chroma (fixed point, /1024).
      const cr = (row / subY) | 0, uo = u.offset + cr * u.stride, vo = v.offset + cr * v.stride;
      for (let c = 0; c < cw; c++) {
        const U = u.data[uo + c * u.step]! - 128, V = v.data[vo + c * v.step]! - 128;
        const red = 1436 * V, green = -352 * U - 731 * V, blue = 1815 * U;
        const most = red > green ? (red > blue ? red : blue) : (green > blue ? green : blue);
        lift[c] = most > 0 ? most >> 10 : 0;
      }
    }
    const yo = y.offset + row * y.stride, o = row * width, yd = y.data;
    for (let x = 0; x < width; x++) {
      const value = yd[yo + x]! + lift[x >> shift]!;
      out[o + x] = value > 255 ? 255 : value;
    }
  }
  return { width, height, data: out };
}

/** Box downscale by an integer factor: cheap anti-aliasing for the locator's coarse pass. */
export function downscale(img: GrayImage, factor: number): GrayImage {
  if (factor <= 1) return img;
  if (factor === 2) return downscale2(img);
  const w = Math.floor(img.width / factor), h = Math.floor(img.height / factor);
  const out = new Uint8Array(w * h);
  const src = img.data, sw = img.width, n = factor * factor;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      const base = y * factor * sw + x * factor;
      for (let dy = 0; dy < factor; dy++) {
        const row = base + dy * sw;
        for (let dx = 0; dx < factor; dx++) s += src[row + dx]!;
      }
      out[y * w + x] = (s / n) | 0;
    }
  }
  return { width: w, height: h, data: out };
}

/** The locator's hot path: 2×2 box average with two row pointers and no inner loops. */
function downscale2(img: GrayImage): GrayImage {
  const w = img.width >> 1, h = img.height >> 1, sw = img.width, src = img.data;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let a = 2 * y * sw, b = a + sw, o = y * w;
    for (let x = 0; x < w; x++, a += 2, b += 2) out[o++] = (src[a]! + src[a + 1]! + src[b]! + src[b + 1]! + 2) >> 2;
  }
  return { width: w, height: h, data: out };
}

/** Crops a rectangle (clamped to the image). */
export function cropGray(img: GrayImage, x: number, y: number, w: number, h: number): GrayImage {
  const x0 = Math.max(0, Math.floor(x)), y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(img.width, Math.floor(x + w)), y1 = Math.min(img.height, Math.floor(y + h));
  const cw = Math.max(0, x1 - x0), ch = Math.max(0, y1 - y0);
  const out = new Uint8Array(cw * ch);
  for (let r = 0; r < ch; r++) out.set(img.data.subarray((y0 + r) * img.width + x0, (y0 + r) * img.width + x0 + cw), r * cw);
  return { width: cw, height: ch, data: out };
}

/**
 * Bilinear enlargement by `factor` (pixel centres aligned): how the reader gives a small scan's
 * print the size its line finder looks for, and how scanning software enlarges a small scan.
 */
export function enlarge(img: GrayImage, factor: number): GrayImage {
  const W = Math.round(img.width * factor), H = Math.round(img.height * factor);
  const out = new Uint8Array(W * H);
  const { width: w, height: h, data } = img;
  const x0s = new Int32Array(W), x1s = new Int32Array(W), fxs = new Float32Array(W);
  for (let x = 0; x < W; x++) {
    const sx = Math.min(w - 1, Math.max(0, (x + 0.5) / factor - 0.5)), x0 = Math.floor(sx);
    x0s[x] = x0; x1s[x] = Math.min(w - 1, x0 + 1); fxs[x] = sx - x0;
  }
  for (let y = 0; y < H; y++) {
    const sy = Math.min(h - 1, Math.max(0, (y + 0.5) / factor - 0.5)), y0 = Math.floor(sy), fy = sy - y0;
    const r0 = y0 * w, r1 = Math.min(h - 1, y0 + 1) * w, o = y * W;
    for (let x = 0; x < W; x++) {
      const x0 = x0s[x]!, x1 = x1s[x]!, fx = fxs[x]!;
      const a = data[r0 + x0]!, b = data[r0 + x1]!, c = data[r1 + x0]!, e = data[r1 + x1]!;
      out[o + x] = Math.round((a + (b - a) * fx) * (1 - fy) + (c + (e - c) * fx) * fy);
    }
  }
  return { width: W, height: H, data: out };
}

/**
 * Dark marks less than 2 px wide taken away (a grey closing over 2 × 2 pixels: each pixel the lightest of
 * itself and its neighbours right, below and diagonally, then the darkest of the result's left, upper and
 * diagonal ones): fine lines of security print under the text go, and strokes wider than that keep their shape.
 */
export function withoutThinDark(img: GrayImage): GrayImage {
  const { width: w, height: h, data } = img;
  const lighter = new Uint8Array(w * h), out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w, next = y + 1 < h ? row + w : row;
    for (let x = 0; x < w; x++) {
      const x1 = x + 1 < w ? x + 1 : x;
      lighter[row + x] = Math.max(data[row + x]!, data[row + x1]!, data[next + x]!, data[next + x1]!);
    }
  }
  for (let y = 0; y < h; y++) {
    const row = y * w, prev = y > 0 ? row - w : row;
    for (let x = 0; x < w; x++) {
      const x0 = x > 0 ? x - 1 : x;
      out[row + x] = Math.min(lighter[row + x]!, lighter[row + x0]!, lighter[prev + x]!, lighter[prev + x0]!);
    }
  }
  return { width: w, height: h, data: out };
}
