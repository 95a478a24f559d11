// Accessibility (issue #19): axe-core on every screen of the desk, in Indonesian and in English, at the desk
// monitor's 1366×768; a serious or critical violation fails, named with its screen and node. The walk is
// tests/support/every-screen.ts, shared with bench:a11y, which reports every violation of any impact.
import type { Page } from '@playwright/test';
import { axeViolations, colourPair, contrast, isBlocking } from '../support/axe';
import { walkEveryScreen, walkFirstRun } from '../support/every-screen';
import { expect, signIn, test } from './desk-fixture';
import { openCaseByTyping, passport } from './queue-tools';

test.use({ viewport: { width: 1366, height: 768 } });

/** Scans each screen the walk visits and keeps, as readable lines, what blocks. */
function blockingCollector(page: Page, language: string) {
  const blocking: string[] = [];
  return {
    blocking,
    async visit(screen: string) {
      for (const v of (await axeViolations(page)).filter(isBlocking)) {
        for (const node of v.nodes) blocking.push(`${language} ${screen}: ${v.id} (${v.impact}) at ${node.target}`);
      }
    },
  };
}

for (const language of ['id', 'en'] as const) {
  test(`first-run setup in ${language}: no serious or critical axe violation`, async ({ page, desk }) => {
    await desk.start();
    const { blocking, visit } = blockingCollector(page, language);
    await walkFirstRun(page, desk.host.launchUrl, language, visit);
    expect(blocking).toEqual([]);
  });

  test(`every signed-in screen in ${language}: no serious or critical axe violation`, async ({ page, desk }) => {
    test.slow(); // sixteen screens and a scan each on a loaded machine
    await desk.start({ demo: true });
    const { blocking, visit } = blockingCollector(page, language);
    await walkEveryScreen(page, desk.host.launchUrl, language, visit);
    expect(blocking).toEqual([]);
  });
}

test('the focus ring stands out 3:1 on the page and in the header, and the kbd hint reads 4.5:1', async ({ page, desk }) => {
  await desk.start({ demo: true });
  await desk.open(page);
  await signIn(page, 'DEMO-BP', 'demo-petugas-2026');
  await openCaseByTyping(page, passport('Q4000001', 'WULANDARI', 'SRI'));
  const ratios: Record<string, number> = {};
  for (const [name, selector] of [
    ['page', '.questions input'],
    ['header', '.app-header button'],
  ] as const) {
    // Reached by keyboard, so the ring shown is the :focus-visible one.
    await page.locator(selector).first().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(page.locator(selector).first()).toBeFocused();
    const { fore, back } = await colourPair(page, selector, 'outline');
    ratios[`focus ring on the ${name}`] = contrast(fore, back);
  }
  for (const kbd of ['.outcomes button kbd', '.outcomes button[aria-pressed] kbd']) {
    const { fore, back } = await colourPair(page, kbd, 'text');
    ratios[kbd] = contrast(fore, back);
  }
  expect(ratios['focus ring on the page']).toBeGreaterThanOrEqual(3);
  expect(ratios['focus ring on the header']).toBeGreaterThanOrEqual(3);
  expect(ratios['.outcomes button kbd']).toBeGreaterThanOrEqual(4.5);
  expect(ratios['.outcomes button[aria-pressed] kbd']).toBeGreaterThanOrEqual(4.5);
});
