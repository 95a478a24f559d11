// Reflow (WCAG 1.4.10, issue #19): every signed-in screen, the sign-in and lock screens, a case with its decision
// form open, a decided case and its slip, at 200% zoom of the desk monitors (1366×768 and 1024×768 seen at 200%
// are 683×384 and 512×384 CSS pixels) and at 1024×768: nothing scrolls sideways. Each screen is measured by
// scrollWidth against the window and photographed; one test per size reports every screen that overflows.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './desk-fixture';
import { openCaseByTyping, passport, sidewaysOverflow } from './queue-tools';

const SIZES = [
  { name: '1366x768-at-200pct', width: 683, height: 384 },
  { name: '1024x768-at-200pct', width: 512, height: 384 },
  { name: '1024x768', width: 1024, height: 768 },
];

const home = async (page: Page) => {
  await page.getByRole('button', { name: 'Kembali ke beranda' }).first().click();
  await expect(page.getByRole('heading', { name: /Selamat bertugas/ })).toBeVisible();
};
const tile = async (page: Page, name: RegExp, heading: RegExp) => {
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
};

/** Names the deepest elements reaching past the window's right edge, so a failure says what to fix. */
function widestElements(page: Page): Promise<string> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    const past = Array.from(document.querySelectorAll<HTMLElement>('body *')).filter(
      (el) => el.getBoundingClientRect().right > edge + 0.5 && !Array.from(el.children).some((c) => c.getBoundingClientRect().right > edge + 0.5),
    );
    return past
      .slice(0, 4)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`)
      .join(', ');
  });
}

/** Collects every screen that scrolls sideways, with a photograph of each. */
function overflowMeter(page: Page, shot: (page: Page, name: string) => Promise<void>, size: string) {
  const overflowing: string[] = [];
  return {
    overflowing,
    async measure(screen: string) {
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) overflowing.push(`${screen}: ${overflow} px (${await widestElements(page)})`);
      await shot(page, `${size}-${screen}`);
    },
  };
}

for (const size of SIZES) {
  test(`no admin screen scrolls sideways at ${size.name}`, async ({ page, desk, shot }) => {
    test.slow(); // many screens in one run: a loaded machine needs the room
    await page.setViewportSize({ width: size.width, height: size.height });
    await desk.start({ demo: true });
    await desk.open(page);
    const { measure, overflowing } = overflowMeter(page, shot, size.name);
    await expect(page.getByRole('heading', { name: 'Masuk petugas' })).toBeVisible();
    await measure('sign-in');
    await signIn(page, 'DEMO-ADMIN', 'demo-admin-2026');
    await expect(page.getByRole('heading', { name: /Selamat bertugas/ })).toBeVisible();
    await measure('home-admin');
    for (const [screen, name] of [
      ['review', /^Tinjauan & pencarian/],
      ['officers', /^Kelola petugas/],
      ['settings', /^Pengaturan meja/],
      ['audit', /^Log audit/],
      ['reference', /^Data referensi/],
    ] as const) {
      await tile(page, name, name);
      await measure(screen);
      await home(page);
    }
    expect(overflowing, 'screens that scroll sideways').toEqual([]);
  });

  test(`no screen of the officer's case path scrolls sideways at ${size.name}`, async ({ page, desk, shot }) => {
    test.slow(); // many screens in one run: a loaded machine needs the room
    await page.setViewportSize({ width: size.width, height: size.height });
    await desk.start({ demo: true });
    await desk.open(page);
    const { measure, overflowing } = overflowMeter(page, shot, size.name);
    await signIn(page, 'DEMO-IM', 'demo-petugas-2026');
    await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
    await expect(page.getByLabel('Baris MRZ')).toBeVisible();
    await measure('new-case');
    await home(page);
    await openCaseByTyping(page, passport('Q3000001', 'KURNIASIH', 'NUR AINI BINTI ABDULLAH'));
    await measure('case');
    await page.keyboard.press('Alt+T');
    await page.locator('.decision-form input[type=checkbox]').first().check();
    // The longest legal ground is the widest thing the form holds.
    const ground = page.locator('#legal-ground');
    const longest = await ground.evaluate((select: HTMLSelectElement) =>
      Array.from(select.options).reduce((a, o) => (o.text.length > a.text.length ? o : a)).value,
    );
    await ground.selectOption(longest);
    await page.getByLabel('Catatan', { exact: true }).fill('Dokumen kerja belum ada; diarahkan ke BP3MI.');
    await measure('decision-form');
    await page.keyboard.press('Alt+S');
    await expect(page.getByTestId('decision')).toHaveText('Tunda keberangkatan');
    await measure('decided-case');
    await page.getByTestId('open-slip').click();
    await expect(page.getByRole('heading', { name: /Surat rujukan/ })).toBeVisible();
    await measure('slip');
    await page.getByRole('button', { name: 'Kunci layar' }).click();
    await expect(page.getByRole('heading', { name: 'Layar terkunci' })).toBeVisible();
    await measure('lock');
    expect(overflowing, 'screens that scroll sideways').toEqual([]);
  });
}
