// Owns starting a real hub for tests and benchmarks (in this process, over a throwaway PostgreSQL cluster or the
// embedded PGlite), enrolling desks on it, and calling its endpoints over real HTTP.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialHeader, type EnrollResponse, type SyncEvent } from '../../shared/contract/sync';
import { startHub, type RunningHub } from '../../server/hub';
import { createLogger } from '../../server/logger';
import { startPgCluster, type PgCluster } from './pg-cluster';

export type HubBackend = 'postgresql' | 'pglite';

export interface HubAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface TestHub {
  hub: RunningHub;
  url: string;
  /** The PostgreSQL URL the hub uses (postgresql backend only). */
  databaseUrl: string | null;
  /** The hub's data folder (the embedded database and the admin socket live here). */
  dataDir: string;
  /** Makes a desk (admin side) and enrolls it (desk side) as `deviceId`. */
  enrollDesk(airportCode: string, deskCode: string, deviceId?: string): Promise<TestDesk>;
  stop(): Promise<void>;
}

export interface TestDesk extends EnrollResponse {
  call<T = unknown>(path: string, body: unknown): Promise<HubAnswer<T>>;
}

export async function hubCall<T = unknown>(baseUrl: string, path: string, body: unknown, credential?: string): Promise<HubAnswer<T>> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credential ? credentialHeader(credential) : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

let clusterCount = 0;

/** A hub on a fresh database: its own PostgreSQL cluster (or one given), or a fresh PGlite folder. */
export async function startTestHub(backend: HubBackend, options: { cluster?: PgCluster } = {}): Promise<TestHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'meja-hub-'));
  const ownCluster = backend === 'postgresql' && !options.cluster ? await startPgCluster() : null;
  const cluster = options.cluster ?? ownCluster;
  const databaseUrl = cluster ? cluster.createDatabase(`hub_${process.pid}_${++clusterCount}`) : null;
  const hub = await startHub({ databaseUrl: databaseUrl ?? undefined, dataDir, host: '127.0.0.1', port: 0, logger: createLogger('silent') });
  return {
    hub,
    url: hub.url,
    databaseUrl,
    dataDir,
    async enrollDesk(airportCode, deskCode, deviceId = randomUUID()) {
      const { code } = await hub.services.desks.createDesk(airportCode, deskCode, `${airportCode} ${deskCode}`);
      const enrolled = await hubCall<EnrollResponse>(hub.url, '/v1/enroll', { code, deviceId, deskName: `Desk ${deskCode}` });
      if (enrolled.status !== 200) throw new Error(`enroll failed: ${JSON.stringify(enrolled.body)}`);
      return { ...enrolled.body, call: (path, body) => hubCall(hub.url, path, body, enrolled.body.credential) };
    },
    async stop() {
      await hub.close();
      ownCluster?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A well-formed event of `deviceId` at `deviceSeq`; the id is derived from both so that a replay is identical. */
export function testEvent(deviceId: string, deviceSeq: number, overrides: Partial<SyncEvent> = {}): SyncEvent {
  const hex = createHash('sha256').update(`${deviceId}/${deviceSeq}`).digest('hex');
  return {
    id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    deviceId,
    deviceSeq,
    type: 'slip.printed',
    caseId: `case-${deviceId.slice(0, 8)}-${deviceSeq}`,
    officerNumber: 'OFF-1',
    at: new Date(Date.UTC(2026, 11, 1, 8, 0, deviceSeq)).toISOString(),
    schemaVersion: 1,
    // A slip print (catalogue: slip.printed v1); copies vary so that events of one desk differ.
    payload: { layout: 'A5', copies: (deviceSeq % 4) + 1, reprint: deviceSeq > 1, toPdf: false, officerName: 'Petugas Satu' },
    ...overrides,
  };
}
