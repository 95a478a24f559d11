// Helpers for saving a file where the supervisor chooses (the File System Access API's save picker) in headless
// Chromium: a folder the supervisor picks cannot be driven in a test, so the picker is made to hand back a real file
// of the page's own private file system (OPFS), which the page writes through the same API as a file on the disk,
// and the test reads back. Without it, the real picker answers as a supervisor who closed it (AbortError).
import type { Page } from '@playwright/test';

/** From now on the page's save picker "chooses" `pilihan-<suggested name>` in the page's private file system. */
export async function pickerChoosesOpfsFile(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.assign(window, {
      showSaveFilePicker: async (options: { suggestedName: string }) => (await navigator.storage.getDirectory()).getFileHandle(`pilihan-${options.suggestedName}`, { create: true }),
    });
  });
}

/** The bytes of a file in the page's private file system. */
export async function readOpfsFile(page: Page, name: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (fileName) => {
    const file = await (await (await navigator.storage.getDirectory()).getFileHandle(fileName)).getFile();
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, name);
  return Buffer.from(base64, 'base64');
}
