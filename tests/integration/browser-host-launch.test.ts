// The browser host's Chromium launch (issue #16, finding 4): the secret never appears on any process's command
// line, and Chromium keeps its sandbox (no --no-sandbox), dropping to an unprivileged account when run as root.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { chromiumLaunch, startChromium, type RunningChromium } from '../../electron/host/run-browser-host';
import { openTestDesk, type TestDesk } from './core-harness';

let desk: TestDesk;
let host: BrowserHost;
let rendererDir: string;
let browser: RunningChromium | undefined;
let profile: string | undefined;

// A page that does what the renderer's client does on first load: exchange the launch token for the secret.
const PAGE_SCRIPT = `
const token = /t=([A-Za-z0-9_-]+)/.exec(location.hash)[1];
history.replaceState(null, '', '/');
fetch('/launch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })
  .then((r) => r.json())
  // A call the core audits, so the test sees that the page holds the secret.
  .then((b) => fetch('/rpc/session.signIn', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-desk-secret': b.secret },
    body: JSON.stringify({ officerNumber: 'PAGE-CONNECTED', password: 'x' }),
  }));
`;

beforeAll(async () => {
  desk = await openTestDesk();
  rendererDir = mkdtempSync(join(tmpdir(), 'meja-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title><script src="/page.js"></script>');
  writeFileSync(join(rendererDir, 'page.js'), PAGE_SCRIPT);
  host = await startBrowserHost({ core: desk.core, rendererDir });
});
afterAll(async () => {
  // Chromium runs in its own process group (the launcher script and every helper it starts): end them all, and
  // give the last writes into the profile a moment before removing it.
  browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  await host.close();
  desk.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Whether the page reached the core with the secret: its sign-in attempt is in the audit log. */
function pageConnected(): boolean {
  const raw = new Database(desk.core.databasePath, { readonly: true });
  try {
    return (raw.prepare("SELECT count(*) FROM audit_log WHERE action = 'session.sign_in_failed'").pluck().get() as number) > 0;
  } finally {
    raw.close();
  }
}

/** What another local user sees in ps: a launch token on some process's command line. */
function tokenInPs(): string | null {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const token = /#t=([A-Za-z0-9_-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
      if (token) return token;
    } catch {
      // The process ended meanwhile.
    }
  }
  return null;
}

describe('launching Chromium on the browser host', () => {
  it('keeps the secret out of every command line and the sandbox on', async () => {
    const launch = chromiumLaunch((uid) => host.launchUrlFor(uid), { dataDir: desk.dataDir });
    const launchUrl = launch.args.find((a) => a.startsWith('--app='))!.slice('--app='.length);
    profile = launch.args.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    expect(launch.args).not.toContain('--no-sandbox');
    expect(launch.args.join(' ')).not.toContain(host.secret);
    if (process.getuid?.() === 0) expect((launch.identity as { uid: number }).uid).not.toBe(0);
    browser = startChromium(launch, ['--headless=new']);

    // An attacker watching ps reads the token while Chromium starts (it is there within milliseconds, the page
    // takes far longer) and races the page to exchange it. Chromium runs as another account than this test's
    // only when this test runs as root; as the same account, the attacker could read the profile anyway.
    let seen: string | null = null;
    for (let i = 0; i < 2000 && !seen; i++) {
      seen = tokenInPs();
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(seen).toBe(launchUrl.split('#t=')[1]);
    if (process.getuid?.() === 0) {
      const raced = await fetch(`${host.origin}/launch`, {
        method: 'POST',
        headers: { origin: host.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ token: seen }),
      });
      expect(raced.status).toBe(403);
      expect(await raced.text()).not.toContain(host.secret);
    }

    // Wait until the page has exchanged the token: then the secret is in Chromium's memory, and nowhere in ps.
    let connected = false;
    for (let i = 0; i < 600 && !connected; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      connected = pageConnected();
    }
    expect(connected).toBe(true);
    const ps = execFileSync('ps', ['-eo', 'user:20,args', '--no-headers', '-ww'], { encoding: 'utf8' });
    const chromiumLines = ps.split('\n').filter((line) => line.includes(launch.args.find((a) => a.startsWith('--user-data-dir='))!));
    expect(chromiumLines.length).toBeGreaterThan(0);
    expect(ps).not.toContain(host.secret);
    for (const line of chromiumLines) {
      expect(line).not.toContain('--no-sandbox');
      if (process.getuid?.() === 0) expect(line.split(/\s+/)[0]).not.toBe('root');
    }

    // Closing Chromium removes a launch's own profile, which holds the secret in the page's session storage.
    browser.close();
    if (launch.temporaryProfile) {
      expect(launch.temporaryProfile).toBe(profile);
      expect(existsSync(profile)).toBe(false);
    }
  }, 120_000);
});
