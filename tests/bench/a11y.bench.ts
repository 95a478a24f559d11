// Accessibility scan of every screen of the desk in both languages (issue #19): axe-core on each screen of the
// walk in tests/support/every-screen.ts, in the real renderer (Chromium against the browser host) at 1366×768.
// A benchmark, not a test: it prints rules and nodes per screen and the total beside the figure before issue #19;
// tests/e2e/a11y.spec.ts is the test that refuses serious and critical violations.
//   npm run bench:a11y   (builds the renderer, then runs this file)
import { chromium } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type DeskCore } from '../../electron/core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { axeViolations, type AxeViolation } from '../support/axe';
import { walkEveryScreen, walkFirstRun } from '../support/every-screen';

const RENDERER_DIR = join(process.cwd(), 'dist', 'renderer');
/** Measured before issue #19 (the issue's figure). */
const BEFORE = { rules: 2, nodes: 8 };
const VERBOSE = process.argv.includes('--verbose');

async function main() {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npx vite build');
  const desks: { core: DeskCore; host: BrowserHost; dir: string }[] = [];
  const openDesk = async (demo: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'meja-bench-a11y-'));
    const core = await openCore({ dataDir: dir, demo });
    const desk = { core, host: await startBrowserHost({ core, rendererDir: RENDERER_DIR }), dir };
    desks.push(desk);
    return desk;
  };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const empty = await openDesk(false);
    const demo = await openDesk(true);
    const rules = new Set<string>();
    let nodes = 0;
    console.log('axe-core scan of every screen at 1366×768 (violations: rule (impact, nodes)):');
    for (const language of ['id', 'en'] as const) {
      // A context of its own: axe finishes its run in a second page of the same context.
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const visit = async (screen: string) => {
        const found: AxeViolation[] = await axeViolations(page);
        for (const v of found) rules.add(v.id);
        nodes += found.reduce((sum, v) => sum + v.nodes.length, 0);
        console.log(`  ${language} ${screen.padEnd(20)} ${found.length === 0 ? 'none' : found.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`);
        if (VERBOSE) for (const v of found) for (const n of v.nodes) console.log(`      ${v.id}: ${n.target} — ${n.summary.replace(/\s+/g, ' ')}`);
      };
      await walkFirstRun(page, empty.host.launchUrl, language, visit);
      await walkEveryScreen(page, demo.host.launchUrl, language, visit);
      await context.close();
    }
    console.log(`  total: ${rules.size} rules, ${nodes} nodes${rules.size ? ` (${[...rules].join(', ')})` : ''}   (before issue #19: ${BEFORE.rules} rules, ${BEFORE.nodes} nodes)`);
    console.log(`  machine load average (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  } finally {
    await browser.close();
    for (const desk of desks) {
      await desk.host.close();
      desk.core.close();
      rmSync(desk.dir, { recursive: true, force: true });
    }
  }
}

await main();
