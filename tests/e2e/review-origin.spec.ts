// Where a held traveller comes from (issue 17 item 3) in the browser host: the officer picks the regency by keyboard
// in the interview (typed in part, never free text), the supervisor filters the day's queue by it and sees it in the
// review; the queue at 1280 px keeps every column apart.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './desk-fixture';
import { openCaseByTyping, passport } from './queue-tools';
import { pickerChoosesOpfsFile, readOpfsFile } from './save-tools';
import { OUTCOME_IDS } from '../../shared/checklist/outcomes';
import { REVIEW_STATES } from '../../shared/contract/review';
import type { Language } from '../../shared/contract/define';
import { catalogue, type MessageKey } from '../../shared/i18n/catalogue';

/** The queue's cells (and headers) whose text does not fit their box, as "column: text". */
async function clippedCells(page: Page): Promise<string[]> {
  return page.locator('.queue-row').evaluateAll((rows) =>
    rows.flatMap((row) =>
      Array.from(row.children as HTMLCollectionOf<HTMLElement>)
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1)
        .map((cell) => `${Array.from(row.children).indexOf(cell)}: ${cell.textContent ?? ""}`),
    ),
  );
}

/** Of `texts`, those that would not fit whole in column `column` of the first row: each is put in the cell in turn
 * (then the cell is restored), so every label a column can show is tried, not only the day's. */
async function textsThatDoNotFit(page: Page, column: number, texts: string[]): Promise<string[]> {
  return page.locator('.queue-item').first().evaluate(
    (row, { column, texts }) => {
      const cell = row.children[column] as HTMLElement;
      const shown = cell.innerHTML;
      const misfits = texts.filter((text) => {
        cell.textContent = text;
        return cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1;
      });
      cell.innerHTML = shown;
      return misfits;
    },
    { column, texts },
  );
}

const DECISION_COLUMN = 5;
const STATE_COLUMN = 8;
function labels(language: Language, keys: MessageKey[]): string[] {
  return keys.map((key) => catalogue[language][key]);
}

const TUNDA = { outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tanpa ID PMI.' } as const;

test('an officer picks the origin by keyboard; the supervisor filters the queue by it and sees it in the review', async ({ page, desk, shot }) => {
  test.setTimeout(180_000);
  await desk.start({ demo: true });
  await desk.open(page);
  await signIn(page, 'DEMO-BP', 'demo-petugas-2026');
  await openCaseByTyping(page, passport('C4000001', 'RAHAYU', 'SRI'));
  const regency = page.getByTestId('origin-regency');
  await regency.focus();
  await page.keyboard.type('lubuk');
  await expect(page.getByTestId('origin-options').getByRole('option')).toHaveText(['Kota Lubuk Linggau · Sumatera Selatan']);
  await page.keyboard.press('Escape');
  await expect(regency).toHaveValue('');
  // Words in any order, each the start of a word: "ogan ilir" finds two regencies; the arrow takes the second.
  await page.keyboard.type('ogan ilir');
  await expect(page.getByTestId('origin-options').getByRole('option')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('origin-options').getByRole('option', { selected: true })).toContainText('Ogan Komering Ilir');
  await shot(page, '1-picker-open');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('origin-province')).toHaveValue('16');
  await expect(regency).toHaveValue('Kabupaten Ogan Komering Ilir');
  // Text that names no regency is never kept: leaving the field restores the recorded one.
  await regency.fill('Desa Sukamaju');
  await expect(page.getByTestId('origin-options')).toContainText('Tidak ada kabupaten/kota yang cocok.');
  await page.keyboard.press('Tab');
  await expect(regency).toHaveValue('Kabupaten Ogan Komering Ilir');
  await shot(page, '2-origin-recorded');

  // The officer holds the traveller (through the core, as the screen's Tunda does), then a second hold without origin.
  const open = (await desk.core.dispatch('cases.search', { documentNumber: 'C4000001' })) as { ok: true; value: { id: string }[] };
  await desk.core.dispatch('cases.decide', { caseId: open.value[0]!.id, ...TUNDA, reasons: [...TUNDA.reasons] });
  const other = (await desk.core.dispatch('cases.open', { source: 'manual', mrz: passport('C4000002', 'WIDODO', 'AGUS').join('\n') })) as { ok: true; value: { id: string } };
  await desk.core.dispatch('cases.decide', { caseId: other.value.id, ...TUNDA, reasons: [...TUNDA.reasons] });

  await page.getByRole('button', { name: /Keluar/ }).click();
  await signIn(page, 'DEMO-SPV-BP', 'demo-supervisor-2026');
  await page.getByRole('button', { name: /Tinjauan harian supervisor/ }).click();
  await expect(page.getByTestId('queue-row')).toHaveCount(2);
  // At 1280 px every cell's text is whole: no column clips or runs into its neighbour, in either language.
  expect(await clippedCells(page)).toEqual([]);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('queue-row').first()).toContainText('No outcome yet');
  expect(await clippedCells(page)).toEqual([]);
  // Every outcome and every state, in both languages (the longest, "Refer to Imigrasi secondary inspection", needs
  // the decision column's room at 1280 px).
  for (const language of ['id', 'en'] as const) {
    expect(await textsThatDoNotFit(page, DECISION_COLUMN, labels(language, OUTCOME_IDS.map((o) => `outcome.${o}` as const)))).toEqual([]);
    expect(await textsThatDoNotFit(page, STATE_COLUMN, labels(language, REVIEW_STATES.map((s) => `daily.state.${s}` as const)))).toEqual([]);
  }
  await shot(page, '3-queue-1280-en');
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await page.getByTestId('filter-regency').selectOption({ label: 'Kabupaten Ogan Komering Ilir' });
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toContainText('RAHAYU');
  await shot(page, '3-queue-by-regency');
  // The filtered holds as CSV, saved where the supervisor picks: BOM, header, one record, the number masked.
  await pickerChoosesOpfsFile(page);
  await page.getByTestId('export-csv').click();
  // Named after the desk's day shown (the picker suggested it), not the UTC day the shift starts in.
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  const savedAs = `pilihan-tinjauan-${today}_${today}.csv`;
  await expect(page.getByTestId('export-message')).toHaveText(`1 penundaan diekspor ke ${savedAs}. Ekspor ini tercatat di log audit.`);
  const text = (await readOpfsFile(page, savedAs)).toString('utf8');
  expect(text.startsWith('\uFEFFcase_number,')).toBe(true);
  const records = text.slice(1).trimEnd().split('\r\n');
  expect(records).toHaveLength(2);
  expect(records[1]).toContain('C4••••01');
  expect(records[1]).toContain('Kabupaten Ogan Komering Ilir');
  await expect(page.getByTestId('export-message')).toContainText('1 penundaan diekspor');
  await shot(page, '3b-csv-exported');
  await page.getByTestId('queue-row').click();
  await expect(page.getByTestId('origin')).toHaveText('Kabupaten Ogan Komering Ilir, Sumatera Selatan');
  await shot(page, '4-review-origin');
});
