// Owns which sizes of an image the reader reads beyond the image itself: a small scan enlarged (its
// print is below what the line finder looks for), a large still stepped down by halves (its print
// above it); and mapping a reading made at another size back to the image's own pixels.
import { downscale, enlarge, type GrayImage } from './gray';
import { hasSmallPrintLines } from './locate';
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

/** An image at another size, and how many of its pixels make one of the original's. */
export interface OtherSize { image: GrayImage; factor: number }

/** The sizes to read when the image itself gave no acceptable reading, in order; none for a webcam frame. */
export function* otherSizes(image: GrayImage): Generator<OtherSize> {
  if (image.width * image.height <= ENLARGE_MAX_PIXELS) {
    if (hasSmallPrintLines(image)) yield { image: enlarge(image, 2), factor: 2 };
    return;
  }
  let factor = 1;
  while (Math.max(image.width, image.height) > HALVE_ABOVE_SIDE) {
    image = downscale(image, 2);
    factor /= 2;
    yield { image, factor };
  }
}

/** A reading made on an image `factor` times the original's size, in the original's pixels. */
export function atOriginalSize(reading: FrameReading, factor: number): FrameReading {
  const back = (l: FoundLine): FoundLine => ({
    ...l, cx: l.cx / factor, cy: l.cy / factor, length: l.length / factor, capHeight: l.capHeight / factor, pitch: l.pitch / factor,
    region: { ...l.region, cx: l.region.cx / factor, cy: l.region.cy / factor, length: l.region.length / factor, thickness: l.region.thickness / factor },
  });
  return { ...reading, found: reading.found.map(back) };
}
