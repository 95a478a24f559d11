// Owns which other views of an image the reader reads when the image itself gives no acceptable reading:
// a small scan enlarged (its print is below what the line finder looks for), a large still stepped down
// by halves (its print above it), and for a still, the image turned an eighth of a turn (an MRZ running
// diagonally, which the finder, looking within 35° of the width and of the height, does not see); and
// mapping a reading made on another view back to the image's own pixels.
import { downscale, enlarge, type GrayImage } from './gray';
import { hasSmallPrintLines } from './locate';
import { rectify } from './rectify';
import type { FoundLine, FrameReading } from './read-frame';

/**
 * Images up to this many pixels are also read enlarged twice when they give no acceptable reading:
 * a 282×179 ID card scan has capitals of about 8.5 px, under the finder's 11 px. Two bounds keep an
 * image without an MRZ cheap: it is enlarged only when a quick pass finds lines of print that small,
 * and enlarged it is at most 1280×960, about one webcam frame.
 */
export const ENLARGE_MAX_PIXELS = 640 * 480;
/** Above this side (px) an image is a scan or a camera still: read at half size too, until it is webcam-sized. */
export const HALVE_ABOVE_SIDE = 2560;
/** The turn of the diagonal view: with the finder's ±35° about the width and the height, every direction is seen. */
const EIGHTH_TURN = Math.PI / 4;

/**
 * Another view of the image: its pixels, how many of them make one of the original's along a line, and where a
 * point of the view is in the original (a view may be turned: `turn` radians, added to every direction read on it).
 */
export interface OtherView { image: GrayImage; factor: number; turn: number; toOriginal: (x: number, y: number) => [number, number] }

/**
 * The views to read when the image itself gave no acceptable reading, in order; none for a webcam frame unless
 * `anyAngle` (a still, where a reading matters more than a few tens of milliseconds): then the image, or its
 * last halving, turned an eighth of a turn.
 */
export function* otherViews(image: GrayImage, anyAngle = false): Generator<OtherView> {
  const scaled = (img: GrayImage, factor: number): OtherView => ({ image: img, factor, turn: 0, toOriginal: (x, y) => [x / factor, y / factor] });
  if (image.width * image.height <= ENLARGE_MAX_PIXELS && hasSmallPrintLines(image)) yield scaled(enlarge(image, 2), 2);
  let base = scaled(image, 1);
  while (Math.max(base.image.width, base.image.height) > HALVE_ABOVE_SIDE) {
    base = scaled(downscale(base.image, 2), base.factor / 2);
    yield base;
  }
  if (anyAngle) yield turnedView(base);
}

/** `view` turned an eighth of a turn about its centre, into a canvas that holds all of it (blank paper around). */
function turnedView(view: OtherView): OtherView {
  const { width: w, height: h } = view.image;
  const c = Math.cos(EIGHTH_TURN), s = Math.sin(EIGHTH_TURN);
  const side = Math.ceil(w * c + h * s);
  const image = rectify(view.image, { cx: w / 2, cy: h / 2, angle: EIGHTH_TURN, length: side, height: side }, 1, true).image;
  // rectify samples the view's point o + u·(c, s) + v·(−s, c) for the turned image's point (u, v).
  const ox = w / 2 - (side / 2) * c + (side / 2) * s, oy = h / 2 - (side / 2) * s - (side / 2) * c;
  return { image, factor: view.factor, turn: EIGHTH_TURN, toOriginal: (u, v) => view.toOriginal(ox + u * c - v * s, oy + u * s + v * c) };
}

/** A reading made on another view, in the original's pixels and directions. */
export function inOriginal(reading: FrameReading, view: OtherView): FrameReading {
  const f = view.factor;
  const back = (l: FoundLine): FoundLine => {
    const [cx, cy] = view.toOriginal(l.cx, l.cy), [rx, ry] = view.toOriginal(l.region.cx, l.region.cy);
    return {
      ...l, cx, cy, angle: l.angle + view.turn, length: l.length / f, capHeight: l.capHeight / f, pitch: l.pitch / f,
      region: { ...l.region, cx: rx, cy: ry, angle: l.region.angle + view.turn, length: l.region.length / f, thickness: l.region.thickness / f },
    };
  };
  return { ...reading, found: reading.found.map(back), zone: reading.zone?.map(([x, y]) => view.toOriginal(x, y)) ?? null };
}
