// Helpers for driving a case as an officer at the queue: reading a passport by typing, answering the interview
// question by question, and measuring sideways scrolling.
import type { Page } from '@playwright/test';
import { generateMrz } from '../../shared/mrz';
import { expect } from './desk-fixture';

/** An Indonesian passport's MRZ lines for a test traveller; only what a test varies is a parameter. */
export const passport = (documentNumber: string, primary: string, secondary: string, birthDate = '1996-04-05') =>
  generateMrz('TD3', {
    documentCode: 'P',
    issuingState: 'IDN',
    nationality: 'IDN',
    primaryIdentifier: primary,
    secondaryIdentifier: secondary,
    documentNumber,
    birthDate,
    sex: 'F',
    expiryDate: '2031-05-06',
  });

/** Opens a new case from typed MRZ lines, as the officer does at the desk. */
export async function openCaseByTyping(page: Page, lines: string[]): Promise<void> {
  await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
  await page.getByLabel('Baris MRZ').fill(lines.join('\n'));
  await expect(page.getByTestId('mrz-preview')).toContainText('Semua digit periksa benar.');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-number')).toBeVisible();
  await expect(page.locator('.questions > li').first()).toBeVisible();
}

/**
 * Answers every shown question that has no answer yet, in order, until none is left (an answer can show more).
 * `choices` picks an option by the start of its question's text; otherwise the first option, "12" for a number,
 * "Malaysia" for a country, "KUL" for the onward airports and "Kuala Lumpur" for text. Questions named in `skip` are left unanswered.
 */
export async function answerInterview(page: Page, choices: Record<string, string> = {}, skip: string[] = []): Promise<number> {
  for (let round = 0; round < 60; round++) {
    const next = await page.evaluate((skipped) => {
      const items = Array.from(document.querySelectorAll<HTMLLIElement>('.questions > li'));
      return items.findIndex((li) => {
        const text = (li.querySelector('legend, label')?.textContent ?? '').trim();
        if (skipped.some((s) => text.startsWith(s))) return false;
        const options = li.querySelectorAll('input[type=radio], input[type=checkbox]');
        if (options.length > 0) return li.querySelectorAll('input:checked').length === 0;
        return (li.querySelector('input')?.value ?? '') === '';
      });
    }, skip);
    if (next < 0) return page.locator('.questions > li').count();
    const item = page.locator('.questions > li').nth(next);
    const question = ((await item.locator('legend, label').first().textContent()) ?? '').trim();
    const pick = Object.entries(choices).find(([start]) => question.startsWith(start))?.[1];
    if ((await item.locator('input[type=radio], input[type=checkbox]').count()) > 0) {
      await (pick ? item.locator('label.choice', { hasText: pick }).first() : item.locator('label.choice').first()).click();
    } else {
      const input = item.locator('input').first();
      const type = await input.getAttribute('type');
      const isCountry = (await input.getAttribute('list')) !== null;
      const isAirports = (await input.getAttribute('data-answer')) === 'airports';
      await input.fill(pick ?? (type === 'number' ? '12' : isCountry ? 'Malaysia' : isAirports ? 'KUL' : 'Kuala Lumpur'));
    }
  }
  throw new Error('The interview never ended');
}

/** How far the page reaches beyond the window, in CSS pixels (0: no sideways scroll). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The focused element's id, its label and whether it lies inside the window. */
export async function focusInfo(page: Page): Promise<{ id: string; tag: string; text: string; inView: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    return {
      id: el?.id ?? '',
      tag: el?.tagName ?? '',
      text: (el?.textContent ?? '').trim(),
      inView: box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight,
    };
  });
}

/**
 * A desk device (passport reader, 2D scanner) types `text` as keystrokes a few milliseconds apart into whatever has the
 * focus, a line break as Enter. Playwright's typing on a loaded machine is slower than a device, so the keys are
 * dispatched in the page at device speed.
 */
export async function deviceTypes(page: Page, text: string): Promise<void> {
  await page.evaluate((typed) => {
    const target = document.activeElement ?? document.body;
    for (const ch of typed) target.dispatchEvent(new KeyboardEvent('keydown', { key: ch === '\n' ? 'Enter' : ch, bubbles: true, cancelable: true }));
  }, text);
}
