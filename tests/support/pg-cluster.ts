// Owns throwaway PostgreSQL clusters for tests and benchmarks: initdb + pg_ctl in a temp folder on a free
// loopback port, torn down afterwards. PostgreSQL refuses to run as root, so as root the cluster runs as the
// `postgres` user (Debian's postgresql package creates it; `npm run system-deps` installs the package).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  dataDir: string;
  /** A fresh empty database in this cluster, as a connection URL. */
  createDatabase(name: string): string;
  /** The URL of a database of this cluster by name (for one kept from an earlier run). */
  urlOf(name: string): string;
  /** Stops the server and removes its folder (a kept cluster stays, shut down cleanly). */
  stop(): void;
}

export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')));
  if (!dir) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `npm run system-deps`.');
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export interface PgClusterOptions {
  /** Keep fsync and full-page writes on, as a real server (benchmarks); tests turn them off. */
  durable?: boolean;
  /** A folder to keep the cluster in between runs (benchmarks cache generated data); a temp folder otherwise. */
  keepIn?: string;
}

/** Starts a cluster: a new one in a temp folder (removed by stop), or the one kept in `keepIn`. */
export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = postgresBinDir();
  const dataDir = options.keepIn ?? mkdtempSync(join(tmpdir(), 'meja-pg-'));
  mkdirSync(dataDir, { recursive: true });
  const owner = postgresUser();
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const run = (tool: string, args: string[]) =>
    execFileSync(owner ? 'runuser' : join(bin, tool), owner ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: dataDir,
    });
  const pgData = join(dataDir, 'data');
  if (!existsSync(join(pgData, 'PG_VERSION'))) run('initdb', ['-D', pgData, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const settings = options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
  const serverOptions = [`-p ${port}`, `-k ${dataDir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=300', ...settings].join(' ');
  run('pg_ctl', ['-D', pgData, '-o', serverOptions, '-l', join(dataDir, 'server.log'), '-w', '-t', '120', 'start']);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    urlOf(name: string) {
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      execFileSync(join(bin, 'psql'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-c', `CREATE DATABASE ${name}`], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (options.keepIn) {
        run('pg_ctl', ['-D', pgData, '-m', 'fast', '-w', 'stop']);
        return;
      }
      try {
        run('pg_ctl', ['-D', pgData, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
