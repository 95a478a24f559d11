// Crash safety: a real process records decisions and is killed with SIGKILL at random moments, over and over.
// Every decision it acknowledged must be there, no case half written, the file intact, the audit chain whole.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/core';

const KILLS = 200;
let workDir: string;
let writer: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'meja-crash-'));
  // Bundled once so each of the many restarts costs a plain node start-up; inside the project so that
  // better-sqlite3 resolves from its node_modules.
  writer = join(process.cwd(), 'test-output', 'crash-safety', 'decision-writer.mjs');
  await build({
    entryPoints: ['tests/fixtures/decision-writer.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: writer,
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Runs the writer until it has acknowledged at least one decision, then a random while longer, then SIGKILL. */
function runAndKill(dataDir: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const acknowledged = new Map<string, string>();
    const child = spawn(process.execPath, [writer, dataDir], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    let errors = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [tag, caseId, outcome] = line.split(' ');
        if (tag === 'ACK' && caseId && outcome) acknowledged.set(caseId, outcome);
      }
      timer ??= setTimeout(() => child.kill('SIGKILL'), Math.random() * 60);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped by itself: ${errors}`));
      else resolve(acknowledged);
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged decision across ${KILLS} SIGKILLs, with nothing half written`, async () => {
    const dataDir = join(workDir, 'desk');
    const acknowledged = new Map<string, string>();
    for (let run = 0; run < KILLS; run++) {
      for (const [caseId, outcome] of await runAndKill(dataDir)) acknowledged.set(caseId, outcome);
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS);

    const db = new Database(join(dataDir, 'desk.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const decided = new Map(
      (db.prepare('SELECT id, decision FROM cases WHERE decision IS NOT NULL').all() as { id: string; decision: string }[]).map((r) => [r.id, r.decision]),
    );
    for (const [caseId, outcome] of acknowledged) expect(decided.get(caseId)).toBe(outcome);
    // Every case row has its opening event; every decision has its event and the reverse.
    expect(db.prepare("SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.type = 'case.opened')").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM cases c WHERE c.decision IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.type = 'case.decided')").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM events e WHERE e.type = 'case.decided' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id AND c.decision IS NOT NULL)").pluck().get()).toBe(0);
    // A non-clear decision is never stored without its reasons, ground and note.
    expect(db.prepare("SELECT count(*) FROM cases WHERE decision = 'tunda' AND (reasons = '[]' OR legal_ground IS NULL OR note = '')").pluck().get()).toBe(0);
    // Per-device sequence numbers have no gaps: no event was lost between two that survived.
    const seq = db.prepare('SELECT count(*) AS n, max(device_seq) AS top FROM events').get() as { n: number; top: number };
    expect(seq.n).toBe(seq.top);
    db.close();

    const services = openServices({ dataDir });
    expect(services.audit.verify()).toMatchObject({ ok: true });
    services.db.close();
  }, 600_000);
});
