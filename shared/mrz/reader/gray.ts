// Grey pixel buffers and the few image operations the MRZ reader needs (pure TS, no DOM, no Node).

/** An 8-bit single-channel image, row-major, `data.length === width * height`. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Converts interleaved RGB(A) pixels to grey with integer BT.601 weights (fast, and what webcams encode). */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, channels = 4): GrayImage {
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) {
    out[i] = ((rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8);
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
