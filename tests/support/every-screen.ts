// Owns the walk through every screen of the desk in one language, for checks that must see them all (the axe
// scan of bench:a11y and tests/e2e/a11y.spec.ts): first-run setup on an empty desk, then on a demo desk sign-in,
// home and every tile, a new case, a case with its Tunda form empty, refused and filled, the decided case, its
// slip, the report, the supervisor's daily review and review of that hold, and the lock screen, ending signed out. Labels come
// from the catalogue.
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/contract';
import { translate, type MessageKey } from '../../shared/i18n/catalogue';
import { generateMrz } from '../../shared/mrz';

/** Called on each screen once it has settled; `screen` is a stable name for reports. */
export type VisitScreen = (screen: string) => Promise<void>;

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.getByRole('button', { name: language.toUpperCase(), exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/** Lets the screen's first calls answer before it is looked at. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
}

/** The first-run setup of an empty desk (the launch address of a desk without any officer). */
export async function walkFirstRun(page: Page, launchUrl: string, language: Language, visit: VisitScreen): Promise<void> {
  await page.goto(launchUrl);
  await page.locator('main h1').first().waitFor();
  await chooseLanguage(page, language);
  await settled(page);
  await visit('first-run');
}

/** Every screen of a demo desk (accounts DEMO-ADMIN / demo-admin-2026), signed in as its admin. */
export async function walkEveryScreen(page: Page, launchUrl: string, language: Language, visit: VisitScreen): Promise<void> {
  const t = (key: MessageKey) => translate(language, key);
  const home = async () => {
    await page.getByRole('button', { name: t('nav.back') }).first().click();
    await page.locator('.tiles').waitFor();
  };
  await page.goto(launchUrl);
  // In whichever language the desk last showed: the switch follows.
  await page.getByRole('heading', { name: new RegExp(`^(${translate('id', 'signIn.title')}|${translate('en', 'signIn.title')})$`) }).waitFor();
  await chooseLanguage(page, language);
  await settled(page);
  await visit('sign-in');
  await page.getByLabel(t('field.officerNumber')).fill('DEMO-ADMIN');
  await page.getByLabel(t('field.password'), { exact: true }).fill('demo-admin-2026');
  await page.keyboard.press('Enter');
  await page.locator('.tiles').waitFor();
  await settled(page);
  await visit('home');
  for (const [tile, screen] of [
    ['home.tile.review', 'review'],
    ['home.tile.dailyReview', 'daily-review'],
    ['home.tile.officers', 'officers'],
    ['home.tile.settings', 'settings'],
    ['home.tile.audit', 'audit'],
    ['home.tile.reference', 'reference'],
  ] as const) {
    await page.getByRole('button', { name: exactly(t(tile)) }).click();
    await page.locator('main h1').first().waitFor();
    await settled(page);
    await visit(screen);
    await home();
  }

  await page.getByRole('button', { name: exactly(t('home.tile.newCase')) }).click();
  const mrz = generateMrz('TD3', {
    documentCode: 'P',
    issuingState: 'IDN',
    nationality: 'IDN',
    primaryIdentifier: language === 'id' ? 'PINDAI' : 'SCAN',
    secondaryIdentifier: 'LAYAR',
    documentNumber: language === 'id' ? 'A1100001' : 'A1100002',
    birthDate: '1994-02-03',
    sex: 'F',
    expiryDate: '2031-05-06',
  });
  await page.getByLabel(t('scan.mrzLabel')).fill(mrz.join('\n'));
  await page.getByTestId('mrz-preview').waitFor();
  await settled(page);
  await visit('new-case');
  await page.keyboard.press('Enter');
  await page.getByTestId('case-number').waitFor();
  await page.locator('.questions > li').first().waitFor();
  await settled(page);
  await visit('case-open');
  await page.keyboard.press('Alt+T');
  await page.locator('.decision-form').waitFor();
  await visit('case-tunda-form');
  await page.keyboard.press('Alt+S');
  await page.locator('#reasons-error:not(:empty)').waitFor();
  await visit('case-tunda-refused');
  await page.locator('#reason-filter').fill('PMI');
  await page.getByTestId('reason-matches').locator('input').first().check();
  await page.locator('#legal-ground').selectOption({ index: 1 });
  await page.locator('#decision-note').fill(language === 'id' ? 'Catatan petugas.' : "Officer's note.");
  await page.keyboard.press('Alt+S');
  await page.getByTestId('decision').waitFor();
  await settled(page);
  await visit('case-decided');
  await page.keyboard.press('Alt+C');
  await page.locator('.slip-paper').waitFor();
  await settled(page);
  await visit('slip');
  await home();

  // The report, with today's hold in its week: tables and charts to scan.
  await page.getByRole('button', { name: exactly(t('home.tile.report')) }).click();
  await page.getByTestId('report-head').waitFor();
  await settled(page);
  await visit('report');
  await home();

  await page.getByRole('button', { name: exactly(t('home.tile.dailyReview')) }).click();
  await page.getByTestId('queue-row').first().click();
  await page.getByTestId('case-review').waitFor();
  await settled(page);
  await visit('review-case');
  await page.getByRole('button', { name: t('header.lockNow') }).click();
  await page.locator('.lock-layout').waitFor();
  await settled(page);
  await visit('lock');
  // The desk's session outlives the page: leave it signed out, as the walk found it.
  await page.locator('.lock-layout section').first().getByLabel(t('field.password')).fill('demo-admin-2026');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: t('header.signOut') }).click();
  await page.getByLabel(t('field.officerNumber')).waitFor();
}
