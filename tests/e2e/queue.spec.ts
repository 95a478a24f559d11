// At the queue, keyboard first, at 1366×768: the decision stays in reach after a long interview, a fast decision
// never loses the last answer, the lock returns the officer to the open case with the typed note, Enter on a
// button does that button's job, focus lands where the work is, and dates and browser checks speak the app's language.
import type { CDPSession } from '@playwright/test';
import { legalGround } from '../../shared/checklist';
import { ADMIN, completeFirstRun, expect, signIn, test } from './desk-fixture';
import { answerInterview, focusInfo, openCaseByTyping, passport } from './queue-tools';

test.use({ viewport: { width: 1366, height: 768 } });

test('Alt+T after a 20-question interview brings the Tunda form into view with the focus in it', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000001', 'LESTARI', 'AYU'));
  // The work starts at question 1.
  expect((await focusInfo(page)).tag).toBe('INPUT');
  await expect(page.locator('.questions > li').first().locator('input').first()).toBeFocused();
  const shown = await answerInterview(page, { 'Apa yang akan Anda lakukan': 'Bekerja', 'Tunjukkan ID PMI': 'Tidak ada', 'Di negara mana tujuan akhir': 'Lebih jauh, tiket lanjutan' });
  expect(shown).toBeGreaterThanOrEqual(20);
  await page.locator('.questions > li').last().locator('input').first().focus();
  await expect(page.getByTestId('risk-level')).toHaveText(/SEDANG|TINGGI/);
  // The first decision button never left the window while the interview scrolled by.
  const clear = page.getByRole('button', { name: /Bersih, boleh lanjut/ });
  expect(await clear.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight && el.getBoundingClientRect().top >= 0)).toBe(true);

  await page.keyboard.press('Alt+T');
  await expect(page.getByRole('button', { name: /Tunda keberangkatan/ })).toHaveAttribute('aria-pressed', 'true');
  const focus = await focusInfo(page);
  expect(focus.inView).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.closest('.decision-form') !== null)).toBe(true);
  // The reasons the interview raised are ticked, the ground they point to is chosen and readable in full.
  await expect(page.getByLabel('Belum punya ID PMI / e-KTKLN')).toBeChecked();
  const chosen = legalGround(await page.getByLabel('Dasar hukum').inputValue());
  expect(chosen?.outcomes).toContain('tunda');
  await expect(page.getByTestId('ground-full')).toContainText(`${chosen!.title.id} — ${chosen!.citation}`);
  await expect(page.getByLabel('Catatan', { exact: true })).toHaveValue(/Belum punya ID PMI/);
  await page.screenshot({ path: 'test-output/e2e/queue--alt-t-after-20-questions.png' });
  await shot(page, 'alt-t-full-page');
});

test('a decision pressed 50 ms after the last answer stores that answer and the reason it raises', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000002', 'RAHAYU', 'SITI'));
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  await answerInterview(page, { 'Apa yang akan Anda lakukan': 'Bekerja' }, ['Tunjukkan ID PMI']);
  // The form is ready before the last answer: Tunda, its ground, a note of the officer's own.
  await page.keyboard.press('Alt+T');
  await page.getByLabel('Dasar hukum').selectOption('UU18_2017_PMI_PROTECTION');
  await page.getByLabel('Catatan', { exact: true }).fill('Akan bekerja di Malaysia.');
  await expect(page.getByLabel('Belum punya ID PMI / e-KTKLN')).not.toBeChecked();

  await page.getByRole('group', { name: /Tunjukkan ID PMI/ }).getByText('Tidak ada').click();
  await page.waitForTimeout(50);
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('decision')).toHaveText('Tunda keberangkatan');
  await expect(page.locator('.banner-error')).toHaveCount(0);

  const stored = await desk.core.dispatch('cases.get', { caseId: caseNumber });
  if (!stored.ok) throw new Error(stored.error.message);
  const detail = stored.value as { answers: Record<string, unknown>; decisionDetail: { reasons: string[]; note: string } };
  expect(detail.answers.id_pmi).toBe('none');
  expect(detail.decisionDetail.reasons).toContain('NO_ID_PMI');
  expect(detail.decisionDetail.note).toBe('Akan bekerja di Malaysia.');
  // Nothing arrives after the decision to complain that the case is already decided.
  await page.waitForTimeout(800);
  await expect(page.locator('.banner-error')).toHaveCount(0);
});

test('an untouched note follows the reasons ticked after the form opens; an edited note stays as typed', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000010', 'PERTIWI', 'DEWI'));
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  await answerInterview(page, { 'Apa yang akan Anda lakukan': 'Bekerja' }, ['Tunjukkan ID PMI']);
  await page.keyboard.press('Alt+T');
  const note = page.getByLabel('Catatan', { exact: true });
  const before = await note.inputValue();
  expect(before).not.toContain('Ada luka yang terlihat.');
  // A reason ticked through the filter reaches the untouched note.
  await page.locator('#reason-filter').fill('luka');
  await page.getByTestId('reason-matches').getByText('Ada luka yang terlihat').click();
  await expect(note).toHaveValue(/Ada luka yang terlihat\./);
  // So does the indicator the last answer raises, even when the decision follows within the answer debounce.
  await page.getByRole('group', { name: /Tunjukkan ID PMI/ }).getByText('Tidak ada').click();
  await page.waitForTimeout(50);
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('decision')).toHaveText('Tunda keberangkatan');
  const stored = await desk.core.dispatch('cases.get', { caseId: caseNumber });
  if (!stored.ok) throw new Error(stored.error.message);
  const detail = stored.value as { decisionDetail: { reasons: string[]; note: string } };
  expect(detail.decisionDetail.reasons).toEqual(expect.arrayContaining(['NO_ID_PMI', 'VISIBLE_INJURIES']));
  expect(detail.decisionDetail.note).toContain('Belum punya ID PMI / e-KTKLN.');
  expect(detail.decisionDetail.note).toContain('Ada luka yang terlihat.');

  // A note the officer has typed in is theirs: a later tick leaves it as it is.
  await page.getByRole('button', { name: /Kembali/ }).click();
  await openCaseByTyping(page, passport('Q2000011', 'PERTIWI', 'RINA'));
  await page.keyboard.press('Alt+T');
  await note.fill('Ditanya ulang besok pagi.');
  await page.locator('#reason-filter').fill('luka');
  await page.getByTestId('reason-matches').getByText('Ada luka yang terlihat').click();
  await expect(page.getByTestId('reason-matches').getByLabel('Ada luka yang terlihat')).toBeChecked();
  await expect(note).toHaveValue('Ditanya ulang besok pagi.');
});

test('lock and unlock return to the open case with its typed note; another officer taking over sees neither', async ({ page, desk, shot }) => {
  await desk.start({ demo: true });
  await desk.open(page);
  await signIn(page, 'DEMO-BP', 'demo-petugas-2026');
  await openCaseByTyping(page, passport('Q2000003', 'PUSPITA', 'DINA'));
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  await page.keyboard.press('Alt+R');
  await page.getByLabel('Catatan', { exact: true }).fill('Catatan yang belum disimpan: tujuan Johor.');
  await page.getByLabel('Telepon').fill('+62 811 000 111');

  await page.getByRole('button', { name: 'Kunci layar' }).click();
  await expect(page.getByRole('heading', { name: 'Layar terkunci' })).toBeVisible();
  await expect(page.getByText('Catatan yang belum disimpan')).toHaveCount(0);
  await page.getByLabel('Kata sandi', { exact: true }).first().fill('demo-petugas-2026');
  await page.getByRole('button', { name: 'Buka kunci' }).click();
  await expect(page.getByTestId('case-number')).toHaveText(caseNumber);
  await expect(page.getByRole('button', { name: /Rujuk ke BP3MI/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Catatan', { exact: true })).toHaveValue('Catatan yang belum disimpan: tujuan Johor.');
  await expect(page.getByLabel('Telepon')).toHaveValue('+62 811 000 111');
  await shot(page, 'after-unlock');

  // Another officer takes the desk over: home, and nothing of the first officer's form.
  await page.getByRole('button', { name: 'Kunci layar' }).click();
  await signIn(page, 'DEMO-IM', 'demo-petugas-2026', 'Ambil alih');
  await expect(page.getByRole('heading', { name: /Selamat bertugas, Agus Saputra/ })).toBeVisible();
  await expect(page.getByTestId('case-number')).toHaveCount(0);
  expect(await desk.core.dispatch('session.draft', {})).toEqual({ ok: true, value: null });
});

test('the idle lock returns the officer to the case too', async ({ page, desk }) => {
  await desk.start({ idleLockMinutes: 0.1 });
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000004', 'WIDODO', 'ARI'));
  await page.keyboard.press('Alt+T');
  await page.getByLabel('Catatan', { exact: true }).fill('Diketik sebelum kunci otomatis.');
  await expect(page.getByRole('heading', { name: 'Layar terkunci' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Kata sandi', { exact: true }).first().fill(ADMIN.password);
  await page.getByRole('button', { name: 'Buka kunci' }).click();
  await expect(page.getByLabel('Catatan', { exact: true })).toHaveValue('Diketik sebelum kunci otomatis.');
});

test('Enter on "Cetak surat rujukan" opens the slip, and Enter on Print prints it, never the next traveller', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000005', 'SARI', 'MAYA'));
  await page.keyboard.press('Alt+T');
  await page.getByText('Dokumen perjalanan atau kerja belum lengkap').click();
  await page.getByLabel('Dasar hukum').selectOption('UU18_2017_PMI_PROTECTION');
  await page.getByLabel('Catatan', { exact: true }).fill('Dokumen kerja belum ada.');
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('decision')).toHaveText('Tunda keberangkatan');
  // Right after a hold, the slip is offered: it has the focus.
  await expect(page.getByTestId('open-slip')).toBeFocused();
  await shot(page, 'slip-offered');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Surat rujukan/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cetak/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('print-count')).toContainText('Dicetak 1 kali');
  await expect(page.getByRole('heading', { name: 'Baca paspor' })).toHaveCount(0);
  await shot(page, 'printed');
});

test('on a cleared case Enter on the page starts the next traveller, Enter on a field does not', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000006', 'UTAMI', 'RINA'));
  for (let i = 0; i < 6; i++) await page.keyboard.press('1'); // the tourist's triage, one key per answer
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('decision')).toHaveText('Bersih');
  await expect(page.getByTestId('next-traveller')).toBeFocused();
  await page.getByLabel('Nilai baru').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-number')).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Baca paspor' })).toBeVisible();
});

test('errors show beside their field and are announced; background saves leave them alone', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000007', 'KUSUMA', 'LINA'));
  await page.keyboard.press('Alt+L');
  await page.keyboard.press('Alt+S');
  const reasonsError = page.locator('#reasons-error');
  await expect(reasonsError).toHaveText('Keputusan selain Bersih memerlukan minimal satu alasan.');
  await expect(reasonsError).toHaveAttribute('role', 'alert');
  await expect(page.locator('#ground-error')).toHaveText('Keputusan selain Bersih memerlukan dasar hukum dari daftar.');
  await expect(page.locator('#note-error')).toHaveText('Keputusan selain Bersih memerlukan catatan.');
  // The cursor goes to the first field to fix, in view.
  await expect(page.locator('#reason-filter')).toBeFocused();
  await shot(page, 'errors-beside-fields');
  // An answer saved in the background does not wipe them.
  await page.getByRole('group', { name: 'Apa yang akan Anda lakukan di sana dari hari ke hari?' }).getByText('Wisata atau liburan').click();
  await page.waitForTimeout(900);
  await expect(reasonsError).toHaveText(/minimal satu alasan/);
  // Dealing with a field takes its error away, and only its error.
  await page.getByLabel('Catatan', { exact: true }).fill('Gelisah saat ditanya.');
  await expect(page.locator('#note-error')).toBeEmpty();
  await expect(reasonsError).toHaveText(/minimal satu alasan/);
  await page.locator('#reason-filter').fill('takut');
  await page.getByTestId('reason-matches').getByText('Tampak takut atau tertekan').click();
  await expect(reasonsError).toBeEmpty();
  // The note the officer typed is not redrafted from the reason.
  await expect(page.getByLabel('Catatan', { exact: true })).toHaveValue('Gelisah saat ditanya.');
});

test('focus lands where the work is; dates, browser checks and <html lang> follow the app language', async ({ page, desk }) => {
  await desk.start({ demo: true });
  await desk.open(page);
  await expect(page.getByLabel('Nomor petugas (NIP)')).toBeFocused();
  // The browser's own "fill this in" bubble speaks the app's language.
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  expect(await page.getByLabel('Nomor petugas (NIP)').evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('Isi bagian ini.');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  expect(await page.getByLabel('Officer number (NIP)').evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('Fill this in.');
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
  await signIn(page, 'DEMO-BP', 'demo-petugas-2026');
  await openCaseByTyping(page, passport('Q2000008', 'HANDAYANI', 'TRI'));
  // The travel date reads dd/mm/yyyy; a typed dd/mm/yyyy date is stored as the date it says.
  await expect(page.getByLabel('Tanggal terbang')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await page.getByLabel('Tanggal terbang').fill('05/12/2026');
  await page.getByLabel('Bandara tujuan').fill('KUL');
  await page.getByRole('button', { name: 'Simpan perjalanan' }).click();
  await expect(page.getByTestId('destination-country')).toContainText('MYS');
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  const stored = await desk.core.dispatch('cases.get', { caseId: caseNumber });
  expect(stored.ok && (stored.value as { travel: { travelDate: string } }).travel.travelDate).toBe('2026-12-05');
  // The country question finds a country by its name, as the airport field does.
  await page.getByRole('group', { name: 'Apa yang akan Anda lakukan di sana dari hari ke hari?' }).getByText('Wisata atau liburan').click();
  await page.getByRole('group', { name: /Di negara mana tujuan akhir/ }).getByText('Lebih jauh, tiket lanjutan sudah ada').click();
  await page.getByLabel('Negara tujuan akhir', { exact: true }).fill('Kamboja');
  await expect(page.getByTestId('q-destination_country-resolved')).toHaveText('Kamboja (KHM)');
});

test('holding Tab moves through the form and is not taken for a desk reader', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000009', 'NINGSIH', 'EKA'));
  await page.locator('body').focus();
  const client = await page.context().newCDPSession(page);
  const tab = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
  let moves = 0;
  const moved = () =>
    page.evaluate(() => {
      const w = window as unknown as { lastFocus?: Element | null };
      const changed = w.lastFocus !== document.activeElement;
      w.lastFocus = document.activeElement;
      return changed;
    });
  await moved();
  // A held key: one press, then the keyboard's auto-repeat every 33 ms (a device-like pace).
  await client.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...tab });
  for (let i = 0; i < 20; i++) {
    await client.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', autoRepeat: true, ...tab });
    if (await moved()) moves++;
    await page.waitForTimeout(33);
  }
  await client.send('Input.dispatchKeyEvent', { type: 'keyUp', ...tab });
  expect(moves).toBe(20);
  await expect(page.getByRole('heading', { name: 'Baca paspor' })).toHaveCount(0);
});

test('keys typed faster than a desk reader but read as nothing reach the field whole and in order, Backspace last', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000010', 'PURNAMA', 'DIAN'));
  await page.keyboard.press('Alt+T');
  const note = page.getByLabel('Catatan', { exact: true });
  await note.fill('');
  // Playwright types a few milliseconds apart, as a device would: the catcher holds the keys back, then, finding no
  // passport, slip or boarding pass in them, gives them back; a Backspace pressed meanwhile comes after them.
  await page.keyboard.type('Paspor dipegang agen');
  await page.keyboard.press('Backspace');
  await expect(note).toHaveValue('Paspor dipegang age');
  await expect(page.getByRole('heading', { name: 'Baca paspor' })).toHaveCount(0);
});

test('a rolled Tab and Space still answer: the Space held back as a possible reader burst is given back and ticks the choice', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000013', 'LESTARI', 'AYU'));
  await expect(page.locator('.questions > li').first().locator('input').first()).toBeFocused();
  // Tab on to the next question and Space 5 ms later, as a fast officer rolls them: trusted keys with their own time.
  const client = await page.context().newCDPSession(page);
  const tab = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
  const space = { key: ' ', code: 'Space', text: ' ', windowsVirtualKeyCode: 32, nativeVirtualKeyCode: 32 };
  const at = Date.now() / 1000;
  await client.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...tab, timestamp: at });
  await client.send('Input.dispatchKeyEvent', { type: 'keyUp', ...tab, timestamp: at + 0.002 });
  await client.send('Input.dispatchKeyEvent', { type: 'keyDown', ...space, timestamp: at + 0.005 });
  await client.send('Input.dispatchKeyEvent', { type: 'keyUp', ...space, timestamp: at + 0.007 });
  const focused = page.locator('.questions input:focus');
  await expect(focused).toHaveAttribute('type', 'radio');
  await expect(focused).toBeChecked();
});

test('a Tab rolled 5 ms after a Space is given back as a move: on to the next question, Shift+Tab back to the checked choice', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000014', 'LESTARI', 'AYU'));
  const first = page.locator('.questions > li').first();
  await expect(first.locator('input').first()).toBeFocused();
  // The second choice of question 1, answered by the arrow key: the question's one Tab stop is now that choice.
  await page.keyboard.press('ArrowDown');
  await expect(first.locator('input').nth(1)).toBeChecked();
  const client = await page.context().newCDPSession(page);
  const space = { key: ' ', code: 'Space', text: ' ', windowsVirtualKeyCode: 32, nativeVirtualKeyCode: 32 };
  // Space on the choice, Tab 5 ms later: the catcher holds the Tab as a possible reader burst, then gives it back.
  await rolled(client, [space, TAB]);
  const second = page.locator('.questions > li').nth(1);
  await expect(second.locator('input').first()).toBeFocused();
  // Space answers question 2, Shift+Tab 5 ms later goes back to question 1's checked choice, not its first or last.
  await rolled(client, [space, { ...TAB, modifiers: SHIFT }]);
  await expect(second.locator('input').first()).toBeChecked();
  await expect(first.locator('input').nth(1)).toBeFocused();
});

test('answer keys rolled 5 ms apart answer one question each: the second, held back and given back, lands on the next question', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000016', 'LESTARI', 'AYU'));
  await expect(page.locator('.questions > li').first().locator('input').first()).toBeFocused();
  const client = await page.context().newCDPSession(page);
  const one: Key = { key: '1', code: 'Digit1', text: '1', windowsVirtualKeyCode: 49, nativeVirtualKeyCode: 49 };
  await rolled(client, [one, one, one]);
  const question = (name: RegExp) => page.getByRole('group', { name });
  for (const answered of [/Apa yang akan Anda lakukan/, /tujuan akhir Anda/, /Kapan Anda kembali/]) {
    await expect(question(answered).getByRole('radio', { checked: true })).toHaveCount(1);
  }
  await expect(question(/Siapa yang mengatur/).getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(question(/Siapa yang mengatur/).getByRole('radio').first()).toBeFocused();
});

test('a Tab given back goes where the browser\'s own Tab goes: tabindex, disabled, hidden, inert, radio groups, both ways', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await openCaseByTyping(page, passport('Q2000015', 'LESTARI', 'AYU'));
  await page.keyboard.press('Alt+T');
  await expect(page.getByRole('button', { name: /Tunda keberangkatan/ })).toHaveAttribute('aria-pressed', 'true');
  // Every kind of element the walk must take or leave out, ahead of the case screen's own questions and form.
  await page.evaluate(() => {
    const fixture = document.createElement('div');
    fixture.innerHTML = `
      <button id="w-first">first</button><button id="w-disabled" disabled>disabled</button>
      <fieldset disabled><input id="w-in-disabled-fieldset"></fieldset><input id="w-hidden-type" type="hidden">
      <span id="w-negative" tabindex="-1">negative</span><span id="w-zero" tabindex="0">zero</span><input id="w-text" value="abc">
      <div hidden><button id="w-hidden">hidden</button></div><div style="visibility:hidden"><button id="w-invisible">invisible</button></div>
      <div inert><button id="w-inert">inert</button></div>
      <details><summary id="w-summary">summary</summary><button id="w-closed-details">in closed details</button></details>
      <input type="radio" name="w-a" id="w-a1"><input type="radio" name="w-a" id="w-a2"><input type="radio" name="w-a" id="w-a3">
      <input type="radio" name="w-b" id="w-b1"><input type="radio" name="w-b" id="w-b2" checked><input type="radio" name="w-b" id="w-b3">
      <a id="w-link" href="#walk">link</a><a id="w-no-href">no href</a><select id="w-select"><option>1</option></select>
      <textarea id="w-area"></textarea><span tabindex="2" id="w-pos2">2</span><span tabindex="1" id="w-pos1">1</span>
      <div contenteditable id="w-editable">editable</div><button id="w-last">last</button>`;
    document.body.prepend(fixture);
    // Names every element, so that a stop of the case screen is known again however often React renders it.
    document.querySelectorAll('body *').forEach((el, i) => {
      if (el.id === '') el.setAttribute('data-walk', String(i));
    });
  });
  const client = await page.context().newCDPSession(page);
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-walk') || document.activeElement?.tagName);
  const focusOn = (stop: string) =>
    page.evaluate((id) => {
      (document.activeElement as HTMLElement | null)?.blur();
      (document.getElementById(id) ?? document.querySelector<HTMLElement>(`[data-walk="${id}"]`))?.focus();
    }, stop);
  // The browser's own walk, one Tab at a time at a person's pace, from the page's first stop (tabindex 1); then back
  // from where it ended. (From the body the browser starts where the focus last was, which a given-back Tab never meets.)
  const forwards = await walk(24, false, 'w-pos1');
  expect(forwards).toEqual(expect.arrayContaining(['w-pos2', 'w-a1', 'w-b2', 'w-summary', 'w-editable', 'w-last']));
  const backwards = await walk(24, true, forwards.at(-1)!);
  expect(backwards).toEqual(expect.arrayContaining(['w-a1', 'w-b2', 'w-pos1']));
  for (const [start, stops, key] of [
    ['w-pos1', forwards, TAB],
    [forwards.at(-1)!, backwards, { ...TAB, modifiers: SHIFT }],
  ] as [string, string[], Key][]) {
    // From every stop, a Tab by the browser and a second one 5 ms later, held back and given back: two stops on.
    for (let i = 0; i + 1 < stops.length; i++) {
      await focusOn(i === 0 ? start : stops[i - 1]!);
      await rolled(client, [key, key]);
      await expect.poll(focused, { message: `${key.modifiers ? 'Shift+' : ''}Tab from ${stops[i]}` }).toBe(stops[i + 1]);
    }
  }

  async function walk(steps: number, backwards: boolean, from: string): Promise<string[]> {
    await focusOn(from);
    const stops: string[] = [];
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      stops.push((await focused())!);
      await page.waitForTimeout(150); // slower than any burst: the catcher lets each Tab through
    }
    return stops;
  }
});

test('a wrong check digit is named in words of the app language, never by a raw field name', async ({ page, desk }) => {
  await desk.open(page);
  await completeFirstRun(page);
  const [first, second] = passport('Q2000012', 'SARI', 'MAYA');
  // The document number's check digit (position 10 of line 2) off by one: it and the composite fail.
  const wrong = `${second!.slice(0, 9)}${(Number(second![9]) + 1) % 10}${second!.slice(10)}`;
  await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
  await page.getByLabel('Baris MRZ').fill(`${first}\n${wrong}`);
  const preview = page.getByTestId('mrz-preview');
  await expect(preview).toContainText('Digit periksa salah: nomor dokumen, gabungan (seluruh baris)');
  await expect(preview).not.toContainText(/documentNumber|composite/);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(preview).toContainText('Check digit wrong: document number, composite (the whole line)');
  await expect(preview).not.toContainText(/documentNumber|composite,/);
});

const TAB: Key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
const SHIFT = 8;
type Key = { key: string; code: string; text?: string; windowsVirtualKeyCode: number; nativeVirtualKeyCode: number; modifiers?: number };

/** Trusted keys an officer rolls 5 ms apart, each with its own time, then the wait until the catcher has given them back. */
async function rolled(client: CDPSession, keys: Key[]): Promise<void> {
  const at = Date.now() / 1000;
  for (const [i, key] of keys.entries()) {
    await client.send('Input.dispatchKeyEvent', { type: key.text ? 'keyDown' : 'rawKeyDown', ...key, timestamp: at + i * 0.005 });
    await client.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key, timestamp: at + i * 0.005 + 0.002 });
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}
