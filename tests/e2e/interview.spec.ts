// The triage interview (checklist 2026.6, in use on a new desk) as an officer works it in Chromium: a tourist answered one key per
// question and cleared in eight keystrokes after the reading, Clear not offered while the triage is open, and the
// private-interview prompt that comes before the sensitive questions once a triage answer trips a trigger.
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { CLEAR_TOURIST_TRIAGE } from '../fixtures/triage-answers';
import { completeFirstRun, expect, test, type Desk } from './desk-fixture';
import { deviceTypes, passport } from './queue-tools';

const TRAVELLER = passport('B2468013', 'HANDAYANI', 'DEWI', '1995-07-08');

async function readPassport(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
  await page.getByLabel('Baris MRZ').fill(TRAVELLER.join('\n'));
  await expect(page.getByTestId('mrz-preview')).toContainText('Semua digit periksa benar.');
}

/** A new desk's first run, the traveller's passport typed, and Enter: the triage's first question has the keys. */
async function openTriage(page: Page, desk: Desk): Promise<void> {
  await desk.open(page);
  await completeFirstRun(page);
  await readPassport(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Triase' })).toBeVisible();
}

test('a tourist is triaged one key per answer and cleared in eight keystrokes after the reading', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await readPassport(page);
  const keys: string[] = [];
  const press = async (key: string) => {
    keys.push(key);
    await page.keyboard.press(key);
  };
  await press('Enter'); // open the case
  await expect(page.getByRole('heading', { name: 'Triase' })).toBeVisible();
  await expect(page.getByText('Daftar periksa versi 2026.6')).toBeVisible();
  // Clear is not offered while the triage is unanswered, and Alt+B does not clear.
  await expect(page.getByRole('button', { name: /Bersih, boleh lanjut/ })).toBeDisabled();
  await expect(page.getByTestId('clear-needs-interview')).toBeVisible();
  await shot(page, '1-triage-open');

  // Earlier trouble abroad is asked with the return ticket, in the same answer: no key more than before 2026.6.
  await expect(page.getByRole('group', { name: /tiket pulang\? Pernahkah Anda tinggal melebihi izin, dideportasi, atau diamankan aparat di luar negeri/ })).toBeVisible();
  for (let i = 0; i < 6; i++) await press('1'); // tourism, this flight's country, return ticket and no trouble abroad, self, own stay, nothing observed
  await expect(page.getByRole('heading', { name: 'Wawancara lanjutan' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Bersih, boleh lanjut/ })).toBeEnabled();
  await expect(page.getByTestId('risk-level')).toHaveText('RENDAH');
  await expect(page.getByTestId('risk-suggestion')).toContainText('Pelaku perjalanan boleh melanjutkan perjalanan');
  await shot(page, '2-triage-answered');
  await press('Alt+B');
  await expect(page.getByTestId('decision')).toHaveText('Bersih');
  expect(keys).toHaveLength(8);
  await shot(page, '3-cleared');

  // What the core stored is what was keyed.
  const db = new Database(desk.core.databasePath, { readonly: true });
  const stored = db.prepare('SELECT answers, decision FROM cases').all() as { answers: string; decision: string }[];
  db.close();
  expect(stored).toHaveLength(1);
  expect(stored[0]?.decision).toBe('clear');
  // The fixture answers older checklists' return-ticket question too; the core keeps only the questions shown.
  expect(JSON.parse(stored[0]?.answers ?? '{}')).toEqual(Object.fromEntries(Object.entries(CLEAR_TOURIST_TRIAGE).filter(([id]) => id !== 'return_ticket')));
  expect(JSON.parse(stored[0]?.answers ?? '{}')).toMatchObject({ return_history: 'return_no_trouble' });
});

test('earlier trouble abroad is asked in the triage: a "yes" opens the full interview with the same number of keys', async ({ page, desk, shot }) => {
  await openTriage(page, desk);
  await page.keyboard.press('1'); // tourism
  await page.keyboard.press('1'); // this flight's country
  await page.keyboard.press('3'); // a return ticket, and has overstayed, been deported or been held abroad
  for (const key of ['1', '1', '1']) await page.keyboard.press(key); // self, own stay, nothing observed
  const full = page.getByRole('region', { name: 'Wawancara lanjutan' });
  await expect(full).toBeVisible();
  await expect(full.locator('.privacy-prompt')).toContainText('pisahkan pelaku perjalanan dari pendamping');
  await expect(page.getByTestId('risk')).toContainText('Pernah tinggal melebihi izin, dideportasi, diamankan aparat di luar negeri');
  await expect(page.getByTestId('risk-level')).toHaveText('SEDANG');
  // The full interview is open and unanswered: no clear is offered.
  await expect(page.getByRole('button', { name: /Bersih, boleh lanjut/ })).toBeDisabled();
  await shot(page, '1-earlier-trouble-opens-full-interview');
  // In private she says there was none: what she said at the triage still counts.
  await full.locator('.privacy-prompt').getByText('Sudah dipisahkan; ditanya sendiri').click();
  const privateAsk = page.getByRole('group', { name: /Pernahkah Anda tinggal melebihi izin, dideportasi, atau ditunda/ });
  await privateAsk.getByRole('radio', { name: 'Tidak', exact: true }).check();
  await expect(page.getByTestId('risk')).toContainText('Pernah tinggal melebihi izin, dideportasi, diamankan aparat di luar negeri');
  await expect(page.getByTestId('risk-level')).toHaveText('SEDANG');
  await shot(page, '2-private-denial-keeps-it');
});

test('a clear is not offered while one triage answer is missing: the button is off and Alt+B records nothing', async ({ page, desk, shot }) => {
  await openTriage(page, desk);
  // Five of the six answers: the officer's observations are still open.
  for (let i = 0; i < 5; i++) await page.keyboard.press('1');
  await expect(page.getByRole('group', { name: /Pengamatan petugas/ }).getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Bersih, boleh lanjut/ })).toBeDisabled();
  await expect(page.getByTestId('clear-needs-interview')).toBeVisible();
  // Nor does the risk panel say "may proceed" before the triage is answered.
  await expect(page.getByTestId('risk-suggestion')).toHaveText('Belum ada saran: jawab dulu semua pertanyaan yang tampil.');
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('decision')).toHaveCount(0);
  await shot(page, '0-clear-refused-triage-open');
  const db = new Database(desk.core.databasePath, { readonly: true });
  const stored = db.prepare('SELECT decision FROM cases').all() as { decision: string | null }[];
  db.close();
  expect(stored).toEqual([{ decision: null }]);
});

test('a triage answer that trips a trigger opens the full interview with the private-interview prompt first', async ({ page, desk, shot }) => {
  await openTriage(page, desk);
  for (const key of ['1', '1', '1']) await page.keyboard.press(key); // tourism, this flight's country, return ticket
  await page.keyboard.press('5'); // arranged and paid by a sponsor, recruiter or online contact: a trigger
  await page.keyboard.press('5'); // met by someone never met
  await page.keyboard.press('3'); // officer: appears afraid
  await page.keyboard.press('2'); // officer: someone else answers for her (observations combine)

  const full = page.getByRole('region', { name: 'Wawancara lanjutan' });
  await expect(full).toBeVisible();
  const prompt = full.locator('.privacy-prompt');
  await expect(prompt).toContainText('pisahkan pelaku perjalanan dari pendamping');
  await expect(prompt).toContainText('Petugas saja, jangan dibacakan');
  // The sensitive questions wait until the officer says the traveller is alone.
  await expect(page.getByRole('group', { name: /siapa yang memegang paspor/ })).toHaveCount(0);
  await expect(page.getByRole('group', { name: /berutang/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Bersih, boleh lanjut/ })).toBeDisabled();
  await expect(page.getByTestId('risk-level')).toHaveText('TINGGI');
  await shot(page, '1-private-prompt');

  await prompt.getByText('Sudah dipisahkan; ditanya sendiri').click();
  await expect(page.getByRole('group', { name: /siapa yang memegang paspor/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /berutang/ })).toBeVisible();
  await shot(page, '2-private-questions');
  // The suggestion routes her to the police with BP3MI, never to a routine check.
  await expect(page.getByTestId('risk-suggestion')).toContainText('Polres Bandara');
});

/** A through boarding pass as a scanner types it (IATA BCBP): PLM→KUL, then KUL→PNH, no conditional sections. */
const BOARDING_PASS =
  'M2HANDAYANI/DEWI      EXK4P2Q PLMKULAK 1305 337Y012A0042 100' + 'XK4P2Q KULPNHAK 0542 338Y015C0043 100';

test('the onward tickets are compared with the final destination: a boarding pass ending elsewhere is a mismatch, a transit is not', async ({ page, desk, shot }) => {
  await openTriage(page, desk);
  await page.keyboard.press('1'); // tourism
  await page.keyboard.press('2'); // further on, with an onward ticket
  await page.getByLabel('Negara tujuan akhir', { exact: true }).fill('Thailand');
  await expect(page.getByTestId('q-destination_country-resolved')).toHaveText('Thailand (THA)');

  // The scanner types the pass into its field (the desk-reader catcher leaves it there), then Enter.
  await page.getByLabel('Pindai atau tempel boarding pass (BCBP), lalu Enter').fill(BOARDING_PASS);
  await page.getByLabel('Pindai atau tempel boarding pass (BCBP), lalu Enter').press('Enter');
  await expect(page.getByTestId('q-onward_airports-pass-message')).toHaveText('Boarding pass dibaca: PLM→KUL, KUL→PNH');
  await expect(page.getByLabel(/Ke mana tiket lanjutannya/)).toHaveValue('KUL PNH');
  await expect(page.getByTestId('q-onward_airports-resolved')).toContainText('Tiket berakhir di Kamboja');
  const risk = page.getByTestId('risk');
  await expect(risk).toContainText('Tiket lanjutan berakhir di negara lain daripada tujuan akhir yang disebutkan');
  await expect(page.getByTestId('risk-level')).toHaveText('SEDANG');
  await expect(page.getByRole('region', { name: 'Wawancara lanjutan' })).toBeVisible();
  await shot(page, '1-pass-ends-elsewhere');

  // Tickets that land in KUL on the way to Bangkok: KUL is a transit, and nothing is raised.
  await page.getByLabel(/Ke mana tiket lanjutannya/).fill('KUL BKK');
  await expect(page.getByTestId('q-onward_airports-resolved')).toContainText('Tiket berakhir di Thailand');
  await expect(risk).not.toContainText('Tiket lanjutan berakhir di negara lain');
  await expect(page.getByRole('region', { name: 'Wawancara lanjutan' })).toHaveCount(0);
  await shot(page, '2-transit-not-a-mismatch');

  // Not a boarding pass: said so, and the airports stay as typed.
  await page.getByLabel('Pindai atau tempel boarding pass (BCBP), lalu Enter').fill('P<IDNHANDAYANI<<DEWI');
  await page.getByLabel('Pindai atau tempel boarding pass (BCBP), lalu Enter').press('Enter');
  await expect(page.getByTestId('q-onward_airports-pass-message')).toHaveText('Ini bukan boarding pass (BCBP). Ketik kode bandaranya.');
  await expect(page.getByLabel(/Ke mana tiket lanjutannya/)).toHaveValue('KUL BKK');
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  await expect
    .poll(async () => {
      const stored = await desk.core.dispatch('cases.get', { caseId: caseNumber });
      return stored.ok ? (stored.value as { answers: Record<string, unknown> }).answers.onward_airports : undefined;
    })
    .toEqual(['KUL', 'BKK']);
});

/** A 2D scanner types a pass as keystrokes a few milliseconds apart, then Enter, into whatever has the focus. */
const scannerTypes = (page: Page, text: string) => deviceTypes(page, `${text}\n`);

test('the desk scanner reads a boarding pass wherever the focus is: it fills the onward tickets, answers nothing else, and stays on the case', async ({ page, desk, shot }) => {
  await openTriage(page, desk);
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  await page.keyboard.press('1'); // tourism; the focus is now on the final destination's choices
  await expect(page.getByRole('group', { name: /tujuan akhir Anda/ }).getByRole('radio').first()).toBeFocused();

  // Scanned before the onward-ticket question is shown: read, said how to record it, and no key of it (the pass
  // starts "M2") answers the question that has the focus, nor does it open a new passport reading.
  await scannerTypes(page, BOARDING_PASS);
  await expect(page.getByTestId('boarding-pass-notice')).toContainText('Boarding pass dibaca: PLM→KUL, KUL→PNH. Untuk mencatatnya sebagai tiket lanjutan');
  await expect(page.getByTestId('case-number')).toHaveText(caseNumber);
  await expect(page.getByRole('group', { name: /tujuan akhir Anda/ }).getByRole('radio', { checked: true })).toHaveCount(0);
  await shot(page, '3-pass-before-the-question');

  await page.getByRole('group', { name: /tujuan akhir Anda/ }).getByRole('radio').nth(1).focus();
  await page.keyboard.press('2'); // further on, with an onward ticket
  await page.getByLabel('Negara tujuan akhir', { exact: true }).fill('Thailand');
  await expect(page.getByTestId('q-destination_country-resolved')).toHaveText('Thailand (THA)');
  // The focus stays in the country field: the scanner's burst is kept out of it and lands in the onward tickets.
  await scannerTypes(page, BOARDING_PASS);
  await expect(page.getByTestId('q-onward_airports-pass-message')).toHaveText('Boarding pass dibaca: PLM→KUL, KUL→PNH');
  await expect(page.getByLabel(/Ke mana tiket lanjutannya/)).toHaveValue('KUL PNH');
  await expect(page.getByLabel('Negara tujuan akhir', { exact: true })).toHaveValue('Thailand');
  await expect(page.getByTestId('risk')).toContainText('Tiket lanjutan berakhir di negara rute perdagangan orang');
  await expect(page.getByTestId('case-number')).toHaveText(caseNumber);
  await shot(page, '4-pass-fills-the-onward-tickets');
});

test('an answer key pressed a moment before the scanner fires still answers, and the pass is still read', async ({ page, desk }) => {
  await openTriage(page, desk);
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  // The officer's "1" and the scanner's first key come within a device's gap of each other (under 12 ms): the "1" is
  // the officer's answer, and the burst after it is the boarding pass.
  await deviceTypes(page, `1${BOARDING_PASS}\n`);
  await expect(page.getByTestId('boarding-pass-notice')).toContainText('Boarding pass dibaca: PLM→KUL, KUL→PNH');
  await expect(page.getByTestId('case-number')).toHaveText(caseNumber);
  await expect
    .poll(async () => {
      const stored = await desk.core.dispatch('cases.get', { caseId: caseNumber });
      return stored.ok ? (stored.value as { answers: Record<string, unknown> }).answers.purpose : undefined;
    })
    .toBe('tourism');
  await expect(page.getByRole('group', { name: /tujuan akhir Anda/ }).getByRole('radio', { checked: true })).toHaveCount(0);
});
