// Owns catching keyboard-wedge devices: a passport reader typing MRZ lines, or a barcode scanner typing a slip's
// case number or a boarding pass (IATA BCBP), all far faster than a person types. Captured whatever has focus and
// handed over whole; keys held back that were no device's (a person's rolled keys) are given back in order.
import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { parseBoardingPass } from '../../../shared/bcbp';
import { CASE_NUMBER_PATTERN } from '../../../shared/cases/case-number';
import { parseMrz } from '../../../shared/mrz';
import { nextTabStop } from './tab-order';

/** A device types a character every few milliseconds; a person averages well over 100 ms. */
const MAX_AVERAGE_GAP_MS = 40;
/** A longer pause ends (or never starts) a burst. */
const MAX_GAP_MS = 120;
const END_PAUSE_MS = 200;
/** This many keys at a device's average pace are a device for sure: no person types so fast for so long. */
const SURE_DEVICE_KEYS = 8;
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

/** Marks the keys this hook hands back to the page, so it does not catch them a second time. */
const replayed = new WeakSet<Event>();

/** A field where typed characters become text (rather than a control whose keys are shortcuts). */
function takesText(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && /^(text|search|email|tel|url|password|number)$/.test(element.type);
}

type HeldKey = { key: string; shift: boolean; target: EventTarget | null };

/**
 * Hands keys that were held back as a possible device burst, but were not one, to where they were typed: text into
 * the field that still has the focus (as typing would, so React sees the change), other keys as key presses with
 * what the browser does with them. A key typed after a Tab goes where that Tab moved the focus.
 */
function replay(held: HeldKey[]): void {
  const movedTo = new Map<Element, Element>();
  for (const { key, shift, target } of held) {
    const typedOn = target instanceof Element ? target : document.body;
    const element = movedTo.get(typedOn) ?? typedOn;
    if (key.length === 1 && takesText(element) && document.activeElement === element) {
      document.execCommand('insertText', false, key);
      continue;
    }
    const event = new KeyboardEvent('keydown', { key, shiftKey: shift, bubbles: true, cancelable: true });
    replayed.add(event);
    // React renders what the key did before the next key is given back: a one-key answer moves the focus on to the
    // next question in an effect, and the next held key belongs there, as it would have gone had it not been held.
    flushSync(() => element.dispatchEvent(event));
    if (document.activeElement !== element && document.activeElement !== null) {
      movedTo.set(typedOn, document.activeElement);
      continue;
    }
    if (event.defaultPrevented) continue;
    doWhatTheBrowserWould(element, key, shift);
    if (document.activeElement !== element && document.activeElement !== null) movedTo.set(typedOn, document.activeElement);
  }
}

/**
 * A key event made by the page does nothing by itself: what the browser does with a key the page left alone (a rolled
 * Enter submitting a search, a Space ticking a box, a Tab moving on) is done here.
 */
function doWhatTheBrowserWould(element: Element, key: string, shift: boolean): void {
  const clickable = element instanceof HTMLButtonElement || element instanceof HTMLAnchorElement;
  if (key === 'Tab') {
    const next = nextTabStop(element, shift);
    next?.focus();
    // A Tab into a text field selects what it holds, so typing replaces it.
    if (next instanceof HTMLInputElement && takesText(next)) next.select();
  } else if (key === 'Enter') {
    if (element instanceof HTMLTextAreaElement) document.execCommand('insertText', false, '\n');
    else if (clickable) element.click();
    else if (takesText(element)) element.form?.requestSubmit();
  } else if (key === ' ' && (clickable || (element instanceof HTMLInputElement && /^(checkbox|radio)$/.test(element.type)))) {
    element.click();
  }
}

export function useKeyboardWedge(onBurst: (burst: WedgeBurst) => void, enabled = true): void {
  const callback = useRef(onBurst);
  callback.current = onBurst;

  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    /** Where in the buffer the device's own keys begin, once two came at device speed; keys before it are a maybe. */
    let deviceFrom = 0;
    let keys = 0;
    let started = 0;
    let last = 0;
    /** Keys kept from the page since the burst looked like a device; given back if it was not one. */
    let held: HeldKey[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const averageGap = () => (keys > 1 ? (last - started) / (keys - 1) : Infinity);
    const reset = () => {
      buffer = '';
      deviceFrom = 0;
      keys = 0;
      held = [];
    };
    const giveBack = () => {
      const keysToGive = held;
      reset();
      replay(keysToGive);
    };

    const finish = () => {
      const typed = buffer.trim();
      const machineSpeed = averageGap() <= MAX_AVERAGE_GAP_MS;
      const burst = machineSpeed ? recogniseBurst(typed, buffer.slice(deviceFrom).trim()) : null;
      if (burst) {
        reset();
        callback.current(burst);
      } else giveBack(); // a person typing fast, or a device typing something the desk does not read: nothing is lost
    };

    const onKey = (event: KeyboardEvent) => {
      if (replayed.has(event)) return;
      // A field that takes a device's burst itself (the boarding-pass field) keeps it.
      if (event.target instanceof Element && event.target.closest('[data-wedge-off]') !== null) return;
      // A held key repeats as fast as a device types (holding Tab to move through a form): a device never repeats.
      if (event.repeat) {
        if (held.length > 0) giveBack();
        reset();
        return;
      }
      // Any printable character (a boarding pass has spaces and '/'); modified keys are shortcuts, never a device.
      const isChar = event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey;
      if (!isChar && event.key !== 'Enter' && event.key !== 'Tab') {
        // Backspace, arrows, Escape, shortcuts: the held keys were typed before, so they land first.
        if (held.length > 0) giveBack();
        return;
      }
      const now = event.timeStamp;
      const gap = now - last;
      if (keys === 0 || gap > MAX_GAP_MS) {
        if (held.length > 0) giveBack();
        reset();
        started = now;
      } else if (held.length > 0 && held.length < SURE_DEVICE_KEYS && gap > MAX_AVERAGE_GAP_MS) {
        // A few held keys followed at a person's pace: it was a person all along (a rolled pair of keys). Past that
        // many, a slower key is a hiccup of the device (a busy machine delays a key now and then): the burst goes on.
        giveBack();
        started = now;
      } else if (held.length === 0 && gap <= DEVICE_GAP_MS) {
        // The first device-speed key: the device's pace is measured from the key before it. The keys of the run before
        // that already reached the page; they stay in the buffer, as they may be the device's own first keys.
        deviceFrom = buffer.length - 1;
        keys = 1;
        started = last;
      }
      last = now;
      keys++;
      buffer += isChar ? event.key : '\n';
      // Once it is clearly a machine typing, keep the rest of the burst out of whatever field has focus.
      if (held.length > 0 || (keys >= 2 && gap <= DEVICE_GAP_MS) || (keys >= SURE_DEVICE_KEYS && averageGap() <= MAX_AVERAGE_GAP_MS)) {
        event.preventDefault();
        event.stopPropagation();
        held.push({ key: event.key, shift: event.shiftKey, target: event.target });
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

/**
 * What a burst is, read with the keys of its run before the device's first fast pair, then without them, then without
 * the first fast key too: the keys before may be the device's own first ones (a reader's first gaps are uneven, 15-50 ms
 * before it settles) or a person's key pressed just before the scan, and that key may even come within a device's gap
 * of the scan's first (an answer key pressed a few milliseconds before the scanner fires). The first reading that makes
 * sense stands; an MRZ must then have a known format.
 */
function recogniseBurst(run: string, fromDevice: string): WedgeBurst | null {
  const readings = [run, fromDevice, fromDevice.slice(1)].map(recognise);
  const sensible = readings.find((burst) => burst !== null && (burst.kind !== 'mrz' || parseMrz(burst.text).format !== null));
  return sensible ?? readings[1] ?? readings[0] ?? null;
}

/** What a device's burst is, if the desk reads it. */
function recognise(typed: string): WedgeBurst | null {
  // A boarding pass keeps its spaces: its fields are found by position.
  if (parseBoardingPass(typed).ok) return { kind: 'boarding_pass', text: typed };
  const text = typed.replace(NOT_MRZ_OR_SLIP, '').trim();
  if (CASE_NUMBER_PATTERN.test(text.toUpperCase())) return { kind: 'slip', text: text.toUpperCase() };
  if (text.replace(/[^A-Za-z0-9<]/g, '').length >= MIN_MRZ_CHARS) return { kind: 'mrz', text };
  return null;
}
