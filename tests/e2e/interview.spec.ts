// The triage interview (checklist 2026.2) as an officer works it in Chromium: a tourist answered one key per
// question and cleared in eight keystrokes after the reading, Clear not offered while the triage is open, and the
// private-interview prompt that comes before the sensitive questions once a triage answer trips a trigger.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateMrz } from '../../shared/mrz';
import { completeFirstRun, expect, test } from './desk-fixture';

const TRAVELLER = generateMrz('TD3', {
  documentCode: 'P',
  issuingState: 'IDN',
  nationality: 'IDN',
  primaryIdentifier: 'HANDAYANI',
  secondaryIdentifier: 'DEWI',
  documentNumber: 'B2468013',
  birthDate: '1995-07-08',
  sex: 'F',
  expiryDate: '2031-05-06',
});

/** Puts checklist 2026.2 in use the way an admin does, whatever version the desk ships in use. */
async function useTriageChecklist(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Data referensi/ }).click();
  await page.getByLabel('Berkas JSON').setInputFiles({
    name: '2026.2.json',
    mimeType: 'application/json',
    buffer: readFileSync(join(process.cwd(), 'shared/checklist/data/checklists/2026.2.json')),
  });
  await page.getByRole('button', { name: 'Impor' }).click();
  await expect(page.getByTestId('reference-versions')).toContainText('2026.2');
  await page.getByRole('button', { name: 'Kembali ke beranda' }).first().click();
}

async function readPassport(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
  await page.getByLabel('Baris MRZ').fill(TRAVELLER.join('\n'));
  await expect(page.getByTestId('mrz-preview')).toContainText('Semua digit periksa benar.');
}

test('a tourist is triaged one key per answer and cleared in eight keystrokes after the reading', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await useTriageChecklist(page);
  await readPassport(page);
  const keys: string[] = [];
  const press = async (key: string) => {
    keys.push(key);
    await page.keyboard.press(key);
  };
  await press('Enter'); // open the case
  await expect(page.getByRole('heading', { name: 'Triase' })).toBeVisible();
  // Clear is not offered while the triage is unanswered, and Alt+B does not clear.
  await expect(page.getByRole('button', { name: /Bersih, boleh lanjut/ })).toBeDisabled();
  await expect(page.getByTestId('clear-needs-interview')).toBeVisible();
  await shot(page, '1-triage-open');

  for (let i = 0; i < 6; i++) await press('1'); // tourism, this flight's country, return ticket, self, own stay, nothing observed
  await expect(page.getByRole('heading', { name: 'Wawancara lanjutan' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Bersih, boleh lanjut/ })).toBeEnabled();
  await expect(page.getByTestId('risk-level')).toHaveText('RENDAH');
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
  expect(JSON.parse(stored[0]?.answers ?? '{}')).toEqual({
    purpose: 'tourism',
    final_destination: 'flight_country',
    return_ticket: true,
    arranged_by: 'self_family',
    stay_meet: 'own_arrangement',
    officer_observation: ['none'],
  });
});

test('a triage answer that trips a trigger opens the full interview with the private-interview prompt first', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await useTriageChecklist(page);
  await readPassport(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Triase' })).toBeVisible();
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
