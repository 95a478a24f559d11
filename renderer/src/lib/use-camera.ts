// Owns the desk webcam for the screens that read from it (the passport screen; a case waiting for a boarding
// pass): the stream (video only), the remembered camera and resolution choice, and moving frames to the camera
// worker with what they are read for. The main thread only grabs and transfers frames; everything about reading
// happens in renderer/src/workers/mrz-worker.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HoldHint } from '../../../shared/mrz/reader';
import type { MrzFormat } from '../../../shared/mrz/types';
import type { CameraPurpose, MrzWorkerInput, MrzWorkerOutput, MrzZone } from '../workers/mrz-worker';

export type { CameraPurpose };

export const RESOLUTIONS = [
  { id: '1280x720', width: 1280, height: 720 },
  { id: '1920x1080', width: 1920, height: 1080 },
  { id: '640x480', width: 640, height: 480 },
] as const;
export type ResolutionId = (typeof RESOLUTIONS)[number]['id'];

const DEVICE_KEY = 'meja-klarifikasi.camera.device';
/**
 * A camera granted but giving no picture this long is opened again: webcams (and Chromium's own capture) now and
 * then stall on their first open and come up on the second. Opened again at most MAX_STALL_RESTARTS times; after
 * that the screen keeps waiting, since a slow machine's camera is better late than refused.
 */
const STALL_MS = 6_000;
const MAX_STALL_RESTARTS = 2;
const RESOLUTION_KEY = 'meja-klarifikasi.camera.resolution';

export type CameraProblem = 'denied' | 'absent' | 'unsupported' | 'failed';

export type CameraState =
  | { state: 'starting' }
  | { state: 'error'; problem: CameraProblem }
  | { state: 'looking' }
  /** zone: where the MRZ seen is in the frame, for the preview to outline (null when no group of lines made one). */
  | { state: 'hold'; hint: HoldHint | null; zone: MrzZone | null }
  /** A boarding pass's barcode is seen but cannot be read. */
  | { state: 'code_unreadable' }
  | { state: 'read'; zone: MrzZone | null };

export interface CameraReading {
  lines: string[];
  format: MrzFormat;
  /** Milliseconds from the camera's first frame, or from the last frame with no MRZ in it, to this reading. */
  msToRead: number;
}

export interface Camera {
  videoRef: React.RefObject<HTMLVideoElement | null>;
  status: CameraState;
  devices: MediaDeviceInfo[];
  deviceId: string;
  setDeviceId(id: string): void;
  resolution: ResolutionId;
  setResolution(id: ResolutionId): void;
  /** Worker time per frame (moving average), and the size the camera actually delivers. */
  msPerFrame: number | null;
  /** The part of msPerFrame spent getting the pixels (draw, read back, grey) before the engine runs. */
  msGrab: number | null;
  videoSize: string | null;
  /** Start a new reading: the next document seen (even the same one again) is read afresh. */
  reset(): void;
}

function storedResolution(): ResolutionId {
  const value = localStorage.getItem(RESOLUTION_KEY);
  return RESOLUTIONS.find((r) => r.id === value)?.id ?? '1280x720';
}

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'absent';
  return 'failed';
}

/** What the screen does with a reading; a boarding-pass camera only ever calls onCode. */
export interface CameraEvents {
  onRead?(reading: CameraReading): void;
  onSlip?(caseNumber: string): void;
  /** A boarding pass's barcode came into view: its text, as the desk scanner would type it. */
  onCode?(text: string): void;
}

export function useCamera(purpose: CameraPurpose, events: CameraEvents): Camera {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const workerRef = useRef<Worker | null>(null);
  const eventsRef = useRef(events);
  eventsRef.current = events;
  const [status, setStatus] = useState<CameraState>({ state: 'starting' });
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceIdState] = useState(() => localStorage.getItem(DEVICE_KEY) ?? '');
  const [resolution, setResolutionState] = useState<ResolutionId>(storedResolution);
  const [msPerFrame, setMsPerFrame] = useState<number | null>(null);
  const [msGrab, setMsGrab] = useState<number | null>(null);
  const [videoSize, setVideoSize] = useState<string | null>(null);
  // Bumped to open the camera again after a stall; how many times is kept apart so that it survives the re-run.
  const [attempt, setAttempt] = useState(0);
  const stallRestarts = useRef(0);

  const setDeviceId = useCallback((id: string) => {
    localStorage.setItem(DEVICE_KEY, id);
    stallRestarts.current = 0;
    setDeviceIdState(id);
  }, []);
  const setResolution = useCallback((id: ResolutionId) => {
    localStorage.setItem(RESOLUTION_KEY, id);
    stallRestarts.current = 0;
    setResolutionState(id);
  }, []);
  const reset = useCallback(() => {
    workerRef.current?.postMessage({ type: 'reset' } satisfies MrzWorkerInput);
  }, []);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      setStatus({ state: 'error', problem: 'unsupported' });
      return;
    }
    let stopped = false;
    let stream: MediaStream | null = null;
    let worker: Worker | null = null;
    let frameHandle = 0;
    let lastReadingId = 0;
    let lastCodeId = 0;
    let firstFrameAt = 0;
    let lastLookingAt = 0;
    // Frames handed over and not yet answered: two keeps the worker fed without queueing a backlog.
    let inFlight = 0;
    let stallTimer = 0;
    setStatus({ state: 'starting' });

    const size = RESOLUTIONS.find((r) => r.id === resolution) ?? RESOLUTIONS[0];
    const constraints: MediaStreamConstraints = {
      audio: false,
      video: {
        ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
        width: { ideal: size.width },
        height: { ideal: size.height },
      },
    };

    const sendFrame = () => {
      if (stopped || !worker) return;
      frameHandle = video.requestVideoFrameCallback(sendFrame);
      if (inFlight >= 2 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
      inFlight++;
      if (firstFrameAt === 0) firstFrameAt = performance.now();
      // A VideoFrame wraps the camera's own buffer (no copy, no conversion here); where there is no
      // VideoFrame, an ImageBitmap does the same job a little slower.
      if (typeof VideoFrame === 'function') {
        try {
          const frame = new VideoFrame(video);
          worker.postMessage({ type: 'frame', frame } satisfies MrzWorkerInput, [frame]);
          return;
        } catch {
          // No frame to wrap right now (the video is between sources): the bitmap path below copes.
        }
      }
      createImageBitmap(video).then(
        (bitmap) => {
          if (stopped || !worker) {
            bitmap.close();
            return;
          }
          worker.postMessage({ type: 'frame', frame: bitmap } satisfies MrzWorkerInput, [bitmap]);
        },
        () => {
          inFlight--;
        },
      );
    };

    const onMessage = (event: MessageEvent<MrzWorkerOutput>) => {
      const message = event.data;
      // The worker answers every frame it reads; frames it dropped as stale are answered by the next.
      inFlight = 0;
      setMsPerFrame(message.msPerFrame);
      setMsGrab(message.msGrab);
      if (message.state === 'read') {
        setStatus({ state: 'read', zone: message.zone });
        if (message.readingId !== lastReadingId) {
          lastReadingId = message.readingId;
          eventsRef.current.onRead?.({ lines: message.lines, format: message.format, msToRead: Math.round(performance.now() - Math.max(firstFrameAt, lastLookingAt)) });
        }
      } else if (message.state === 'slip') eventsRef.current.onSlip?.(message.caseNumber);
      else if (message.state === 'code') {
        setStatus({ state: 'read', zone: null });
        if (message.codeId !== lastCodeId) {
          lastCodeId = message.codeId;
          eventsRef.current.onCode?.(message.text);
        }
      } else if (message.state === 'code_unreadable') setStatus({ state: 'code_unreadable' });
      else if (message.state === 'hold') setStatus({ state: 'hold', hint: message.hint, zone: message.zone });
      else {
        lastLookingAt = performance.now();
        setStatus({ state: 'looking' });
      }
    };

    const listDevices = async () => {
      const all = await navigator.mediaDevices.enumerateDevices();
      if (!stopped) setDevices(all.filter((d) => d.kind === 'videoinput'));
    };

    navigator.mediaDevices.getUserMedia(constraints).then(
      async (granted) => {
        if (stopped) {
          granted.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = granted;
        video.srcObject = granted;
        if (stallRestarts.current < MAX_STALL_RESTARTS) {
          stallTimer = window.setTimeout(() => {
            if (stopped || firstFrameAt !== 0) return;
            stallRestarts.current++;
            setAttempt((n) => n + 1);
          }, STALL_MS);
        }
        // A camera unplugged while in use ends its track: say so rather than freeze on the last picture.
        granted.getVideoTracks()[0]?.addEventListener('ended', () => {
          if (!stopped) setStatus({ state: 'error', problem: 'absent' });
        });
        // Labels are only given once the camera is granted, so list the devices now (and when one comes or goes).
        await listDevices();
        if (stopped) return;
        navigator.mediaDevices.addEventListener('devicechange', listDevices);
        try {
          await video.play();
        } catch {
          // play() rejects when the screen is left mid-start; frames are still grabbed if it was not.
        }
        if (stopped) return;
        setVideoSize(`${video.videoWidth}×${video.videoHeight}`);
        worker = new Worker(new URL('../workers/mrz-worker.ts', import.meta.url), { type: 'module' });
        workerRef.current = worker;
        worker.onmessage = onMessage;
        worker.postMessage({ type: 'purpose', purpose } satisfies MrzWorkerInput);
        worker.onerror = () => setStatus({ state: 'error', problem: 'failed' });
        setStatus({ state: 'looking' });
        frameHandle = video.requestVideoFrameCallback(sendFrame);
      },
      (error: unknown) => {
        if (stopped) return;
        const problem = problemOf(error);
        // A remembered camera that has been unplugged: fall back to whichever camera there is.
        if (problem === 'absent' && deviceId) setDeviceId('');
        else setStatus({ state: 'error', problem });
      },
    );

    return () => {
      stopped = true;
      window.clearTimeout(stallTimer);
      navigator.mediaDevices.removeEventListener('devicechange', listDevices);
      video.cancelVideoFrameCallback(frameHandle);
      worker?.terminate();
      workerRef.current = null;
      stream?.getTracks().forEach((track) => track.stop());
      video.srcObject = null;
    };
  }, [deviceId, resolution, setDeviceId, purpose, attempt]);

  return { videoRef, status, devices, deviceId, setDeviceId, resolution, setResolution, msPerFrame, msGrab, videoSize, reset };
}
