// Owns running the hub as a separate process (`tsx server/main.ts`) for tests that kill and restart it:
// started on a given PostgreSQL and port, ready when /health answers, stopped with SIGKILL or SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface HubProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGKILL: no goodbye, as a power cut. */
  kill(): Promise<void>;
  /** SIGTERM: closes connections and the database. */
  stop(): Promise<void>;
}

/** Starts the hub on `databaseUrl` (PostgreSQL) and `port` (keep it to restart on the same address). */
export async function startHubProcess(options: { databaseUrl: string; port: number; dataDir: string; timeoutMs?: number }): Promise<HubProcess> {
  // node with tsx's loader, not the tsx command: that one runs the hub in a child of its own, which a SIGKILL
  // of the command would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts'), 'serve', `--port=${options.port}`, `--data-dir=${options.dataDir}`], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: options.databaseUrl, MEJA_HUB_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  for (;;) {
    if (exited()) throw new Error(`The hub process ended while starting:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The hub process did not answer /health in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ended = new Promise<void>((resolve) => (exited() ? resolve() : child.once('exit', () => resolve())));
  return {
    url,
    port: options.port,
    child,
    async kill() {
      child.kill('SIGKILL');
      await ended;
    },
    async stop() {
      child.kill('SIGTERM');
      await ended;
    },
  };
}
