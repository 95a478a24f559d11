// The clarification case as an officer works it in the browser host: the fast path through the triage, a Tunda with
// reasons and ground seen again as history, passport actions, amendments, a desk reader's burst, and a refused file.
import type { Page } from '@playwright/test';
import { ADMIN, completeFirstRun, expect, signIn, signOut, test } from './desk-fixture';
import { deviceTypes, passport as idPassport } from './queue-tools';

// Born 1998: the cases here keep the traveller they were written with.
const passport = (documentNumber: string, primary: string, secondary: string) => idPassport(documentNumber, primary, secondary, '1998-02-03');

async function readByTyping(page: Page, lines: string[]): Promise<void> {
  await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
  await page.getByLabel('Baris MRZ').fill(lines.join('\n'));
  await expect(page.getByTestId('mrz-preview')).toContainText('Semua digit periksa benar.');
}

test('a traveller with no indicators is cleared after the triage, one key per answer, then Enter for the next', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await readByTyping(page, passport('B7654321', 'PRATAMA', 'RIZKY'));
  await shot(page, '1-reading');
  await page.keyboard.press('Enter'); // open the case
  await expect(page.getByTestId('case-number')).toHaveText(/^PLM-D01-\d{6}-0001$/);
  await expect(page.getByRole('heading', { name: 'Triase' })).toBeVisible();
  await shot(page, '2-case');
  // Tourism, this flight's country, return ticket, own trip, own stay, nothing observed: six keys.
  for (let i = 0; i < 6; i++) await page.keyboard.press('1');
  await expect(page.getByTestId('risk-level')).toHaveText('RENDAH');
  await expect(page.getByRole('button', { name: /Bersih, boleh lanjut/ })).toBeEnabled();
  await page.keyboard.press('Alt+B'); // clear
  await expect(page.getByTestId('decision')).toHaveText('Bersih');
  await shot(page, '3-cleared');
  await page.keyboard.press('Enter'); // next traveller
  await expect(page.getByRole('heading', { name: 'Baca paspor' })).toBeVisible();
});

test('indicators lead to a Tunda with reasons and ground, and the same passport shows it at the top next time', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  const lines = passport('C2223334', 'WULANDARI', 'SRI');
  await readByTyping(page, lines);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-number')).toBeVisible();
  await page.getByLabel('Bandara tujuan').fill('PNH');
  await page.getByRole('button', { name: 'Simpan perjalanan' }).click();
  await expect(page.getByTestId('destination-country')).toContainText('KHM');
  await page.getByRole('group', { name: 'Apa yang akan Anda lakukan di sana dari hari ke hari?' }).getByText('Bekerja').click();
  await expect(page.getByTestId('risk-level')).not.toHaveText('RENDAH');
  await shot(page, '1-indicators');
  await page.keyboard.press('Alt+T');
  await page.getByLabel('Dasar hukum').selectOption('UU18_2017_PMI_PROTECTION');
  await page.getByLabel('Catatan', { exact: true }).fill('Akan bekerja di Kamboja tanpa dokumen PMI. <b>bukan html</b>');
  await shot(page, '2-tunda-form');
  await page.getByRole('button', { name: /Simpan keputusan/ }).click();
  await expect(page.getByTestId('decision')).toHaveText('Tunda keberangkatan');
  await expect(page.getByTestId('note')).toHaveText('Akan bekerja di Kamboja tanpa dokumen PMI. <b>bukan html</b>');
  await shot(page, '3-tunda-saved');

  await page.getByRole('button', { name: /Pelaku perjalanan berikutnya/ }).click();
  await page.getByLabel('Baris MRZ').fill(lines.join('\n'));
  await page.keyboard.press('Enter');
  const history = page.getByTestId('history');
  await expect(history).toContainText('Tunda keberangkatan');
  await expect(history).toContainText(ADMIN.name);
  await expect(history).toContainText('nomor paspor sama');
  await shot(page, '4-history-on-return');
});

test('a passport action is for Imigrasi officers and waits for a supervisor countersignature', async ({ page, desk, shot }) => {
  await desk.start({ demo: true });
  await desk.open(page);
  await signIn(page, 'DEMO-BP', 'demo-petugas-2026');
  await readByTyping(page, passport('D1112223', 'SANTOSO', 'BUDI'));
  await page.keyboard.press('Enter');
  // A BP3MI officer is not offered the action at all (and the core refuses it: see the integration tests).
  await expect(page.getByRole('button', { name: /Penarikan paspor/ })).toHaveCount(0);
  await signOut(page);

  await signIn(page, 'DEMO-IM', 'demo-petugas-2026');
  await page.getByRole('button', { name: /^Tinjauan & pencarian/ }).click();
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await page.getByTestId('search-results').getByRole('button', { name: 'Buka' }).first().click();
  // The shortcut works once the case has loaded (its decision panel listens for it): wait for the
  // panel, and press again if the first press came before the listener (choosing twice is harmless).
  await expect(page.getByRole('button', { name: /Penarikan paspor/ })).toBeVisible();
  await expect(async () => {
    await page.keyboard.press('Alt+P');
    await expect(page.getByText('Cocok dengan daftar pengawasan')).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.getByText('Cocok dengan daftar pengawasan').click();
  await page.getByLabel('Dasar hukum').selectOption('PERMENKUMHAM_8_2014_PREVENTION_LIST');
  await page.getByLabel('Catatan', { exact: true }).fill('Tercantum dalam daftar pencegahan.');
  await page.getByRole('button', { name: /Simpan keputusan/ }).click();
  await expect(page.getByTestId('awaiting')).toHaveText('MENUNGGU TANDA TANGAN SUPERVISOR');
  await shot(page, '1-awaiting');
  await signOut(page);

  await signIn(page, 'DEMO-SPV-IM', 'demo-supervisor-2026');
  await page.getByRole('button', { name: /^Tinjauan & pencarian/ }).click();
  await page.getByTestId('awaiting-list').getByRole('button', { name: 'Buka' }).click();
  // The work waiting for the supervisor has the focus.
  await expect(page.getByRole('button', { name: 'Tandatangani' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Ditandatangani supervisor Hendra Wijaya/)).toBeVisible();
  await shot(page, '2-countersigned');
});

test('an amendment keeps the original visible', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await readByTyping(page, passport('E5556667', 'HASIBUAN', 'NUR'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Rujuk ke BP3MI/ })).toBeVisible();
  await page.keyboard.press('Alt+R');
  await page.getByLabel('Dasar hukum').selectOption('UU18_2017_PMI_PROTECTION');
  await page.getByText('Belum ada izin suami/istri').click();
  await page.getByLabel('Catatan', { exact: true }).fill('Dirujuk ke shelter BP3MI');
  await page.getByRole('button', { name: /Simpan keputusan/ }).click();
  await page.getByLabel('Nilai baru').fill('Dirujuk ke shelter BP3MI Palembang');
  await page.getByLabel('Alasan perubahan').fill('Nama shelter dilengkapi');
  await page.getByRole('button', { name: 'Simpan amandemen' }).click();
  await expect(page.getByTestId('note')).toHaveText('Dirujuk ke shelter BP3MI Palembang');
  await expect(page.getByTestId('amendments')).toContainText('"Dirujuk ke shelter BP3MI" → "Dirujuk ke shelter BP3MI Palembang" (Nama shelter dilengkapi)');
  await shot(page, 'amended');
});

test('a person typing MRZ-like text slowly is not taken for a reader', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  // Both lines, enough characters for a reading, but at a fast person's pace.
  await page.keyboard.type(passport('G1112223', 'LUBIS', 'ANI').join(''), { delay: 70 });
  await page.waitForTimeout(500);
  await expect(page.getByRole('heading', { name: 'Baca paspor' })).toHaveCount(0);
});

test('a desk reader burst opens a reading from the home screen', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  const lines = passport('F9998887', 'SIREGAR', 'INDAH');
  // A reader types each line a few milliseconds a key, then Enter.
  await deviceTypes(page, `${lines.join('\n')}\n`);
  await expect(page.getByRole('heading', { name: 'Baca paspor' })).toBeVisible();
  await expect(page.getByText('Diterima dari pembaca paspor.')).toBeVisible();
  await expect(page.getByTestId('mrz-preview')).toContainText('F9998887');
  await shot(page, 'reader-burst');
});

test('a desk reader whose first keys come at an uneven pace is read whole, its first character included', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  const lines = passport('F9998888', 'SIREGAR', 'INDAH');
  // A reader's first gap can be 15-30 ms before it settles at a few ms a key: the leading "P" is still its own.
  await page.evaluate(async (typed) => {
    const key = (ch: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key: ch === '\n' ? 'Enter' : ch, bubbles: true, cancelable: true }));
    key(typed[0]!);
    await new Promise((resolve) => setTimeout(resolve, 25));
    for (const ch of typed.slice(1)) key(ch);
  }, `${lines.join('\n')}\n`);
  await expect(page.getByText('Diterima dari pembaca paspor.')).toBeVisible();
  await expect(page.getByLabel('Baris MRZ')).toHaveValue(lines.join('\n'));
  await expect(page.getByTestId('mrz-preview')).toContainText('Semua digit periksa benar.');
});

test('a bad checklist file is refused with its problems listed, and the version in use stays', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await page.getByRole('button', { name: /Data referensi/ }).click();
  const before = await page.getByTestId('reference-versions').textContent();
  await page.getByLabel('Berkas JSON').setInputFiles({
    name: 'checklist.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: '', questions: [{ id: 'q', type: 'single' }], indicators: [{ id: 'i', when: { question: 'nope' } }] })),
  });
  await page.getByRole('button', { name: 'Impor' }).click();
  await expect(page.getByTestId('problems')).toContainText('Berkas ditolak; versi yang dipakai tidak berubah.');
  expect(await page.getByTestId('problems').locator('li').count()).toBeGreaterThan(2);
  await expect(page.getByTestId('reference-versions')).toHaveText(before ?? '');
  await shot(page, 'refused-file');
});
