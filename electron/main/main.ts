// Owns the Electron main process: launch options, single instance, the one kiosk window, and starting and
// stopping the core. Security rules live in security.ts, the app:// scheme in protocol.ts, IPC in ipc.ts.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { openCore, PRODUCT_NAME, type DeskCore } from '../core/index';
import { LaunchOptionError, parseLaunchOptions, type LaunchOptions } from '../core/launch-options';
import { APP_ENTRY_URL } from './app-origin';
import { credentialStoreFor } from './credential-cipher';
import { wireIpc } from './ipc';
import { shellCapabilities } from './printing';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, installWebContentsGuards } from './security';

// This file is bundled to dist-electron/main.cjs; the renderer and the preload sit beside the bundle both in
// the source tree and inside app.asar, so both are found relative to it.
const RENDERER_ROOT = path.join(__dirname, '../dist/renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

process.setSourceMapsEnabled(true);

// Stack traces and the core's own default (core/index.ts defaultDataDir) both name the folder after the
// product, whatever package.json's name is; align Electron's userData before anything reads it.
app.setName(PRODUCT_NAME);
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
// Chromium's caches and storage stay out of the folder that holds the desk database.
app.setPath('sessionData', path.join(app.getPath('userData'), 'chromium'));

registerAppScheme();
app.enableSandbox();
installWebContentsGuards();

let mainWindow: BrowserWindow | null = null;
let core: DeskCore | null = null;
let teardownIpc: (() => void) | null = null;

function readLaunchOptions(): LaunchOptions | null {
  try {
    // The parser skips anything not starting with "--", so the executable and the app path can stay in.
    return parseLaunchOptions(process.argv.slice(1), process.env);
  } catch (error) {
    const message = error instanceof LaunchOptionError ? error.message : String(error);
    dialog.showErrorBox(PRODUCT_NAME, message);
    return null;
  }
}

function createWindow(options: LaunchOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: true,
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Officers must not reach the console of a packaged desk; developers keep it.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  // A crashed renderer would leave a kiosk showing a blank screen; start the app afresh instead.
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error('[main] renderer gone:', details.reason);
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) void window.loadURL(APP_ENTRY_URL);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function focusWindow(): void {
  const window = mainWindow;
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

async function start(options: LaunchOptions): Promise<void> {
  await app.whenReady();
  // A kiosk has no menu: its accelerators would offer reload, zoom and developer tools.
  if (options.kiosk || app.isPackaged) Menu.setApplicationMenu(null);

  hardenSession(session.defaultSession);
  serveRenderer(RENDERER_ROOT);

  // An empty dataDir is the parser's way of saying "the shell's default".
  const dataDir = options.dataDir === '' ? app.getPath('userData') : path.resolve(options.dataDir);
  // The core prints through the window it is shown in; it asks, and records a print only once one happened.
  core = await openCore({
    dataDir,
    demo: options.demo,
    idleLockMinutes: options.idleLockMinutes,
    credentials: credentialStoreFor(dataDir, options.demo),
    shell: shellCapabilities(() => mainWindow),
  });
  teardownIpc = wireIpc(core, () => mainWindow);

  mainWindow = createWindow(options);
}

function shutdown(): void {
  teardownIpc?.();
  teardownIpc = null;
  try {
    core?.close();
  } catch (error) {
    console.error('[main] closing the core failed', error);
  }
  core = null;
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another desk window is already open on this machine; it is told to come forward (second-instance).
    app.quit();
    return;
  }
  app.on('second-instance', focusWindow);

  const options = readLaunchOptions();
  if (options === null) {
    app.exit(2);
    return;
  }
  // --web, --port and --no-open belong to the browser host (scripts/start.ts picks the shell); here they are moot.
  if (options.web) console.warn('[main] --web was given to the Electron shell; starting the desk window anyway.');

  // One window for the life of the app; closing it ends the desk, also on macOS.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', shutdown);
  // On macOS, clicking the dock icon with no window reopens it (never in practice on a desk, but harmless).
  app.on('activate', () => {
    if (mainWindow === null && core !== null) mainWindow = createWindow(options);
  });

  start(options).catch((error: unknown) => {
    console.error('[main] start-up failed', error);
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(PRODUCT_NAME, `The desk could not start.\n\n${message}`);
    app.exit(1);
  });
}

main();
