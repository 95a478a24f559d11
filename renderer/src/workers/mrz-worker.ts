// Owns reading camera frames off the main thread: it receives frames as transferred VideoFrames (or
// ImageBitmaps where VideoFrame is missing), keeps only the newest, and reads it for what the screen asked:
// a passport's MRZ (voted across frames, with a slip's QR code on alternate empty frames) or, only when a
// case waits for one, a boarding pass's barcode. It posts back a small state with the time each frame took.
import { holdHint, MrzVoter, readMrzFrame, rgbaToGray, voteInput, yuvToGray, type FrameReading, type HoldHint } from '../../../shared/mrz/reader';
import type { MrzFormat } from '../../../shared/mrz/types';
import { readQr } from '../../../shared/slips/qr-read';
import { CASE_NUMBER_PATTERN } from '../../../shared/cases/case-number';
import { BoardingPassWatcher } from '../../../shared/bcbp/camera';

/** What the frames are read for: the passport screen's MRZ, or a case's boarding pass (barcodes only). */
export type CameraPurpose = 'passport' | 'boarding_pass';

export type MrzWorkerInput =
  | { type: 'frame'; frame: VideoFrame | ImageBitmap }
  /** Sent once before the first frame; a worker not told reads passports. */
  | { type: 'purpose'; purpose: CameraPurpose }
  /** Forget the votes so far: the next document (or the same one shown again) starts a new reading. */
  | { type: 'reset' };

/** Where the MRZ read is in the frame (its block's corners as the text reads, frame pixels), and the frame's size: the preview outlines it. */
export interface MrzZone { corners: [number, number][]; width: number; height: number }

/** Moving averages (ms) of a whole frame and of its part before the engine (draw, pixels, grey). */
interface FrameTimes { msPerFrame: number; msGrab: number; frames: number }

export type MrzWorkerOutput =
  | ({ type: 'state'; state: 'looking' } & FrameTimes)
  | ({ type: 'state'; state: 'hold'; hint: HoldHint | null; zone: MrzZone | null } & FrameTimes)
  /** readingId grows by one per accepted document, so the screen can tell a new reading from a repeat. */
  | ({ type: 'state'; state: 'read'; lines: string[]; format: MrzFormat; readingId: number; zone: MrzZone | null } & FrameTimes)
  /** A referral slip's QR code was shown: the screen opens that case. */
  | ({ type: 'state'; state: 'slip'; caseNumber: string } & FrameTimes)
  /** A boarding pass's barcode in view (its text as a scanner would type it); codeId grows by one per pass shown. */
  | ({ type: 'state'; state: 'code'; text: string; codeId: number } & FrameTimes)
  /** A barcode is seen but cannot be read (damaged, blurred, too small). */
  | ({ type: 'state'; state: 'code_unreadable' } & FrameTimes);

/** The part of a dedicated worker's global scope used here (the renderer's lib has DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<MrzWorkerInput>) => void) | null;
  postMessage(message: MrzWorkerOutput): void;
}
const scope = self as unknown as WorkerScope;

const voter = new MrzVoter();
const passes = new BoardingPassWatcher();
let purpose: CameraPurpose = 'passport';
let codeId = 0;
let newest: VideoFrame | ImageBitmap | null = null;
let busy = false;
let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;
let planes: Uint8Array | null = null;
/** The grey image made of a YUV frame's planes; reused from frame to frame. */
let packed: Uint8Array | null = null;
let frames = 0;
let msPerFrame = 0;
let msGrab = 0;
let readingId = 0;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'reset') {
    voter.reset();
    passes.reset();
    return;
  }
  if (message.type === 'purpose') {
    purpose = message.purpose;
    return;
  }
  // A frame that waited while the engine was busy is stale: close it now rather than leak GPU memory.
  newest?.close();
  newest = message.frame;
  if (!busy) schedule();
};

function schedule(): void {
  busy = true;
  // A macrotask lets frames that arrived during the last reading replace each other before we read.
  setTimeout(() => void pump(), 0);
}

async function pump(): Promise<void> {
  const frame = newest;
  newest = null;
  if (!frame) {
    busy = false;
    return;
  }
  try {
    const started = performance.now();
    const gray = await toGray(frame);
    const grabbed = performance.now();
    if (purpose === 'boarding_pass') scope.postMessage(passState(gray, started, grabbed));
    else {
      const reading = readMrzFrame(gray);
      const update = voter.push(voteInput(reading));
      if (update.event === 'accepted') readingId++;
      timed(performance.now() - started, grabbed - started);
      const state = stateOf(reading, update.accepted, gray);
      // Only a frame with no MRZ in it is worth a look for a slip's QR code; every other one keeps the cost low.
      const slip = state.state === 'looking' && frames % 2 === 0 ? readQr(gray) : null;
      if (slip && CASE_NUMBER_PATTERN.test(slip)) scope.postMessage({ type: 'state', state: 'slip', caseNumber: slip, msPerFrame: state.msPerFrame, msGrab: state.msGrab, frames });
      else scope.postMessage(state);
    }
  } catch (error) {
    // One frame the engine cannot handle must not stop the camera: count it as no reading and go on.
    frame.close();
    console.error('mrz-worker: frame failed', error);
    scope.postMessage({ type: 'state', state: 'looking', msPerFrame: Math.round(msPerFrame), msGrab: Math.round(msGrab), frames });
  }
  schedule();
}

/** Reads a frame for a boarding pass only: no MRZ and no slip, the case screen asked for this and nothing else. */
function passState(gray: ReturnType<typeof rgbaToGray>, started: number, grabbed: number): MrzWorkerOutput {
  const sighting = passes.push(gray);
  if (sighting.seen === 'code' && sighting.fresh) codeId++;
  const base = timed(performance.now() - started, grabbed - started);
  if (sighting.seen === 'code') return { type: 'state', state: 'code', text: sighting.text, codeId, ...base };
  return { type: 'state', state: sighting.seen === 'unreadable' ? 'code_unreadable' : 'looking', ...base };
}

/** Adds one frame's times to the moving averages, and returns them as a state carries them. */
function timed(ms: number, grab: number): FrameTimes {
  frames++;
  // A short moving average: steady enough to show, quick to follow a change of resolution.
  msPerFrame = frames === 1 ? ms : msPerFrame * 0.8 + ms * 0.2;
  msGrab = frames === 1 ? grab : msGrab * 0.8 + grab * 0.2;
  return { msPerFrame: Math.round(msPerFrame), msGrab: Math.round(msGrab), frames };
}

/** Chroma subsampling (across, down) of the YUV pixel formats a camera gives, whose first plane is 8-bit luma. */
const YUV_SUBSAMPLING: Readonly<Record<string, readonly [number, number]>> = { I420: [2, 2], I420A: [2, 2], I422: [2, 1], I444: [1, 1], NV12: [2, 2] };

/**
 * The frame's grey image, as rgbaToGray makes it of a photo: the brightest channel, which takes coloured security
 * print away from under the black MRZ. A camera VideoFrame is usually YUV in memory: copying out its planes and
 * lifting luma by what the chroma adds costs a fraction of drawing it to a canvas and reading RGBA back.
 * Anything else takes the canvas.
 */
async function toGray(frame: VideoFrame | ImageBitmap): Promise<ReturnType<typeof rgbaToGray>> {
  const format = 'format' in frame ? frame.format : null;
  const subsampling = format ? YUV_SUBSAMPLING[format] : undefined;
  if (subsampling && 'visibleRect' in frame && frame.visibleRect) {
    const { width, height } = frame.visibleRect;
    const size = frame.allocationSize();
    if (!planes || planes.length < size) planes = new Uint8Array(size);
    const [luma, first, second] = await frame.copyTo(planes);
    frame.close();
    // NV12 keeps U and V interleaved in its second plane; the others give each a plane of its own.
    const u = { data: planes, offset: first!.offset, stride: first!.stride, step: format === 'NV12' ? 2 : 1 };
    const v = format === 'NV12' ? { ...u, offset: first!.offset + 1 } : { data: planes, offset: second!.offset, stride: second!.stride, step: 1 };
    if (!packed || packed.length !== width * height) packed = new Uint8Array(width * height);
    return yuvToGray({ data: planes, offset: luma!.offset, stride: luma!.stride, step: 1 }, u, v, width, height, subsampling[0], subsampling[1], packed);
  }
  return drawToGray(frame);
}

function drawToGray(bitmap: VideoFrame | ImageBitmap): ReturnType<typeof rgbaToGray> {
  const width = 'displayWidth' in bitmap ? bitmap.displayWidth : bitmap.width;
  const height = 'displayHeight' in bitmap ? bitmap.displayHeight : bitmap.height;
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) throw new Error('OffscreenCanvas 2D context unavailable');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = context.getImageData(0, 0, width, height).data;
  return rgbaToGray(rgba, width, height);
}

function stateOf(reading: FrameReading, accepted: string[] | null, gray: ReturnType<typeof rgbaToGray>): MrzWorkerOutput {
  const base = { msPerFrame: Math.round(msPerFrame), msGrab: Math.round(msGrab), frames };
  const zone = reading.zone ? { corners: reading.zone.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]), width: gray.width, height: gray.height } : null;
  if (accepted && reading.lines && reading.format) return { type: 'state', state: 'read', lines: accepted, format: reading.format, readingId, zone, ...base };
  if (!reading.lines && reading.found.length === 0) return { type: 'state', state: 'looking', ...base };
  return { type: 'state', state: 'hold', hint: holdHint(reading, gray), zone, ...base };
}
