// Owns a browser-host launch: open the core for the launch options, serve it, and open Chromium on it if there is a screen.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseRefusedError, defaultDataDir, openCore } from '../core';
import type { LaunchOptions } from '../core/launch-options';
import { startBrowserHost } from './browser-host';

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

export async function runBrowserHost(options: LaunchOptions, rendererDir: string): Promise<void> {
  const dataDir = resolve(options.dataDir || defaultDataDir());
  let core;
  try {
    core = await openCore({ dataDir, demo: options.demo, ...(options.idleLockMinutes !== undefined && { idleLockMinutes: options.idleLockMinutes }) });
  } catch (error) {
    if (error instanceof DatabaseRefusedError) {
      console.error(`Meja Klarifikasi cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const host = await startBrowserHost({ core, rendererDir: resolve(rendererDir), ...(options.port !== undefined && { port: options.port }) });
  console.log(`Meja Klarifikasi${options.demo ? ' (DEMO)' : ''}: data in ${core.databasePath}`);
  console.log(`Open the desk at: ${host.launchUrl}`);

  const hasScreen = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (options.open && hasScreen && existsSync(CHROMIUM_PATH)) {
    const profile = join(dataDir, 'chromium-profile');
    mkdirSync(profile, { recursive: true });
    const args = [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `--app=${host.launchUrl}`];
    if (options.kiosk) args.push('--kiosk');
    if (process.getuid?.() === 0) args.push('--no-sandbox'); // Chromium refuses to run as root otherwise.
    const browser = spawn(CHROMIUM_PATH, args, { stdio: 'ignore' });
    browser.on('exit', () => console.log('Chromium closed; the desk keeps running until you press Ctrl+C.'));
  } else if (options.open) {
    console.log('No screen or Chromium found here: open the address above in Chromium.');
  }

  const stop = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
