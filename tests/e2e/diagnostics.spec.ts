// The diagnostics screen in Chromium (issue #16): an admin sees the data folder and its modes, disk encryption,
// the tamper check's result, the audit head and the versions.
import { completeFirstRun, expect, test } from './desk-fixture';

test('an admin opens the desk diagnostics from the home screen', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await page.getByRole('button', { name: /Diagnostik meja/ }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostik meja', level: 1 })).toBeVisible();
  await expect(page.getByTestId('diagnostics-integrity')).toContainText('Utuh', { timeout: 30_000 });
  await expect(page.getByTestId('diagnostics-files')).toContainText('desk.sqlite');
  await expect(page.getByTestId('diagnostics-files')).toContainText('izin 600: hanya akun aplikasi');
  await expect(page.getByTestId('diagnostics-encryption')).toBeVisible();
  await expect(page.getByTestId('diagnostics-versions')).toContainText('tidak dipakai (host peramban)');
  await expect(page.getByTestId('diagnostics-reference')).toContainText('Meja ini belum terdaftar ke hub');
  await expect(page.getByTestId('diagnostics-reference')).toContainText('daftar pantauan belum ada');
  await shot(page, 'diagnostics');
});
