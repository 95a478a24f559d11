// The renderer's data layer (renderer/src/lib/use-call.ts) as the officer meets it, in real Chromium against the real
// core (issue 13, item 6): useCall drops a late answer to an older input, useAction is busy while it runs and keeps its
// refusal for the screen's banner, worded in the language the officer has now. Answers are the core's own; the test
// only holds a request back in the browser to choose the order in which they arrive.
import type { Route } from '@playwright/test';
import { SITI_MRZ } from '../fixtures/travellers';
import { expect, signIn, test } from './desk-fixture';

const TUNDA = { outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tanpa ID PMI.' } as const;
const REFER = { outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Ke BP3MI.' } as const;

/** Two frames: what React does with an answer that has arrived is on screen after them. */
const settled = (page: import('@playwright/test').Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

test('useCall: a late answer to an older filter is dropped, the newer one stays on screen', async ({ page, desk }) => {
  await desk.start({ demo: true });
  await desk.core.dispatch('session.signIn', { officerNumber: 'DEMO-BP', password: 'demo-petugas-2026' });
  for (const decision of [REFER, TUNDA]) {
    const opened = await desk.core.dispatch('cases.open', { source: 'manual', mrz: SITI_MRZ });
    if (!opened.ok) throw new Error(opened.error.message);
    const decided = await desk.core.dispatch('cases.decide', { caseId: (opened.value as { id: string }).id, ...decision, reasons: [...decision.reasons] });
    if (!decided.ok) throw new Error(decided.error.message);
  }
  await desk.core.dispatch('session.signOut', {});
  await desk.open(page);
  await signIn(page, 'DEMO-SPV-BP', 'demo-supervisor-2026');
  await page.getByRole('button', { name: /Tinjauan harian supervisor/ }).click();
  const rows = page.getByTestId('queue-row');
  await expect(rows).toHaveCount(2);

  // The ask for Tunda is held back in the browser until the ask for BP3MI has been answered and shown.
  let releaseTunda!: () => void;
  const tundaHeld = new Promise<void>((resolve) => (releaseTunda = resolve));
  await page.route('**/rpc/review.queue', async (route: Route) => {
    if ((route.request().postDataJSON() as { decision?: string }).decision === 'tunda') await tundaHeld;
    await route.continue();
  });
  const tundaAnswered = page.waitForResponse((response) => response.url().endsWith('/rpc/review.queue') && response.request().postDataJSON()?.decision === 'tunda');
  await page.getByTestId('filter-decision').selectOption('tunda');
  await page.getByTestId('filter-decision').selectOption('refer_bp3mi');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Rujuk ke BP3MI');

  // Now the older answer arrives (the core's real answer, one row of Tunda): it is dropped.
  releaseTunda();
  expect(((await (await tundaAnswered).json()) as { ok: boolean; value: { rows: unknown[] } }).value.rows).toHaveLength(1);
  await settled(page);
  await page.waitForTimeout(300);
  await settled(page);
  expect(await rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain('Rujuk ke BP3MI');
  await expect(page.getByTestId('filter-decision')).toHaveValue('refer_bp3mi');
});

test("useAction: busy while it runs, and the refusal stays in the banner, worded in the officer's language now", async ({ page, desk, shot }) => {
  await desk.start({ demo: true });
  await desk.open(page);
  let releaseSignIn!: () => void;
  const signInHeld = new Promise<void>((resolve) => (releaseSignIn = resolve));
  await page.route('**/rpc/session.signIn', async (route: Route) => {
    await signInHeld;
    await route.continue();
  });
  await page.getByLabel('Nomor petugas (NIP)').fill('DEMO-BP');
  await page.getByLabel('Kata sandi', { exact: true }).fill('not-the-password');
  const submit = page.getByRole('button', { name: 'Masuk', exact: true });
  await submit.click();
  // Busy: the button cannot start a second sign-in while the first runs.
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAttribute('aria-busy', 'true');
  releaseSignIn();
  const banner = page.getByRole('alert');
  await expect(banner).toHaveText('Nomor petugas atau kata sandi salah.');
  await expect(submit).toBeEnabled();

  // The refusal is kept as the core's error and worded at render time: switching the language rewords it.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(banner).toHaveText('Officer number or password is wrong.');
  await shot(page, 'refusal-in-english');
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(banner).toHaveText('Nomor petugas atau kata sandi salah.');

  // The next run clears it as it starts; a success leaves no banner.
  await page.unroute('**/rpc/session.signIn');
  await signIn(page, 'DEMO-BP', 'demo-petugas-2026');
  await expect(page.getByRole('heading', { name: /^Selamat bertugas/ })).toBeVisible();
  await expect(page.getByText('Nomor petugas atau kata sandi salah.')).toHaveCount(0);
});
