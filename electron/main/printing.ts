// Owns printing a referral slip (and saving a slip or the report as PDF) from Electron: to the configured printer without a dialog, with the page size
// given explicitly (Electron does not take it from the printer), falling back to the system dialog on error.
// The core asks for these through the capabilities it is given at open, and records a print only when one happened.
import { dialog, type BrowserWindow, type WebContents, type WebContentsPrintOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { SlipLayout } from '../../shared/contract';
import type { ShellCapabilities } from '../core/types';

const PAGE_SIZES: Record<SlipLayout, WebContentsPrintOptions['pageSize']> = {
  A5: 'A5',
  A4: 'A4',
  // Microns. 80 mm paper; the roll is long enough for a long slip and the printer cuts after the content.
  ROLL80: { width: 80_000, height: 600_000 },
};

function print(contents: WebContents, options: WebContentsPrintOptions): Promise<{ ok: boolean; reason: string }> {
  return new Promise((resolve) => contents.print(options, (ok, reason) => resolve({ ok, reason })));
}

export async function printSlip(contents: WebContents, layout: SlipLayout, copies: number, printerName: string): Promise<boolean> {
  const options: WebContentsPrintOptions = {
    silent: true,
    printBackground: true,
    copies,
    pageSize: PAGE_SIZES[layout],
    margins: { marginType: 'none' },
    ...(printerName ? { deviceName: printerName } : {}),
  };
  const silent = await print(contents, options);
  if (silent.ok) return true;
  console.error('[print] silent print failed, opening the print dialog:', silent.reason);
  const withDialog = await print(contents, { ...options, silent: false });
  return withDialog.ok;
}

/** Saves the page shown (a slip, the report) as a PDF where the officer chooses; the page size comes from its @page rule. */
export async function savePagePdf(contents: WebContents, fileName: string): Promise<boolean> {
  const pdf = await contents.printToPDF({ printBackground: true, preferCSSPageSize: true });
  const { canceled, filePath } = await dialog.showSaveDialog({
    defaultPath: fileName,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (canceled || !filePath) return false;
  await writeFile(filePath, pdf);
  return true;
}

/** Writes `data` where the user chooses in the save dialog (a CSV export); false when they cancelled. */
export async function saveFileWithDialog(window: BrowserWindow | null, suggestedName: string, data: Uint8Array, filter: { name: string; extensions: string[] }): Promise<boolean> {
  const options = { defaultPath: suggestedName, filters: [filter] };
  const { canceled, filePath } = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return false;
  await writeFile(filePath, data);
  return true;
}

/** The printer and save dialog of the desk window, as the core may use them; no window, nothing happens. */
export function shellCapabilities(getWindow: () => BrowserWindow | null): ShellCapabilities {
  const contents = () => {
    const window = getWindow();
    return window && !window.isDestroyed() ? window.webContents : null;
  };
  return {
    printSlip: async (layout, copies, printerName) => {
      const target = contents();
      return target ? printSlip(target, layout, copies, printerName) : false;
    },
    savePagePdf: async (fileName) => {
      const target = contents();
      return target ? savePagePdf(target, fileName) : false;
    },
    saveFile: (suggestedName, data, filter) => {
      const window = getWindow();
      return saveFileWithDialog(window && !window.isDestroyed() ? window : null, suggestedName, data, filter);
    },
  };
}
