// Keyboard-only benchmark of the officer's three paths at the queue, at 1366×768 in the real renderer (Chromium
// against the browser host): keys and Tabs per path beside the figures measured before issue #19, and an axe
// accessibility scan of every screen in both languages. A benchmark, not a test: it prints figures.
//   npm run bench:keys   (builds the renderer, then runs this file)
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type DeskCore } from '../../electron/core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { generateMrz } from '../../shared/mrz';
import { CHROMIUM_ARGS } from '../../playwright.config';

const RENDERER_DIR = join(process.cwd(), 'dist', 'renderer');
/** Measured by hand on main before issue #19 (the issue's figures). */
const BEFORE = { clear: 51, tunda: 216, passport: 198 };

const passport = (documentNumber: string, primary: string) =>
  generateMrz('TD3', {
    documentCode: 'P',
    issuingState: 'IDN',
    nationality: 'IDN',
    primaryIdentifier: primary,
    secondaryIdentifier: 'DEMO',
    documentNumber,
    birthDate: '1995-03-04',
    sex: 'F',
    expiryDate: '2031-05-06',
  });

/** Counts what the officer presses; the desk reader's burst is a device and is not counted. */
class Keys {
  keys = 0;
  tabs = 0;
  constructor(private readonly page: Page) {}
  async press(key: string, times = 1) {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.keys++;
      if (key === 'Tab' || key === 'Shift+Tab') this.tabs++;
    }
  }
  async type(text: string) {
    await this.page.keyboard.type(text, { delay: 130 }); // a trained typist's pace, far from a reader's
    this.keys += text.length;
  }
  /** Tabs forward until the focused element matches; every Tab counts. */
  async tabTo(matches: string, limit = 80) {
    for (let i = 0; i < limit; i++) {
      if (await this.page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
      await this.press('Tab');
    }
    throw new Error(`No focus on ${matches} after ${limit} Tabs`);
  }
  /** Answers the shown question with this index by keyboard: option n of a choice (Space or arrows), or text. */
  async answer(index: number, answer: number | string) {
    await this.tabTo(`.questions > li:nth-child(${index + 1}) input`);
    if (typeof answer === 'string') return this.type(answer);
    if (answer === 0) return this.press('Space');
    // In a radio group the arrows move and choose at once.
    await this.press('ArrowDown', answer);
  }
}

async function readPassport(page: Page, lines: string[]) {
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await page.getByText(/Diterima dari pembaca paspor|Received from the passport reader/).waitFor();
}

async function signIn(page: Page, keys: Keys, officerNumber: string, password: string) {
  await keys.type(officerNumber);
  await keys.press('Tab');
  await keys.type(password);
  await keys.press('Enter');
}

async function clearPath(page: Page): Promise<Keys> {
  const keys = new Keys(page);
  await readPassport(page, passport('K1000001', 'CLEAR'));
  await keys.press('Enter'); // open the case
  await page.getByTestId('case-number').waitFor();
  await page.locator('.questions > li').first().waitFor();
  await keys.answer(0, 0); // purpose: tourism
  await keys.answer(1, 'MYS'); // destination country
  await keys.answer(2, 0); // return ticket: yes
  await keys.answer(3, 0); // travelling alone
  await keys.answer(4, 1); // going to work: no
  await page.waitForTimeout(600);
  await keys.press('Alt+B');
  await page.getByTestId('decision').waitFor();
  await keys.press('Enter'); // next traveller
  await page.getByRole('heading', { name: /Baca paspor/ }).waitFor();
  return keys;
}

async function tundaPath(page: Page): Promise<Keys> {
  const keys = new Keys(page);
  await readPassport(page, passport('K2000002', 'TUNDA'));
  await keys.press('Enter');
  await page.getByTestId('case-number').waitFor();
  await page.locator('.questions > li').first().waitFor();
  // Work without the documents: the shown questions change as answers come in, so each is found by its id.
  const answers: [string, number | string][] = [
    ['purpose', 4], // work
    ['destination_country', 'MYS'],
    ['travel_companions', 0],
    ['visa_type', 1], // tourist visa
    ['job_type', 0],
    ['job_found_via', 3], // family or friends
    ['has_id_pmi', 1], // no
    ['has_work_visa', 1],
    ['has_contract', 1],
    ['family_consent', 0],
    ['who_paid', 0],
    ['debt', 1],
    ['documents_held', 1],
    ['met_on_arrival', 1],
    ['address_known', 0],
    ['earlier_trouble', 1],
  ];
  for (const [question, answer] of answers) {
    const index = await page.evaluate((id) => Array.from(document.querySelectorAll('.questions > li')).findIndex((li) => li.querySelector(`[name="q-${id}"], #q-${id}`)), question);
    if (index < 0) throw new Error(`Question ${question} is not shown`);
    await keys.answer(index, answer);
  }
  await keys.press('Alt+T');
  await page.locator('.decision-form').waitFor();
  await keys.press('Alt+S');
  await page.getByTestId('decision').waitFor();
  await keys.press('Enter'); // the slip, offered with the focus
  await page.getByRole('heading', { name: /Surat rujukan/ }).waitFor();
  await keys.press('Enter'); // print
  await page.getByText(/Dicetak 1 kali/).waitFor();
  return keys;
}

async function passportPath(page: Page): Promise<Keys> {
  const keys = new Keys(page);
  await readPassport(page, passport('K3000003', 'PASPOR'));
  await keys.press('Enter');
  await page.getByTestId('case-number').waitFor();
  await page.locator('.questions > li').first().waitFor();
  await keys.press('Alt+P');
  await page.locator('#reason-filter:focus').waitFor();
  await keys.type('cegah');
  await keys.press('Tab');
  await keys.press('Space'); // "on the prevention list"; the ground it points to and the note follow
  await keys.press('Alt+S');
  await page.getByTestId('awaiting').waitFor();
  // The Imigrasi supervisor takes the desk over and countersigns.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await keys.tabTo('[data-testid="lock"]');
  await keys.press('Enter'); // lock
  await page.getByRole('heading', { name: /Layar terkunci/ }).waitFor();
  await keys.tabTo('.lock-layout section:nth-child(2) input');
  await signIn(page, keys, 'DEMO-SPV-IM', 'demo-supervisor-2026');
  await page.getByRole('heading', { name: /Selamat bertugas/ }).waitFor();
  await keys.tabTo('.tile:nth-child(2)');
  await keys.press('Enter'); // review
  await page.getByTestId('awaiting-list').waitFor();
  await keys.tabTo('[data-testid="awaiting-list"] button');
  await keys.press('Enter');
  await page.getByTestId('case-number').waitFor();
  await keys.tabTo('[data-testid="countersign"]');
  await keys.press('Enter');
  await page.getByText(/Ditandatangani supervisor/).waitFor();
  return keys;
}

type AxeResult = { violations: { id: string; impact: string; nodes: unknown[] }[] };
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axeScan(page: Page): Promise<AxeResult['violations']> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => (await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe.run(document, { resultTypes: ['violations'] })));
  return result.violations;
}

async function scanEveryScreen(page: Page, host: BrowserHost, language: 'id' | 'en'): Promise<Map<string, AxeResult['violations']>> {
  const found = new Map<string, AxeResult['violations']>();
  const scan = async (name: string) => found.set(name, await axeScan(page));
  await page.goto(host.launchUrl);
  await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
  await page.locator('form').first().waitFor();
  await scan('sign-in');
  const label = (id: string, en: string) => (language === 'id' ? id : en);
  await page.getByLabel(label('Nomor petugas (NIP)', 'Officer number (NIP)')).fill('DEMO-ADMIN');
  await page.getByLabel(label('Kata sandi', 'Password'), { exact: true }).fill('demo-admin-2026');
  await page.keyboard.press('Enter');
  await page.locator('.tiles').waitFor();
  await scan('home');
  for (const [tile, name] of [
    [label('Tinjauan & pencarian', 'Review & search'), 'review'],
    [label('Kelola petugas', 'Manage officers'), 'officers'],
    [label('Pengaturan meja', 'Desk settings'), 'settings'],
    [label('Log audit', 'Audit log'), 'audit'],
    [label('Data referensi', 'Reference data'), 'reference'],
  ] as const) {
    await page.getByRole('button', { name: new RegExp(tile) }).click();
    await page.locator('main h1').first().waitFor();
    await page.waitForTimeout(300);
    await scan(name);
    await page.getByRole('button', { name: new RegExp(label('Kembali', 'Back')) }).click();
  }
  await page.getByRole('button', { name: new RegExp(label('Pemeriksaan baru', 'New clarification')) }).click();
  await page.locator('textarea').first().fill(passport(language === 'id' ? 'K4000004' : 'K4000005', 'SCAN').join('\n'));
  await scan('new-case');
  await page.keyboard.press('Enter');
  await page.getByTestId('case-number').waitFor();
  await page.locator('.questions > li').first().waitFor();
  await scan('case-open');
  await page.keyboard.press('Alt+T');
  await page.locator('.decision-form').waitFor();
  await scan('case-tunda-form');
  await page.keyboard.press('Alt+S');
  await page.waitForTimeout(300);
  await scan('case-tunda-errors');
  await page.locator('#reason-filter').fill('OTHER');
  await page.getByTestId('reason-matches').locator('input').first().check();
  await page.locator('#legal-ground').selectOption({ index: 1 });
  await page.locator('#decision-note').fill('Catatan.');
  await page.keyboard.press('Alt+S');
  await page.getByTestId('decision').waitFor();
  await scan('case-decided');
  await page.keyboard.press('Alt+C');
  await page.locator('.slip-paper').waitFor();
  await scan('slip');
  await page.getByRole('button', { name: label('Kunci layar', 'Lock screen') }).click();
  await page.locator('.lock-layout').waitFor();
  await scan('lock');
  return found;
}

async function main() {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npx vite build');
  const dataDir = mkdtempSync(join(tmpdir(), 'meja-bench-keys-'));
  let core: DeskCore | undefined;
  let host: BrowserHost | undefined;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    core = await openCore({ dataDir, demo: true });
    host = await startBrowserHost({ core, rendererDir: RENDERER_DIR });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.launchUrl);
    await page.getByLabel('Nomor petugas (NIP)').fill('DEMO-BP');
    await page.getByLabel('Kata sandi', { exact: true }).fill('demo-petugas-2026');
    await page.keyboard.press('Enter');
    await page.locator('.tiles').waitFor();
    const clear = await clearPath(page);
    await page.getByRole('button', { name: /Kembali/ }).click();
    const tunda = await tundaPath(page);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByLabel('Nomor petugas (NIP)').fill('DEMO-IM');
    await page.getByLabel('Kata sandi', { exact: true }).fill('demo-petugas-2026');
    await page.keyboard.press('Enter');
    await page.locator('.tiles').waitFor();
    const withdrawal = await passportPath(page);
    await page.getByRole('button', { name: 'Keluar' }).click();

    console.log('Keyboard-only paths at 1366×768 (keys pressed, of which Tabs; before issue #19 in brackets):');
    for (const [name, keys, before] of [
      ['clear, five-question interview', clear, BEFORE.clear],
      ['Tunda with its slip', tunda, BEFORE.tunda],
      ['passport action with countersignature', withdrawal, BEFORE.passport],
    ] as const) {
      console.log(`  ${name.padEnd(40)} ${String(keys.keys).padStart(4)} keys, ${String(keys.tabs).padStart(3)} Tabs   (${before} keys; ${(keys.keys / before).toFixed(2)}×)`);
    }

    console.log('\naxe-core scan of every screen (violations: rule ids, nodes):');
    let rules = new Set<string>();
    let nodes = 0;
    for (const language of ['id', 'en'] as const) {
      const scanPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const found = await scanEveryScreen(scanPage, host, language);
      for (const [screen, violations] of found) {
        const count = violations.reduce((sum, v) => sum + v.nodes.length, 0);
        nodes += count;
        rules = new Set([...rules, ...violations.map((v) => v.id)]);
        console.log(`  ${language} ${screen.padEnd(18)} ${violations.length === 0 ? 'none' : violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`);
      }
      await scanPage.close();
    }
    console.log(`  total: ${rules.size} rules, ${nodes} nodes${rules.size ? ` (${[...rules].join(', ')})` : ''}   (before issue #19: 2 rules, 8 nodes)`);
  } finally {
    await browser.close();
    await host?.close();
    core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
