// Owns running a desk's core in a child process (tests/support/desk-child.ts) for tests that SIGKILL a desk in the
// middle of a sync, as a power cut would.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface DeskProcess {
  child: ChildProcess;
  /** SIGKILL: no goodbye, no closing of the database. */
  kill(): Promise<void>;
}

export function startDeskProcess(dataDir: string): DeskProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'support', 'desk-child.ts'), dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL') console.error(`[desk process] ended with ${code ?? signal} before the test killed it:\n${output}`);
  });
  return {
    child,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await ended;
    },
  };
}
