// The foundation as an officer meets it: first run, sign-in, wrong passwords and lockout, idle lock and take-over,
// the language switch, an admin adding an officer, and a cross-origin page refused.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN, completeFirstRun, expect, signIn, signOut, test } from './desk-fixture';

test('first-run setup creates the admin and lands on the home screen in Indonesian', async ({ page, desk, shot }) => {
  await desk.open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await shot(page, '1-first-run');
  await completeFirstRun(page);
  await expect(page.getByTestId('officer')).toHaveText(`${ADMIN.name} · BP3MI`);
  await expect(page.getByTestId('sync-state')).toHaveText('Sinkronisasi belum dikonfigurasi');
  await expect(page.getByTestId('desk-name')).toHaveText('Meja 1');
  await shot(page, '2-home');
  // The secret is taken out of the address bar once read.
  expect(page.url()).not.toContain('#t=');
});

test('first-run setup asks for the desk code, with no default, and refuses one a case number cannot carry', async ({ page, desk, shot }) => {
  await desk.open(page);
  await expect(page.getByLabel('Kode bandara (IATA)')).toHaveValue('PLM');
  await expect(page.getByLabel('Kode meja (untuk nomor kasus)')).toHaveValue('');
  await expect(page.getByText('Harus unik di bandara ini')).toBeVisible();
  await page.getByLabel('Kode meja (untuk nomor kasus)').fill('d-1');
  await expect(page.getByLabel('Kode meja (untuk nomor kasus)')).toHaveValue('D-1');
  await page.getByLabel('Nama lengkap').fill(ADMIN.name);
  await page.getByLabel('Nomor petugas (NIP)').fill(ADMIN.officerNumber);
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Buat admin dan masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('Kode meja (untuk nomor kasus)');
  await shot(page, 'desk-code-refused');
  await page.getByLabel('Kode meja (untuk nomor kasus)').fill('G7');
  await page.getByRole('button', { name: 'Buat admin dan masuk' }).click();
  await expect(page.getByRole('heading', { name: `Selamat bertugas, ${ADMIN.name}.` })).toBeVisible();
  expect(await desk.core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { airportCode: 'PLM', deskCode: 'G7' } });
});

test('the language switch turns the whole screen to English and back, and is remembered', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Welcome on duty, ${ADMIN.name}.` })).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveText('Sync not configured');
  await expect(page.getByRole('button', { name: 'Manage officers' })).toBeVisible();
  await shot(page, 'home-english');
  await page.reload();
  await expect(page.getByRole('heading', { name: `Welcome on duty, ${ADMIN.name}.` })).toBeVisible();
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Selamat bertugas, ${ADMIN.name}.` })).toBeVisible();
});

test('a wrong password is refused, and repeated wrong passwords lock the account', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await signOut(page);
  await signIn(page, ADMIN.officerNumber, 'salah-sekali-1');
  await expect(page.getByRole('alert')).toHaveText('Nomor petugas atau kata sandi salah.');
  await shot(page, 'wrong-password');
  for (let attempt = 2; attempt <= 5; attempt++) {
    await signIn(page, ADMIN.officerNumber, `salah-sekali-${attempt}`);
    await expect(page.getByRole('button', { name: 'Masuk', exact: true })).toBeEnabled({ timeout: 20_000 });
  }
  await expect(page.getByRole('alert')).toContainText('Terlalu banyak percobaan salah. Akun dikunci sampai');
  // Even the right password is refused now.
  await signIn(page, ADMIN.officerNumber, ADMIN.password);
  await expect(page.getByRole('alert')).toContainText('Akun dikunci sampai');
  await shot(page, 'locked-out');
});

test('an admin adds an officer, who can then sign in', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await page.getByRole('button', { name: /Kelola petugas/ }).click();
  const form = page.getByRole('form', { name: 'Tambah petugas' });
  await form.getByLabel('Nama lengkap').fill('Budi Santoso');
  await form.getByLabel('Nomor petugas (NIP)').fill('199001012015031001');
  await form.getByLabel('Instansi').selectOption('IMIGRASI');
  await form.getByLabel('Peran').selectOption('officer');
  await form.getByLabel('Kata sandi').fill('petugas-imigrasi-1');
  await form.getByRole('button', { name: 'Tambah petugas' }).click();
  await expect(page.getByRole('status')).toHaveText('Petugas Budi Santoso ditambahkan.');
  const row = page.getByRole('row', { name: /Budi Santoso/ });
  await expect(row).toContainText('Imigrasi');
  await expect(row).toContainText('Aktif');
  await shot(page, 'officer-added');
  // A duplicate officer number gets a plain refusal.
  await form.getByLabel('Nama lengkap').fill('Budi Kembar');
  await form.getByLabel('Nomor petugas (NIP)').fill('199001012015031001');
  await form.getByLabel('Kata sandi').fill('petugas-imigrasi-2');
  await form.getByRole('button', { name: 'Tambah petugas' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nomor petugas ini sudah dipakai.');

  await signOut(page);
  await signIn(page, '199001012015031001', 'petugas-imigrasi-1');
  await expect(page.getByRole('heading', { name: 'Selamat bertugas, Budi Santoso.' })).toBeVisible();
  await expect(page.getByTestId('officer')).toHaveText('Budi Santoso · Imigrasi');
  // An officer sees no admin tasks.
  await expect(page.getByRole('button', { name: /Kelola petugas/ })).toHaveCount(0);
  await shot(page, 'officer-home');
});

test('the desk locks when idle; the same officer unlocks, or another officer takes over', async ({ page, desk, shot }) => {
  await desk.start({ idleLockMinutes: 0.1 });
  await desk.open(page);
  await completeFirstRun(page);
  const created = await desk.core.dispatch('officers.create', {
    name: 'Agus Saputra',
    officerNumber: 'IMI-7',
    agency: 'IMIGRASI',
    role: 'supervisor',
    password: 'supervisor-pass-1',
  });
  expect(created.ok).toBe(true);
  // Nobody touches the desk for six seconds.
  await expect(page.getByRole('heading', { name: 'Layar terkunci' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`Petugas yang sedang bertugas: ${ADMIN.name}`)).toBeVisible();
  await expect(page.getByTestId('officer')).toHaveCount(0);
  await shot(page, 'locked');
  await page.getByLabel('Kata sandi').first().fill(ADMIN.password);
  await page.getByRole('button', { name: 'Buka kunci' }).click();
  await expect(page.getByRole('heading', { name: `Selamat bertugas, ${ADMIN.name}.` })).toBeVisible();

  await expect(page.getByRole('heading', { name: 'Layar terkunci' })).toBeVisible({ timeout: 20_000 });
  await signIn(page, 'IMI-7', 'supervisor-pass-1', 'Ambil alih');
  await expect(page.getByRole('heading', { name: 'Selamat bertugas, Agus Saputra.' })).toBeVisible();
  await expect(page.getByTestId('officer')).toHaveText('Agus Saputra · Imigrasi');
  await shot(page, 'taken-over');
});

test('a page from another origin cannot call the desk, even holding the secret', async ({ page, desk, shot }) => {
  await desk.open(page);
  await expect(page.getByRole('heading', { name: 'Penyiapan pertama' })).toBeVisible();
  const evil = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title><h1>Another site</h1>');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  try {
    const evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    const other = await page.context().newPage();
    await other.goto(evilOrigin);
    const attempts = await other.evaluate(
      async ({ target, secret }) => {
        const body = JSON.stringify({ name: 'Intruder', officerNumber: 'EVIL-1', agency: 'BP3MI', password: 'intruder-pass-1', airportCode: 'PLM', deskCode: 'X9' });
        const outcomes: string[] = [];
        try {
          const res = await fetch(`${target}/rpc/setup.createFirstAdmin`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-desk-secret': secret },
            body,
          });
          outcomes.push(`answered ${res.status}`);
        } catch {
          outcomes.push('blocked');
        }
        // A "simple" request skips the CORS preflight; the host must still refuse it.
        await fetch(`${target}/rpc/setup.createFirstAdmin`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }).catch(() => null);
        outcomes.push('sent-no-cors');
        return outcomes;
      },
      { target: desk.host.origin, secret: desk.host.secret },
    );
    expect(attempts[0]).toBe('blocked');
    await shot(other, 'other-origin');
    await other.close();
    // Nothing changed: the desk still needs its first admin.
    const info = await desk.core.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { setupNeeded: true } });
  } finally {
    evil.close();
  }
});
