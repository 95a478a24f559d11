// Owns catching a keyboard-wedge passport reader: a burst of MRZ keystrokes far faster than a person types,
// captured whatever has focus and handed over as lines.
import { useEffect, useRef } from 'react';

/** A reader types a character every few milliseconds; a person needs well over 50 ms. */
const MAX_GAP_MS = 35;
const END_PAUSE_MS = 150;
const MIN_MRZ_CHARS = 60;
const MRZ_CHAR = /^[A-Za-z0-9<]$/;

export function useKeyboardWedge(onBurst: (mrz: string) => void, enabled = true): void {
  const callback = useRef(onBurst);
  callback.current = onBurst;

  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let fastRun = 0;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = () => {
      const text = buffer;
      buffer = '';
      fastRun = 0;
      if (text.replace(/[^A-Za-z0-9<]/g, '').length >= MIN_MRZ_CHARS) callback.current(text.trim());
    };

    const onKey = (event: KeyboardEvent) => {
      const isChar = MRZ_CHAR.test(event.key);
      if (!isChar && event.key !== 'Enter' && event.key !== 'Tab') return;
      const now = event.timeStamp;
      const fast = now - last < MAX_GAP_MS;
      last = now;
      if (!fast) {
        buffer = '';
        fastRun = 0;
      } else fastRun++;
      buffer += isChar ? event.key : '\n';
      // Once it is clearly a machine typing, keep the rest of the burst out of whatever field has focus.
      if (fastRun >= 6) {
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
