// Owns the page's sequential focus order as the browser walks it with Tab: which elements are stops (focusable,
// tabindex not negative, not disabled, rendered, not inert, one per radio group) and in what order (positive tabindex
// first, ascending, then document order). Used where the page must move the focus itself for a Tab it kept back.

const FOCUSABLE = [
  'a[href]',
  'area[href]',
  'button',
  'input:not([type=hidden])',
  'select',
  'textarea',
  'iframe',
  'summary',
  'audio[controls]',
  'video[controls]',
  '[tabindex]',
  '[contenteditable]:not([contenteditable=false])',
].join(',');

/** The radios one Tab treats as a single stop: same name, same form (or none), same document or shadow root. */
function sameRadioGroup(a: HTMLInputElement, b: HTMLInputElement): boolean {
  return a.type === 'radio' && b.type === 'radio' && a.name !== '' && a.name === b.name && a.form === b.form && a.getRootNode() === b.getRootNode();
}

const isRadio = (element: Element): element is HTMLInputElement => element instanceof HTMLInputElement && element.type === 'radio';

/** The element's tabindex as the walk counts it: an editing host without one is a stop, though its property says -1. */
const tabIndexOf = (element: HTMLElement) => (!element.hasAttribute('tabindex') && element.isContentEditable ? 0 : element.tabIndex);

/** Whether the element is a stop of its own, leaving radio groups aside. */
function isTabStop(element: HTMLElement, within: Element | null): boolean {
  if (tabIndexOf(element) < 0) return false;
  if (element.matches(':disabled')) return false;
  // A summary is a stop only as its details' own summary; its other elements are plain elements.
  if (element.localName === 'summary' && !element.hasAttribute('tabindex')) {
    const details = element.parentElement;
    if (!(details instanceof HTMLDetailsElement) || details.querySelector(':scope > summary') !== element) return false;
  }
  if (element.closest('[inert]') !== null) return false;
  // An open modal dialog makes the rest of the page inert.
  if (within !== null && !within.contains(element)) return false;
  // Not rendered: display none (itself or an ancestor, a closed details' content), visibility hidden, zero-size text.
  return element.checkVisibility({ visibilityProperty: true });
}

/** Every stop of the document in the order Tab visits them; radio groups are handled by `nextTabStop`. */
function tabStops(root: Document): HTMLElement[] {
  const modal = root.querySelector(':modal');
  const candidates = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => isTabStop(el, modal));
  const positive = candidates.filter((el) => tabIndexOf(el) > 0).sort((a, b) => tabIndexOf(a) - tabIndexOf(b));
  return [...positive, ...candidates.filter((el) => tabIndexOf(el) === 0)];
}

/**
 * The element a Tab (Shift+Tab: `backwards`) pressed on `from` moves the focus to, or null when there is none. A radio
 * group is one stop: its checked radio, or when none is checked its first one (Chromium's choice, Shift+Tab too); a
 * Tab from a radio leaves its group. From an element that is not a stop itself (the body, a tabindex="-1" region), the
 * walk starts at its place in the document. Past the last stop it starts over at the first, as a kiosk page would.
 */
export function nextTabStop(from: Element | null, backwards = false, root: Document = document): HTMLElement | null {
  const stops = tabStops(root);
  // Chromium's stop for a group: its checked radio, or when none is checked its first, whichever way the Tab goes.
  const groupStop = (radio: HTMLInputElement) => {
    const group = stops.filter((el): el is HTMLInputElement => isRadio(el) && sameRadioGroup(el, radio));
    return group.find((el) => el.checked) ?? group[0];
  };
  const order = backwards ? [...stops].reverse() : stops;
  let start = from instanceof HTMLElement ? order.indexOf(from) : -1;
  if (start < 0 && from !== null && from !== root.body && from !== root.documentElement) {
    // Not a stop: the walk goes on from where the element sits in the document (among the tabindex="0" stops), into
    // it first when going forwards.
    const following = (el: Element) => (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const at = order.findIndex((el) => tabIndexOf(el) === 0 && following(el) !== backwards);
    start = at < 0 ? order.length - 1 : at - 1;
  }
  for (let step = 1; step <= order.length; step++) {
    const candidate = order[(start + step + order.length) % order.length]!;
    if (candidate === from) return null;
    if (!isRadio(candidate)) return candidate;
    if (from !== null && isRadio(from) && sameRadioGroup(candidate, from)) continue;
    if (groupStop(candidate) === candidate) return candidate;
  }
  return null;
}
