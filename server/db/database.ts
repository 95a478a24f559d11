// Owns the hub's connection to PostgreSQL: a pool on DATABASE_URL, or, with none, an embedded PostgreSQL
// (PGlite) in the hub's data folder served on a private Unix socket, so the same client and SQL serve both.
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface HubDatabase {
  pool: pg.Pool;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/**
 * PGlite is one backend. Its socket server can multiplex connections, but interleaves their extended-protocol
 * messages outside transactions (one connection's Bind can meet another's Parse), so the hub keeps to one
 * connection; the admin command line reaches a running embedded hub through the hub's admin socket instead.
 */
const PGLITE_CONNECTIONS = 1;
/** Bytes of the Unix socket path that every platform accepts. */
const MAX_SOCKET_PATH = 100;

// bigint (int8) columns come back as strings by default; our counters stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function openPostgres(databaseUrl: string, poolSize = 20): Promise<HubDatabase> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server (a restart, a failover) must not crash the hub; the next query reconnects.
  pool.on('error', () => undefined);
  return { pool, kind: 'postgresql', close: () => pool.end() };
}

/** DATABASE_URL when given; otherwise the embedded database of dataDir. */
export async function openDatabase(databaseUrl: string | undefined, dataDir: string): Promise<HubDatabase> {
  if (databaseUrl) return openPostgres(databaseUrl);
  return openEmbedded(dataDir);
}

const EMBEDDED_PORT = 5432;

/** The folder of the embedded database's socket (PGlite asks no password: the folder's mode 0700 guards it). */
export function socketDirOf(dataDir: string): string {
  return dataDir.length + 20 < MAX_SOCKET_PATH ? dataDir : join('/tmp', `meja-hub-${Buffer.from(dataDir).toString('base64url').slice(-24)}`);
}

export class EmbeddedDatabaseInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: number,
  ) {
    super(`The hub database in ${dataDir} is open in process ${holder}.`);
  }
}

export function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function embeddedPool(socketDir: string): pg.Pool {
  const pool = new pg.Pool({ host: socketDir, port: EMBEDDED_PORT, user: 'postgres', database: 'postgres', max: PGLITE_CONNECTIONS });
  pool.on('error', () => undefined);
  return pool;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock file for this process, or names the live process that holds it. */
function takeLock(lockPath: string): { holder: number | null } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      return { holder: null };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) return { holder };
      unlinkSync(lockPath); // left behind by a process that was killed
    }
  }
  throw new Error(`Cannot take ${lockPath}.`);
}

export async function openEmbedded(dataDir: string): Promise<HubDatabase> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const socketDir = socketDirOf(dataDir);
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  const socketPath = join(socketDir, `.s.PGSQL.${EMBEDDED_PORT}`);
  // PGlite opens its folder in one process only.
  const lockPath = join(dataDir, 'hub.lock');
  const { holder } = takeLock(lockPath);
  if (holder !== null) throw new EmbeddedDatabaseInUse(dataDir, holder);
  if (existsSync(socketPath)) unlinkSync(socketPath); // left behind by a hub that was killed
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let db: InstanceType<typeof PGlite> | undefined;
  let server: InstanceType<typeof PGLiteSocketServer>;
  try {
    db = await PGlite.create(join(dataDir, 'pgdata'));
    server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: PGLITE_CONNECTIONS });
    await server.start();
  } catch (error) {
    await db?.close().catch(() => undefined);
    unlinkSync(lockPath);
    throw error;
  }
  const pool = embeddedPool(socketDir);
  return {
    pool,
    kind: 'pglite',
    async close() {
      await pool.end();
      await server.stop();
      await db!.close();
      if (existsSync(socketPath)) unlinkSync(socketPath);
      unlinkSync(lockPath);
    },
  };
}
