// Owns catching keyboard-wedge devices: a passport reader typing MRZ lines, or a barcode scanner typing a slip's
// case number or a boarding pass (IATA BCBP), all far faster than a person types. Captured whatever has focus and
// handed over whole.
import { useEffect, useRef } from 'react';
import { parseBoardingPass } from '../../../shared/bcbp';
import { CASE_NUMBER_PATTERN } from '../../../shared/cases/case-number';

/** A device types a character every few milliseconds; a person averages well over 100 ms. */
const MAX_AVERAGE_GAP_MS = 40;
/** A longer pause ends (or never starts) a burst. */
const MAX_GAP_MS = 120;
const END_PAUSE_MS = 200;
const MIN_MRZ_CHARS = 60;
/**
 * Two keys this close together are a device, never a person's deliberate presses: from the second key of a burst on,
 * nothing reaches the field with focus (a boarding pass starts "M1", and the 1 would answer a focused question).
 */
const DEVICE_GAP_MS = 12;
/** What MRZ lines and case numbers are made of; a boarding pass also carries spaces, '/' and more. */
const NOT_MRZ_OR_SLIP = /[^A-Za-z0-9<\n-]/g;

export type WedgeBurst = { kind: 'mrz'; text: string } | { kind: 'slip'; text: string } | { kind: 'boarding_pass'; text: string };

/** Where a boarding pass read by the desk's scanner goes: the open case's onward-ticket question takes it. */
export const BOARDING_PASS_EVENT = 'meja:boarding-pass';

export function useKeyboardWedge(onBurst: (burst: WedgeBurst) => void, enabled = true): void {
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
      const typed = buffer.trim();
      const machineSpeed = averageGap() <= MAX_AVERAGE_GAP_MS;
      buffer = '';
      keys = 0;
      if (!machineSpeed) return;
      // A boarding pass keeps its spaces: its fields are found by position.
      if (parseBoardingPass(typed).ok) return callback.current({ kind: 'boarding_pass', text: typed });
      const text = typed.replace(NOT_MRZ_OR_SLIP, '').trim();
      if (CASE_NUMBER_PATTERN.test(text.toUpperCase())) callback.current({ kind: 'slip', text: text.toUpperCase() });
      else if (text.replace(/[^A-Za-z0-9<]/g, '').length >= MIN_MRZ_CHARS) callback.current({ kind: 'mrz', text });
    };

    const onKey = (event: KeyboardEvent) => {
      // A field that takes a device's burst itself (the boarding-pass field) keeps it.
      if (event.target instanceof Element && event.target.closest('[data-wedge-off]') !== null) return;
      // A held key repeats as fast as a device types (holding Tab to move through a form): a device never repeats.
      if (event.repeat) {
        buffer = '';
        keys = 0;
        return;
      }
      // Any printable character (a boarding pass has spaces and '/'); modified keys are shortcuts, never a device.
      const isChar = event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey;
      if (!isChar && event.key !== 'Enter' && event.key !== 'Tab') return;
      const now = event.timeStamp;
      const gap = now - last;
      if (keys === 0 || gap > MAX_GAP_MS) {
        buffer = '';
        keys = 0;
        started = now;
      }
      last = now;
      keys++;
      buffer += isChar ? event.key : '\n';
      // Once it is clearly a machine typing, keep the rest of the burst out of whatever field has focus.
      if ((keys >= 2 && gap <= DEVICE_GAP_MS) || (keys >= 8 && averageGap() <= MAX_AVERAGE_GAP_MS)) {
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
