// Owns a browser-host launch: open the core for the launch options, serve it, and open Chromium on it if there is a screen.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseRefusedError, defaultDataDir, openCore } from '../core';
import type { LaunchOptions } from '../core/launch-options';
import { startBrowserHost } from './browser-host';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, CHROMIUM_USER_DEFAULT, renderPagePdf, unprivilegedAccount } from './chromium';

export { CHROMIUM_FLAGS, CHROMIUM_PATH, CHROMIUM_USER_DEFAULT };

export interface ChromiumLaunch {
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Set when the host runs as root: Chromium drops to this account so its sandbox stays on. */
  identity: { uid: number; gid: number } | Record<string, never>;
  /**
   * The fresh profile folder made for this launch (as root), removed when Chromium is closed: it holds the launch's
   * secret in the page's session storage. Null when the profile is the data folder's own.
   */
  temporaryProfile: string | null;
}

/**
 * How Chromium is started: never with `--no-sandbox`. As root, it runs as an unprivileged account
 * (MEJA_CHROMIUM_USER, default nobody) with its own fresh profile folder (mode 700, owned by that account), and the
 * X authority copied there, since the account cannot read root's. Its launch address comes from `launchUrlFor`,
 * given the account Chromium runs as: the address is on Chromium's command line, which every local user can read,
 * so its token must be good for that account's connections only.
 */
export function chromiumLaunch(launchUrlFor: (uid: number) => string, options: { dataDir: string; kiosk?: boolean }, env: NodeJS.ProcessEnv = process.env): ChromiumLaunch {
  const asRoot = process.getuid?.() === 0;
  const account = asRoot ? unprivilegedAccount(env.MEJA_CHROMIUM_USER || CHROMIUM_USER_DEFAULT) : null;
  const launchUrl = launchUrlFor(account?.uid ?? process.getuid?.() ?? -1);
  const profile = account ? mkdtempSync(join(tmpdir(), 'meja-chromium-')) : join(options.dataDir, 'chromium-profile');
  mkdirSync(profile, { recursive: true, mode: 0o700 });
  const childEnv: NodeJS.ProcessEnv = { ...env };
  if (account) {
    chownSync(profile, account.uid, account.gid);
    chmodSync(profile, 0o700);
    childEnv.HOME = profile;
    const xauthority = env.XAUTHORITY || join(homedir(), '.Xauthority');
    if (existsSync(xauthority)) {
      const copy = join(profile, '.Xauthority');
      copyFileSync(xauthority, copy);
      chownSync(copy, account.uid, account.gid);
      chmodSync(copy, 0o600);
      childEnv.XAUTHORITY = copy;
    }
  }
  const args = [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `--app=${launchUrl}`];
  if (options.kiosk) args.push('--kiosk');
  return { args, env: childEnv, identity: account ?? {}, temporaryProfile: account ? profile : null };
}

export interface RunningChromium {
  process: ChildProcess;
  /** Ends Chromium and every helper it started, then removes a launch's temporary profile. */
  close(): void;
}

/** Starts Chromium as `launch` says, in its own process group so that closing it ends its helpers too. */
export function startChromium(launch: ChromiumLaunch, extraArgs: string[] = []): RunningChromium {
  const child = spawn(CHROMIUM_PATH, [...extraArgs, ...launch.args], { stdio: 'ignore', env: launch.env, detached: true, ...launch.identity });
  const removeProfile = () => {
    if (launch.temporaryProfile) rmSync(launch.temporaryProfile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  };
  child.once('exit', removeProfile);
  return {
    process: child,
    close() {
      if (child.pid && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      removeProfile();
    },
  };
}

export async function runBrowserHost(options: LaunchOptions, rendererDir: string): Promise<void> {
  const dataDir = resolve(options.dataDir || defaultDataDir());
  let core;
  try {
    core = await openCore({ dataDir, demo: options.demo, pagePdf: renderPagePdf, ...(options.idleLockMinutes !== undefined && { idleLockMinutes: options.idleLockMinutes }) });
  } catch (error) {
    if (error instanceof DatabaseRefusedError) {
      console.error(`Meja Klarifikasi cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const host = await startBrowserHost({ core, rendererDir: resolve(rendererDir), ...(options.port !== undefined && { port: options.port }) });
  console.log(`Meja Klarifikasi${options.demo ? ' (DEMO)' : ''}: data in ${core.databasePath}`);

  const hasScreen = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  let browser: RunningChromium | null = null;
  if (options.open && hasScreen && existsSync(CHROMIUM_PATH)) {
    // No address printed: an unused launch token in a terminal or a log would open the desk to whoever reads it.
    console.log(`Opening the desk in Chromium at ${host.origin}`);
    const launch = chromiumLaunch((uid) => host.launchUrlFor(uid), { dataDir, kiosk: options.kiosk });
    browser = startChromium(launch);
    browser.process.on('exit', () => console.log('Chromium closed; the desk keeps running until you press Ctrl+C.'));
  } else {
    console.log(`Open the desk at: ${host.launchUrl}`);
    if (options.open) console.log('No screen or Chromium found here: open the address above in Chromium (it works once).');
  }

  const stop = async () => {
    browser?.close();
    await host.close();
    core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
