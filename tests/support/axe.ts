// Owns how a screen is scanned for accessibility: axe-core through @axe-core/playwright (injected over the
// DevTools protocol, so the desk's Content-Security-Policy stays as shipped), every rule axe runs by default.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** Each offending node's selector and axe's summary of what to fix there. */
  nodes: { target: string; summary: string }[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
  }));
}

/** Serious or critical: what the e2e check refuses. */
export const isBlocking = (violation: AxeViolation) => violation.impact === 'serious' || violation.impact === 'critical';

type Rgb = [number, number, number];
const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
/** WCAG contrast ratio of two opaque colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * What axe does not judge: the focused element's outline (WCAG 1.4.11, 3:1) against the background it is drawn on,
 * or a piece of text (`text: true`) against the background behind it. Colours as the page computes them.
 */
export async function colourPair(page: Page, selector: string, what: 'outline' | 'text'): Promise<{ fore: Rgb; back: Rgb }> {
  const [fore, back] = await page.locator(selector).first().evaluate((el, kind) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
    const opaque = (colour: string) => {
      const parts = rgb(colour);
      return parts.length >= 3 && (parts[3] === undefined || parts[3] === 1);
    };
    // The outline lies outside the element, on its parent's background; text lies on the element's own.
    let node: Element | null = kind === 'outline' ? el.parentElement : el;
    while (node && !opaque(getComputedStyle(node).backgroundColor)) node = node.parentElement;
    const style = getComputedStyle(el);
    return [rgb(kind === 'outline' ? style.outlineColor : style.color), rgb(node ? getComputedStyle(node).backgroundColor : 'rgb(255,255,255)')];
  }, what);
  return { fore: fore!.slice(0, 3) as Rgb, back: back!.slice(0, 3) as Rgb };
}
