// Test harness: the browser host over real HTTP in front of a test desk's core, serving a stand-in page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRET_HEADER, startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import type { DeskCore } from '../../electron/core';

export interface TestHost {
  host: BrowserHost;
  /** The folder the host serves as the built renderer. */
  rendererDir: string;
  /** Calls a procedure over /rpc as the desk's own page would (its origin and secret); the parsed answer. */
  rpc(name: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function startTestHost(core: DeskCore): Promise<TestHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'meja-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  const host = await startBrowserHost({ core, rendererDir });
  return {
    host,
    rendererDir,
    async rpc(name, input) {
      const response = await fetch(`${host.origin}/rpc/${name}`, {
        method: 'POST',
        headers: { origin: host.origin, 'content-type': 'application/json', [SECRET_HEADER]: host.secret },
        body: JSON.stringify(input),
      });
      return response.json();
    },
    async close() {
      await host.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
