// Owns catching a keyboard-wedge passport reader: a burst of MRZ keystrokes far faster than a person types,
// captured whatever has focus and handed over as lines.
import { useEffect, useRef } from 'react';

/** A reader types a character every few milliseconds; a person averages well over 100 ms. */
const MAX_AVERAGE_GAP_MS = 40;
/** A longer pause ends (or never starts) a burst. */
const MAX_GAP_MS = 120;
const END_PAUSE_MS = 200;
const MIN_MRZ_CHARS = 60;
const MRZ_CHAR = /^[A-Za-z0-9<]$/;

export function useKeyboardWedge(onBurst: (mrz: string) => void, enabled = true): void {
  const callback = useRef(onBurst);
  callback.current = onBurst;

  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let keys = 0;
    let started = 0;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const averageGap = () => (keys > 1 ? (last - started) / (keys - 1) : Infinity);

    const finish = () => {
      const text = buffer;
      const machineSpeed = averageGap() <= MAX_AVERAGE_GAP_MS;
      buffer = '';
      keys = 0;
      if (machineSpeed && text.replace(/[^A-Za-z0-9<]/g, '').length >= MIN_MRZ_CHARS) callback.current(text.trim());
    };

    const onKey = (event: KeyboardEvent) => {
      const isChar = MRZ_CHAR.test(event.key);
      if (!isChar && event.key !== 'Enter' && event.key !== 'Tab') return;
      const now = event.timeStamp;
      if (keys === 0 || now - last > MAX_GAP_MS) {
        buffer = '';
        keys = 0;
        started = now;
      }
      last = now;
      keys++;
      buffer += isChar ? event.key : '\n';
      // Once it is clearly a machine typing, keep the rest of the burst out of whatever field has focus.
      if (keys >= 8 && averageGap() <= MAX_AVERAGE_GAP_MS) {
        event.preventDefault();
        event.stopPropagation();
      }
      clearTimeout(timer);
      timer = setTimeout(finish, END_PAUSE_MS);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, { capture: true });
    };
  }, [enabled]);
}
