// Owns starting and stopping one hub process: database (PostgreSQL or embedded), migrations, services and the
// HTTP(S) server, with the rule that plain HTTP listens only on loopback.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { adminCommands, startAdminSocket } from './admin-socket';
import { AdminLog } from './audit/admin-log';
import { AuditHeads } from './audit/audit-heads';
import { openDatabase, type HubDatabase } from './db/database';
import { migrate } from './db/migrations';
import { DeskRegistry } from './desks/desk-registry';
import { EventLog } from './events/event-log';
import { createHubServer } from './http/http-server';
import type { HubServices } from './http/routes';
import { createLogger, type HubLogger } from './logger';
import { OfficerAccounts } from './reference/officer-accounts';
import { ReferenceLog } from './reference/reference-log';

export interface HubOptions {
  /** PostgreSQL to use; without one the hub runs an embedded PostgreSQL (PGlite) in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  tls?: { certFile: string; keyFile: string };
  logger?: HubLogger;
}

export interface RunningHub {
  /** Base address, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  database: HubDatabase;
  services: HubServices;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function createServices(database: HubDatabase, hubId: string): HubServices {
  const { pool } = database;
  const adminLog = new AdminLog(pool);
  return {
    pool,
    database: database.kind,
    hubId,
    desks: new DeskRegistry(pool),
    events: new EventLog(pool),
    reference: new ReferenceLog(pool),
    audit: new AuditHeads(pool),
    officers: new OfficerAccounts(pool, adminLog),
    adminLog,
  };
}

/** Opens the database, applies migrations and returns the services (the admin command line uses this too). */
export async function openHubDatabase(options: Pick<HubOptions, 'databaseUrl' | 'dataDir'>): Promise<{ database: HubDatabase; services: HubServices }> {
  const database = await openDatabase(options.databaseUrl, options.dataDir);
  try {
    await migrate(database.pool);
    const hubId = await new DeskRegistry(database.pool).hubId();
    return { database, services: createServices(database, hubId) };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  if (!options.tls && !isLoopback(options.host)) {
    throw new Error(`Plain HTTP is only for loopback: to listen on ${options.host}, give a TLS certificate and key (--tls-cert, --tls-key).`);
  }
  const logger = options.logger ?? createLogger();
  const tls = options.tls ? { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) } : null;
  const { database, services } = await openHubDatabase(options);
  const server = createHubServer(services, logger, tls);
  // PostgreSQL takes the admin command line's own connection; the embedded database is this process's alone.
  const adminServer = database.kind === 'pglite' ? await startAdminSocket(adminCommands(services), options.dataDir) : null;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    adminServer?.close();
    await database.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    database,
    services,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await new Promise<void>((resolve) => (adminServer ? adminServer.close(() => resolve()) : resolve()));
      await database.close();
    },
  };
}
