// Checks the Electron shell's build: the bundles esbuild makes, the packaging config, the fuse hook, and the
// app:// file rules the main bundle serves the renderer with. Electron itself cannot run here.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  loadRendererFile,
  mimeTypeFor,
  resolveRendererPath,
} from '../../electron/main/renderer-files';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/index';
import { buildElectron, type ElectronBuildResult } from '../../scripts/build-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

/** Every module name the bundle loads with a literal require("..."), and whether any require is not literal. */
function requiredModules(code: string): { names: string[]; nonLiteral: number } {
  const literal = [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((match) => match[2] ?? '');
  const all = code.match(/\brequire\(/g)?.length ?? 0;
  return { names: [...new Set(literal)].sort(), nonLiteral: all - literal.length };
}

let outDir: string;
let built: ElectronBuildResult;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'desk-electron-build-'));
  built = await buildElectron({ outDir });
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron', async () => {
    const code = await readFile(built.preloadFile, 'utf8');
    expect(requiredModules(code)).toEqual({ names: ['electron'], nonLiteral: 0 });
  });

  it('inlines the channel names and leaves zod and the procedure table out', () => {
    // Files esbuild read but tree-shook away count for nothing; what matters is what reached the output.
    const output = Object.values(built.preload.outputs).find((entry) => entry.entryPoint !== undefined);
    const inputs = Object.entries(output?.inputs ?? {})
      .filter(([, contribution]) => contribution.bytesInOutput > 0)
      .map(([input]) => input);
    expect(inputs).toContain('shared/contract/channels.ts');
    expect(inputs.some((input) => input.includes('node_modules'))).toBe(false);
    expect(inputs.every((input) => input.startsWith('electron/preload/') || input.startsWith('shared/contract/'))).toBe(
      true,
    );
  });

  it('exposes exactly window.desk with invoke and on, and on delivers only the named event payload', async () => {
    const code = await readFile(built.preloadFile, 'utf8');
    const exposed = new Map<string, unknown>();
    const sent: unknown[][] = [];
    const listeners = new Set<(event: unknown, message: unknown) => void>();
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          sent.push(args);
          return Promise.resolve({ ok: true, value: 'pong' });
        },
        on: (channel: string, fn: (event: unknown, message: unknown) => void) => {
          expect(channel).toBe(IPC_EVENT_CHANNEL);
          listeners.add(fn);
        },
        removeListener: (channel: string, fn: (event: unknown, message: unknown) => void) => {
          expect(channel).toBe(IPC_EVENT_CHANNEL);
          listeners.delete(fn);
        },
      },
    };
    const fakeRequire = (name: string): unknown => {
      if (name === 'electron') return fakeElectron;
      throw new Error(`the preload required ${name}`);
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(fakeRequire, module, module.exports);

    expect([...exposed.keys()]).toEqual(['desk']);
    const desk = exposed.get('desk') as {
      invoke(name: string, input: unknown): Promise<unknown>;
      on(name: string, fn: (payload: unknown) => void): () => void;
    };
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);

    await expect(desk.invoke('status.get', { a: 1 })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(sent).toEqual([[IPC_INVOKE_CHANNEL, 'status.get', { a: 1 }]]);

    const received: unknown[] = [];
    const unsubscribe = desk.on('session.changed', (...args: unknown[]) => received.push(args));
    const ipcEvent = { sender: 'the IpcRendererEvent' };
    for (const listener of listeners) {
      listener(ipcEvent, { name: 'sync.status', payload: { other: true } });
      listener(ipcEvent, { name: 'session.changed', payload: { session: null } });
      listener(ipcEvent, 'not an event');
    }
    expect(received).toEqual([[{ session: null }]]);
    unsubscribe();
    expect(listeners.size).toBe(0);
  });
});

describe('the main bundle', () => {
  it('keeps electron and better-sqlite3 external and bundles everything else but Node built-ins', async () => {
    const code = await readFile(built.mainFile, 'utf8');
    const { names, nonLiteral } = requiredModules(code);
    expect(names).toContain('electron');
    expect(names).toContain('better-sqlite3');
    const others = names.filter((name) => name !== 'electron' && name !== 'better-sqlite3');
    expect(others.every((name) => name.startsWith('node:'))).toBe(true);
    expect(nonLiteral).toBe(0);
    const inputs = Object.keys(built.main.inputs);
    expect(inputs.some((input) => input.includes('node_modules/better-sqlite3/'))).toBe(false);
    expect(inputs.some((input) => input.includes('node_modules/electron/'))).toBe(false);
  });

  it('looks for the renderer and the preload beside itself, so the same paths hold inside app.asar', async () => {
    const code = await readFile(built.mainFile, 'utf8');
    expect(code).toMatch(/\.join\(__dirname, "\.\.\/dist\/renderer"\)/);
    expect(code).toMatch(/\.join\(__dirname, "preload\.cjs"\)/);
    expect(path.basename(built.preloadFile)).toBe('preload.cjs');
    expect(path.dirname(built.preloadFile)).toBe(path.dirname(built.mainFile));
  });

  it('writes source maps next to both bundles', async () => {
    for (const file of [built.mainFile, built.preloadFile]) {
      const map = JSON.parse(await readFile(`${file}.map`, 'utf8')) as { version: number; sources: string[] };
      expect(map.version).toBe(3);
      expect(map.sources.length).toBeGreaterThan(0);
    }
  });
});

interface TargetEntry {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  win: { target: TargetEntry[] };
  nsis: { perMachine: boolean };
  linux: { target: TargetEntry[]; executableName: string };
}

describe('build/electron-builder.config.cjs', () => {
  const config = requireFromRoot('./build/electron-builder.config.cjs') as BuilderConfig;

  it('ships the renderer, the bundles and package.json, and unpacks better-sqlite3 native files', () => {
    expect(config.productName).toBe('Meja Klarifikasi');
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**/*', 'dist-electron/**/*', 'package.json']));
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
  });

  it('targets NSIS per machine on Windows and AppImage and deb on Linux, all x64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
  });

  it('runs build/after-pack.cjs after packing', () => {
    expect(path.resolve(ROOT, config.afterPack)).toBe(path.join(ROOT, 'build', 'after-pack.cjs'));
  });

  it("passes electron-builder's own schema", async () => {
    const builderRequire = createRequire(requireFromRoot.resolve('electron-builder'));
    const { validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: 1 }, new DebugLogger(false))).rejects.toThrow(
      /notAnOption/,
    );
  });
});

interface PackContextStub {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
type AfterPack = ((context: PackContextStub) => Promise<void>) & {
  FUSE_SETTINGS: Readonly<Record<string, boolean>>;
  electronBinaryPath(context: PackContextStub): string;
};

describe('build/after-pack.cjs', () => {
  const afterPack = requireFromRoot('./build/after-pack.cjs') as AfterPack;
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  // Fuse wire v1 as Electron ships it: RunAsNode, the Node switches and file:// privileges on, asar checks off.
  const SHIPPED_WIRE = '101100111';

  async function fakeElectronBinary(file: string): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    const header = Buffer.from([1, SHIPPED_WIRE.length]);
    await writeFile(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), header, Buffer.from(SHIPPED_WIRE), Buffer.alloc(512, 7)]));
  }

  async function fuseWire(file: string): Promise<string> {
    const bytes = await readFile(file);
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
    return bytes.subarray(at, at + SHIPPED_WIRE.length).toString('latin1');
  }

  it.each([
    ['linux', 'meja-klarifikasi', { appInfo: { productFilename: 'Meja Klarifikasi' }, executableName: 'meja-klarifikasi' }],
    ['win32', 'Meja Klarifikasi.exe', { appInfo: { productFilename: 'Meja Klarifikasi' } }],
  ] as const)('flips the fuses of the %s binary', async (platform, binaryName, packager) => {
    const appOutDir = await mkdtemp(path.join(tmpdir(), `desk-after-pack-${platform}-`));
    try {
      const context: PackContextStub = { appOutDir, electronPlatformName: platform, arch: 1, packager };
      const binary = path.join(appOutDir, binaryName);
      expect(afterPack.electronBinaryPath(context)).toBe(binary);
      await fakeElectronBinary(binary);
      await afterPack(context);
      // Order of FuseV1Options: RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, asar integrity,
      // asar only, V8 snapshot (untouched), file:// privileges, wasm trap handlers (untouched).
      expect(await fuseWire(binary)).toBe('010011101');
    } finally {
      await rm(appOutDir, { recursive: true, force: true });
    }
  });

  it('sets exactly the fuses the desk depends on', () => {
    expect(afterPack.FUSE_SETTINGS).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('fails loudly when the binary is not where electron-builder should have put it', async () => {
    const appOutDir = await mkdtemp(path.join(tmpdir(), 'desk-after-pack-missing-'));
    try {
      await expect(
        afterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'x' } } }),
      ).rejects.toThrow(/not found/);
    } finally {
      await rm(appOutDir, { recursive: true, force: true });
    }
  });
});

describe('app://desk/ file rules (electron/main/renderer-files.ts)', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'desk-renderer-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>desk</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(path.dirname(root), 'desk-secret.txt'), 'outside');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(path.join(path.dirname(root), 'desk-secret.txt'), { force: true });
  });

  it('refuses every way out of the renderer folder and every other host', () => {
    for (const url of [
      'app://desk/..%2fdesk-secret.txt',
      'app://desk/assets/..%2f..%2fdesk-secret.txt',
      'app://desk/..%5cdesk-secret.txt',
      'app://desk/%2e%2e%2fdesk-secret.txt',
      'app://desk/assets/%00.js',
      'app://desk/C:/Windows/win.ini',
      'app://desk/%E0%A4%A',
      'app://other/index.html',
      'app://desk.evil/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveRendererPath(root, url), url).toBeNull();
    }
    // WHATWG URL parsing already folds plain dot segments, which therefore stay inside.
    expect(resolveRendererPath(root, 'app://desk/../desk-secret.txt')).toBe(path.join(root, 'desk-secret.txt'));
  });

  it('serves files with their MIME type and the policy, index.html for routes, 404 for missing assets', async () => {
    const index = await loadRendererFile(root, 'app://desk/', 'GET');
    expect(index.status).toBe(200);
    expect(index.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(index.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(Buffer.from(index.body ?? []).toString()).toContain('<title>desk</title>');

    const script = await loadRendererFile(root, 'app://desk/assets/app.js', 'GET');
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');

    const route = await loadRendererFile(root, 'app://desk/cases/42', 'GET');
    expect(route.status).toBe(200);
    expect(route.headers['Content-Type']).toBe('text/html; charset=utf-8');

    const missing = await loadRendererFile(root, 'app://desk/assets/missing.js', 'GET');
    expect(missing.status).toBe(404);
    expect(missing.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);

    const escape = await loadRendererFile(root, 'app://desk/..%2fdesk-secret.txt', 'GET');
    expect(escape.status).toBe(404);
    expect(escape.body).toBeNull();

    expect((await loadRendererFile(root, 'app://desk/index.html', 'POST')).status).toBe(405);
    const head = await loadRendererFile(root, 'app://desk/index.html', 'HEAD');
    expect([head.status, head.body]).toEqual([200, null]);
  });

  it('names the types the renderer needs exactly', () => {
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('carries the agreed policy, directive by directive', () => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob: mediastream:",
      "worker-src 'self' blob:",
      "connect-src 'self'",
      "font-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]);
  });
});
