// Desks and a hub on this machine for the end-to-end tests that sync: a hub on a throwaway PostgreSQL cluster (or
// the embedded one), and desks that are each a real core and browser host in their own data folder, as two desk PCs
// would be. Each is stopped and its folder removed by the test's `finally`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type CoreOptions, type DeskCore } from '../../electron/core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { renderPagePdf } from '../../electron/host/chromium';
import { startHub, type RunningHub } from '../../server/hub';
import { createLogger } from '../../server/logger';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { RENDERER_DIR } from './desk-fixture';

/**
 * Background syncs every second, retries within two: the screens change while the test watches. A request may take
 * long on a loaded machine (a hub, its PostgreSQL, desks and Chromium on two cores): with a short request timeout a
 * slow answer read as "offline" and a header that should say "Tersinkron" did not (sync.spec's first test, once).
 */
export const FAST_SYNC = { intervalMs: 1_000, backoffMs: 500, maxBackoffMs: 2_000, requestTimeoutMs: 30_000 };
/** Syncs only when asked, so a test decides when each desk has pulled. */
export const MANUAL_SYNC = { intervalMs: 3_600_000, backoffMs: 3_600_000, maxBackoffMs: 3_600_000, requestTimeoutMs: 3_000 };

export interface E2eDesk {
  core: DeskCore;
  host: BrowserHost;
  dataDir: string;
  close(): Promise<void>;
}

/** A desk PC: a core on its own data folder and its browser host, whose Chromium renders PDFs as the launcher's does. */
export async function startDesk(options: Partial<CoreOptions> = {}): Promise<E2eDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'meja-e2e-desk-'));
  const core = await openCore({ dataDir, syncTiming: FAST_SYNC, pagePdf: renderPagePdf, ...options });
  const host = await startBrowserHost({ core, rendererDir: RENDERER_DIR });
  return {
    core,
    host,
    dataDir,
    async close() {
      await host.close();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface PgHub {
  /** The running hub; undefined while stopped. */
  hub: RunningHub | undefined;
  /** Starts the hub again on the same database and folder (on `port`, or the one it had). */
  start(port?: number): Promise<RunningHub>;
  stop(): Promise<void>;
  /** Stops the hub and the cluster and removes their folders. */
  close(): Promise<void>;
}

/** A hub on a throwaway PostgreSQL cluster of its own, listening on a free loopback port. */
export async function startPgHub(): Promise<PgHub> {
  const hubDir = mkdtempSync(join(tmpdir(), 'meja-e2e-hub-'));
  let cluster: PgCluster | undefined;
  try {
    cluster = await startPgCluster();
  } catch (error) {
    rmSync(hubDir, { recursive: true, force: true });
    throw error;
  }
  const databaseUrl = cluster.createDatabase('hub_e2e');
  let lastPort = 0;
  const hubs: PgHub = {
    hub: undefined,
    async start(port = lastPort) {
      hubs.hub = await startHub({ databaseUrl, dataDir: hubDir, host: '127.0.0.1', port, logger: createLogger('silent') });
      lastPort = hubs.hub.port;
      return hubs.hub;
    },
    async stop() {
      await hubs.hub?.close();
      hubs.hub = undefined;
    },
    async close() {
      await hubs.stop();
      cluster?.stop();
      rmSync(hubDir, { recursive: true, force: true });
    },
  };
  try {
    await hubs.start();
  } catch (error) {
    await hubs.close();
    throw error;
  }
  return hubs;
}

/** Calls a procedure on a desk's core and gives its value, or fails the test with the core's refusal. */
export async function must(core: DeskCore, name: string, input: unknown): Promise<Record<string, unknown>> {
  const result = (await core.dispatch(name as never, input as never)) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
}
