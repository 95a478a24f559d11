// Owns finding a boarding pass's barcode in a stream of camera frames: the formats an IATA BCBP is printed in
// (PDF417 on paper, Aztec or QR on phones and kiosks), the scale each frame is read at, telling each pass once while
// it stays in view, and saying "a code is seen but not read" only when that lasts. What the text means is
// parseBoardingPass's business, on the screen, exactly as for the desk scanner's keystrokes.
import { readCode, type CodeFormat } from '../barcodes/read';
import { downscale, type GrayImage } from '../mrz/reader/gray';

/** Paper passes first (the desk's usual case), then the phone formats. */
export const BOARDING_PASS_FORMATS: readonly CodeFormat[] = ['pdf417', 'qr', 'aztec'];

/**
 * Frames without the pass before it counts as gone (and the same pass shown again is told again). At 10-15 frames a
 * second this is about half a second: longer than a frame the reader misses, shorter than putting a pass down.
 */
const GONE_AFTER = 6;
/** Of the last frames, how many must show an unreadable code before the officer is told to steady it. */
const UNREADABLE_WINDOW = 4;
const UNREADABLE_AT_LEAST = 2;

export type PassSighting =
  /** fresh: the first frame this pass is read since it came into view (the one to act on). */
  | { seen: 'code'; text: string; format: CodeFormat; fresh: boolean }
  | { seen: 'unreadable' }
  | { seen: 'nothing' };

export class BoardingPassWatcher {
  private frames = 0;
  private current: { text: string; format: CodeFormat } | null = null;
  private missing = 0;
  private damaged: boolean[] = [];

  /** Forget the pass in view: the next one read (even the same again) is fresh, starting at full size. */
  reset(): void {
    this.frames = 0;
    this.current = null;
    this.missing = 0;
    this.damaged = [];
  }

  /**
   * Reads one frame. Codes come in every size at a desk (a phone's QR held close, a paper PDF417 at arm's length)
   * and zxing's detectors miss very large modules, so frames alternate between full size and half size: any pass
   * is tried at both within two frames, at the cost of one reading per frame.
   */
  push(frame: GrayImage): PassSighting {
    this.frames++;
    const image = this.frames % 2 === 1 || frame.width < 320 ? frame : downscale(frame, 2);
    const reading = readCode(image, BOARDING_PASS_FORMATS);
    this.damaged.push(reading.found === 'damaged');
    if (this.damaged.length > UNREADABLE_WINDOW) this.damaged.shift();
    if (reading.found === 'text') {
      const fresh = this.current?.text !== reading.text;
      this.current = { text: reading.text, format: reading.format };
      this.missing = 0;
      return { seen: 'code', text: reading.text, format: reading.format, fresh };
    }
    if (this.current && ++this.missing < GONE_AFTER) return { seen: 'code', ...this.current, fresh: false };
    this.current = null;
    return this.damaged.filter(Boolean).length >= UNREADABLE_AT_LEAST ? { seen: 'unreadable' } : { seen: 'nothing' };
  }
}
