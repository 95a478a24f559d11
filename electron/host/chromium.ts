// Owns how the browser host runs Debian's Chromium: its path and flags, the unprivileged account it runs as when the
// host runs as root (its sandbox refuses root, and it is never started with --no-sandbox), and headless rendering of
// a page's HTML to PDF, which the browser's own page cannot do (the report's PDF, issue 17).
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Flags for Chromium on a closed network: no background calls home, no first-run dialogs. */
export const CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/** The unprivileged account Chromium runs as when the host runs as root (its sandbox refuses root). */
export const CHROMIUM_USER_DEFAULT = 'nobody';

export function unprivilegedAccount(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
  const account = { uid: id('-u'), gid: id('-g') };
  if (!Number.isInteger(account.uid) || account.uid === 0) throw new Error(`Chromium cannot run as ${name}: choose an unprivileged account in MEJA_CHROMIUM_USER.`);
  return account;
}

/** A slow, loaded desk PC still renders a report in seconds; past this Chromium is stuck, not slow. */
const RENDER_TIMEOUT_MS = 90_000;
/**
 * Put before anything the page sent, so it governs the whole document: no script runs and nothing is fetched (no
 * network, no other file); inline styles and inline SVG, which the report is made of, still render.
 */
const LOCKDOWN = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`;

/**
 * Renders a page's HTML to PDF with headless Chromium at the page's own @page size (A4 for the report), without the
 * browser's header and footer. The page is written to a fresh folder only the rendering account can read, which is
 * removed afterwards. Rejects with Chromium's own words when it fails.
 */
export async function renderPagePdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Uint8Array> {
  const account = process.getuid?.() === 0 ? unprivilegedAccount(env.MEJA_CHROMIUM_USER || CHROMIUM_USER_DEFAULT) : null;
  const dir = mkdtempSync(join(tmpdir(), 'meja-pdf-'));
  try {
    const page = join(dir, 'page.html');
    const pdf = join(dir, 'page.pdf');
    // A later doctype is ignored by the parser, and a later <html> or <head> only lends its attributes.
    writeFileSync(page, LOCKDOWN + html.replace(/^\s*<!doctype[^>]*>/i, ''), { mode: 0o600 });
    if (account) {
      chownSync(dir, account.uid, account.gid);
      chownSync(page, account.uid, account.gid);
    }
    const args = [
      ...CHROMIUM_FLAGS,
      '--headless',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(CHROMIUM_PATH, args, { env: { ...env, HOME: dir }, timeout: RENDER_TIMEOUT_MS, ...(account ?? {}) }, (error, _stdout, stderr) => {
        if (error) reject(new Error(`Chromium could not render the PDF: ${error.message} ${String(stderr).slice(-500)}`));
        else resolve();
      });
    });
    if (!existsSync(pdf)) throw new Error('Chromium wrote no PDF.');
    return readFileSync(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
