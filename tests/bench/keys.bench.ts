// Keyboard-only benchmark of the officer's three paths at the queue, at 1366×768 in the real renderer (Chromium
// against the browser host): keys and Tabs per path beside the figures measured before issue #19. A benchmark,
// not a test: it prints figures. The accessibility scan of every screen is bench:a11y.
//   npm run bench:keys   (builds the renderer, then runs this file)
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type DeskCore } from '../../electron/core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import type { Checklist } from '../../shared/checklist';
import { generateMrz } from '../../shared/mrz';
import { CHROMIUM_ARGS } from '../../playwright.config';

const RENDERER_DIR = join(process.cwd(), 'dist', 'renderer');
const FAILURE_SHOT = join(process.cwd(), 'test-output', 'bench-keys-failure.png');
/** Measured by hand on main before issue #19 (the figures). */
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

/**
 * A trained officer's rhythm: the least time between two of their key presses. Keys pressed faster than a person can
 * (Playwright presses back to back) read as a device to the desk-reader catcher, as they should.
 */
const PERSON_GAP_MS = 130;

/** Counts what the officer presses, at a person's pace; the desk reader's burst is a device and is not counted. */
class Keys {
  keys = 0;
  tabs = 0;
  private last = 0;
  constructor(private readonly page: Page) {}
  private async pace() {
    const wait = this.last + PERSON_GAP_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.last = Date.now();
  }
  async press(key: string, times = 1) {
    for (let i = 0; i < times; i++) {
      await this.pace();
      await this.page.keyboard.press(key);
      this.keys++;
      if (key === 'Tab' || key === 'Shift+Tab') this.tabs++;
    }
  }
  async type(text: string) {
    await this.pace();
    await this.page.keyboard.type(text, { delay: PERSON_GAP_MS });
    this.last = Date.now();
    this.keys += text.length;
  }
  /** Tabs until the focused element matches, back (Shift+Tab) when it lies before the focus; every Tab counts. */
  async tabTo(matches: string, limit = 80) {
    const before = await this.page.evaluate((selector) => {
      const target = document.querySelector(selector);
      const focused = document.activeElement;
      return !!target && !!focused && focused !== document.body && (target.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    }, matches);
    for (let i = 0; i < limit; i++) {
      if (await this.page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
      await this.press(before ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`No focus on ${matches} after ${limit} Tabs`);
  }
  /** Answers the shown question by keyboard: text typed into its field, or a choice by its digit. */
  async answer(id: string, answer: number | string) {
    const question = `[data-question="${id}"]`;
    // A one-key answer moves the focus on to the next open question; only a question not yet in focus needs Tabs.
    const inQuestion = await this.page.evaluate((selector) => document.querySelector(selector)?.contains(document.activeElement) ?? false, question);
    if (!inQuestion) await this.tabTo(`${question} input`);
    if (typeof answer === 'string') return this.type(answer);
    if (answer < 9) return this.press(String(answer + 1)); // the option's number, as shown beside it
    // Past the ninth option there is no digit: in a radio group the arrows move and choose at once.
    await this.tabTo(`${question} input`);
    await this.press('ArrowDown', answer);
  }
}

/**
 * The desk reader types the MRZ lines a few milliseconds a key, then Enter. Playwright's own typing on a loaded machine
 * is slower and uneven, so the keys are dispatched in the page at a device's pace.
 */
async function readPassport(page: Page, lines: string[]) {
  await page.evaluate((typed) => {
    const target = document.activeElement ?? document.body;
    for (const ch of typed) target.dispatchEvent(new KeyboardEvent('keydown', { key: ch === '\n' ? 'Enter' : ch, bubbles: true, cancelable: true }));
  }, `${lines.join('\n')}\n`);
  await page.getByText(/Diterima dari pembaca paspor|Received from the passport reader/).waitFor();
}

async function signIn(page: Page, keys: Keys, officerNumber: string, password: string) {
  await keys.type(officerNumber);
  await keys.press('Tab');
  await keys.type(password);
  await keys.press('Enter');
}

type Answer = string | number | boolean | string[];

/** What a traveller at the queue answers, by question id, in any checklist version; unlisted required questions take their first option, unlisted optional ones stay empty. */
const TOURIST: Record<string, Answer> = {
  purpose: 'tourism',
  final_destination: 'flight_country',
  destination_country: 'MYS',
  return_ticket: true,
  arranged_by: 'self_family',
  stay_meet: 'own_arrangement',
  officer_observation: ['none'],
  travel_companions: 'alone',
  going_to_work: false,
  work_intent: false,
};
const WORKER_WITHOUT_DOCUMENTS: Record<string, Answer> = {
  purpose: 'work',
  id_pmi: 'none',
  has_id_pmi: false,
  final_destination: 'flight_country',
  destination_country: 'MYS',
  destination_city: 'Johor Bahru',
  arranged_by: 'self_family',
  stay_meet: 'employer',
  officer_observation: ['none'],
  private_setting: 'alone_already',
  travel_companions: 'alone',
  visa_type: 'tourist',
  job_type: 'domestic',
  job_found_via: 'family_friend',
  has_work_visa: false,
  has_contract: false,
  family_consent: true,
  monthly_pay_idr: '5000000',
  documents_holder: 'self',
  documents_held: false,
  debt: 'none',
  met_on_arrival: false,
  address_known: true,
  earlier_trouble: false,
};

/** The checklist the desk judges new cases with, for option order (the screen shows options in that order). */
async function checklistInUse(core: DeskCore): Promise<Checklist> {
  const current = await core.dispatch('reference.current', {});
  if (!current.ok) throw new Error(current.error.message);
  return (current.value as { checklist: Checklist }).checklist;
}

/** Answers, by keyboard and in order, every shown question without an answer until none is left (answers show more). */
async function answerShown(page: Page, keys: Keys, checklist: Checklist, traveller: Record<string, Answer>): Promise<void> {
  const leftEmpty: string[] = []; // optional questions this traveller has nothing for, left as the officer leaves them
  for (let round = 0; round < 80; round++) {
    const next = await page.evaluate((skipped) => {
      const open = Array.from(document.querySelectorAll<HTMLLIElement>('.questions > li[data-question]')).find((li) => {
        if (skipped.includes(li.dataset.question!)) return false;
        const options = li.querySelectorAll('input[type=radio], input[type=checkbox]');
        if (options.length > 0) return li.querySelectorAll('input:checked').length === 0;
        return (li.querySelector('input')?.value ?? '') === '';
      });
      return open ? { id: open.dataset.question! } : null;
    }, leftEmpty);
    if (!next) return;
    const question = checklist.questions.find((q) => q.id === next.id);
    if (!question) throw new Error(`Question ${next.id} is not in checklist ${checklist.version}`);
    const wanted = traveller[question.id];
    if (question.required !== true && wanted === undefined) {
      leftEmpty.push(question.id);
      continue;
    }
    const options = (question.options ?? []).map((o) => o.id);
    if (question.type === 'yes_no') await keys.answer(question.id, wanted === false ? 1 : 0);
    else if (question.type === 'single') await keys.answer(question.id, Math.max(0, options.indexOf(String(wanted))));
    else if (question.type === 'multiple') {
      const at = options.indexOf(Array.isArray(wanted) ? wanted[0]! : '');
      if (at < 0) {
        leftEmpty.push(question.id); // nothing of this list applies: it stays empty, as the officer leaves it
        continue;
      }
      await keys.answer(question.id, at); // ticks that box; "none" also moves on
    } else await keys.answer(question.id, String(wanted ?? (question.type === 'number' ? '12' : 'Kuala Lumpur')));
  }
  throw new Error('The interview never ended');
}

async function clearPath(page: Page, core: DeskCore): Promise<Keys> {
  const keys = new Keys(page);
  await readPassport(page, passport('K1000001', 'CLEAR'));
  await keys.press('Enter'); // open the case
  await page.getByTestId('case-number').waitFor();
  await page.locator('.questions > li').first().waitFor();
  await answerShown(page, keys, await checklistInUse(core), TOURIST);
  await keys.press('Alt+B');
  await page.getByTestId('decision').waitFor();
  await keys.press('Enter'); // next traveller
  await page.getByRole('heading', { name: /Baca paspor/ }).waitFor();
  return keys;
}

async function tundaPath(page: Page, core: DeskCore): Promise<Keys> {
  const keys = new Keys(page);
  await readPassport(page, passport('K2000002', 'TUNDA'));
  await keys.press('Enter');
  await page.getByTestId('case-number').waitFor();
  await page.locator('.questions > li').first().waitFor();
  await answerShown(page, keys, await checklistInUse(core), WORKER_WITHOUT_DOCUMENTS);
  // Straight after the last answer, within its debounce: the decision saves it first and its indicator reaches
  // the reasons and the untouched note.
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

async function main() {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npx vite build');
  const dataDir = mkdtempSync(join(tmpdir(), 'meja-bench-keys-'));
  let core: DeskCore | undefined;
  let host: BrowserHost | undefined;
  let page: Page | undefined;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    core = await openCore({ dataDir, demo: true });
    host = await startBrowserHost({ core, rendererDir: RENDERER_DIR });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.launchUrl);
    await page.getByLabel('Nomor petugas (NIP)').fill('DEMO-BP');
    await page.getByLabel('Kata sandi', { exact: true }).fill('demo-petugas-2026');
    await page.keyboard.press('Enter');
    await page.locator('.tiles').waitFor();
    const clear = await clearPath(page, core);
    await page.getByRole('button', { name: /Kembali/ }).click();
    const tunda = await tundaPath(page, core);
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
    console.log(`  machine load average (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  } catch (error) {
    // A path that stops half-way says where: the screen as it was is kept for a look.
    await page?.screenshot({ path: FAILURE_SHOT, fullPage: true });
    console.error(`The run stopped; the screen at that moment: ${FAILURE_SHOT}`);
    throw error;
  } finally {
    await browser.close();
    await host?.close();
    core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
