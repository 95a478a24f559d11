// E2E fixture: a real core and browser host on a fresh data folder per test, serving the built renderer,
// plus a screenshot helper that keeps every picture in test-output/e2e for people to look at.
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type CoreOptions, type DeskCore } from '../../electron/core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { renderPagePdf } from '../../electron/host/chromium';

export const RENDERER_DIR = join(process.cwd(), 'dist', 'renderer');
export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'e2e');

export interface Desk {
  core: DeskCore;
  host: BrowserHost;
  start(options?: Partial<CoreOptions>): Promise<void>;
  open(page: Page): Promise<void>;
}

export const test = base.extend<{ desk: Desk; shot: (page: Page, name: string) => Promise<void> }>({
  desk: async ({}, use) => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npm run build:renderer');
    const dataDir = mkdtempSync(join(tmpdir(), 'meja-e2e-'));
    let core: DeskCore | undefined;
    let host: BrowserHost | undefined;
    const desk: Desk = {
      get core() {
        return core!;
      },
      get host() {
        return host!;
      },
      async start(options = {}) {
        // As the browser host's launcher does: its Chromium renders the pages the page cannot print (the report's PDF).
        core = await openCore({ dataDir, pagePdf: renderPagePdf, ...options });
        host = await startBrowserHost({ core, rendererDir: RENDERER_DIR });
      },
      async open(page) {
        if (!host) await desk.start();
        await page.goto(host!.launchUrl);
      },
    };
    await use(desk);
    await host?.close();
    core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
  shot: async ({}, use, testInfo) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const slug = testInfo.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await use(async (page, name) => {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${slug}--${name}.png`), fullPage: true });
    });
  },
});

export { expect };

export const ADMIN = { name: 'Rina Kartika', officerNumber: '198705122010012001', password: 'admin-password-1' };

/** Completes first-run setup through the screen, as a newcomer would. */
export async function completeFirstRun(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Penyiapan pertama' })).toBeVisible();
  await expect(page.getByLabel('Kode bandara (IATA)')).toHaveValue('PLM');
  await page.getByLabel('Kode meja (untuk nomor kasus)').fill('D01');
  await page.getByLabel('Nama lengkap').fill(ADMIN.name);
  await page.getByLabel('Nomor petugas (NIP)').fill(ADMIN.officerNumber);
  await page.getByLabel('Instansi').selectOption('BP3MI');
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Buat admin dan masuk' }).click();
  await expect(page.getByRole('heading', { name: `Selamat bertugas, ${ADMIN.name}.` })).toBeVisible();
}

/**
 * Signs out and waits for the sign-in screen: until it shows, the screen before it may still hold fields of the
 * same names (the officers form has an NIP and a password), and signIn would fill those.
 */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk petugas' })).toBeVisible();
}

export async function signIn(page: Page, officerNumber: string, password: string, button = 'Masuk'): Promise<void> {
  await page.getByLabel('Nomor petugas (NIP)').fill(officerNumber);
  await page.getByLabel('Kata sandi', { exact: true }).last().fill(password);
  await page.getByRole('button', { name: button, exact: true }).click();
}
