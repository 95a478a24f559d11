// Benchmark (not a test): the desk's tamper check (audit chain, head file, triggers, every case rebuilt from its
// events) on a big generated database, through the real core, and whether the officer is answered meanwhile:
// a signed-in officer's calls go through dispatch while the check runs in the background, and their latencies are
// printed beside the same calls once the check has finished, with the machine's load.
//
//   npm run bench:integrity                      1,000,000 cases (cached under test-output/bench/)
//   npm run bench:integrity -- --cases=50000     a smaller database
//
// The run uses a copy of the cached database (the core writes to it), deleted afterwards.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntegrityReport } from '../../shared/contract';
import { openCore, openServices } from '../../electron/core';
import { openDatabase } from '../../electron/core/db/connection';
import { closeCheckpointed, generateCaseDatabase } from './case-generator';

function option(name: string): string | undefined {
  const arg = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
}
const CASES = Number(option('cases') ?? 1_000_000);
if (!Number.isInteger(CASES) || CASES < 1000) throw new Error('--cases must be a whole number of at least 1000');
const DIR = join('test-output', 'bench');
const CACHE = join(DIR, `cases-${CASES === 1_000_000 ? '1m' : String(CASES)}-rebuildable.sqlite`);
const ADMIN = { officerNumber: 'BENCH-ADM', password: 'bench integrity admin 2026' };
/** What an officer does at the desk between travellers: a lookup by document number. */
const OFFICER_CALL = { name: 'cases.search', input: { documentNumber: 'Z0000000' } } as const;

mkdirSync(DIR, { recursive: true });
if (!existsSync(CACHE)) {
  console.log(`Building ${CACHE} with ${CASES.toLocaleString('en')} cases (events of today's version, rows by the projector) …`);
  const report = generateCaseDatabase(CACHE, CASES, (line) => console.log(line), { rebuildable: true });
  console.log(`built in ${(report.ms / 1000).toFixed(1)} s`);
} else {
  closeCheckpointed(openDatabase(CACHE));
}

const dataDir = mkdtempSync(join(tmpdir(), 'meja-bench-integrity-'));
try {
  copyFileSync(CACHE, join(dataDir, 'desk.sqlite'));
  // A real desk has its head file and an admin who can sign in; the generated file has neither.
  const setup = openServices({ dataDir });
  setup.audit.writeHeadFile();
  const created = await setup.officers.create({ name: 'Bench Admin', officerNumber: ADMIN.officerNumber, agency: 'BP3MI', role: 'admin', password: ADMIN.password }, null);
  if (!created.ok) throw new Error(`bench admin: ${created.error.message}`);
  closeCheckpointed(setup.db);

  const started = performance.now();
  const core = await openCore({ dataDir });
  try {
    const signIn = await core.dispatch('session.signIn', ADMIN);
    if (!signIn.ok) throw new Error(`sign-in: ${signIn.error.message}`);
    const during: number[] = [];
    let report: IntegrityReport = { state: 'pending', checkedAt: null, problems: [] };
    while (report.state === 'pending') {
      const callStarted = performance.now();
      const answer = await core.dispatch(OFFICER_CALL.name, OFFICER_CALL.input);
      if (!answer.ok) throw new Error(`${OFFICER_CALL.name}: ${answer.error.message}`);
      during.push(performance.now() - callStarted);
      const integrity = await core.dispatch('audit.integrity', {});
      if (!integrity.ok) throw new Error(`audit.integrity: ${integrity.error.message}`);
      report = integrity.value as IntegrityReport;
      // An officer does not call back to back; 20 ms apart is still far more often than a real desk.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const checkSeconds = (performance.now() - started) / 1000;
    const after: number[] = [];
    for (let i = 0; i < 200; i++) {
      const callStarted = performance.now();
      await core.dispatch(OFFICER_CALL.name, OFFICER_CALL.input);
      after.push(performance.now() - callStarted);
    }
    const sorted = (times: number[]) => [...times].sort((a, b) => a - b);
    const at = (times: number[], p: number) => sorted(times)[Math.min(times.length - 1, Math.max(0, Math.ceil((p / 100) * times.length) - 1))] ?? NaN;
    const line = (label: string, times: number[]) =>
      `  ${label}: ${times.length} calls, p50 ${at(times, 50).toFixed(1)} ms, p95 ${at(times, 95).toFixed(1)} ms, max ${at(times, 100).toFixed(1)} ms`;
    console.log(`\n${CASES.toLocaleString('en')} cases; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`tamper check from core open to report: ${checkSeconds.toFixed(1)} s, state ${report.state}${report.problems.length ? `: ${report.problems.map((p) => p.detail).join(' | ')}` : ''}`);
    console.log(`${OFFICER_CALL.name} answered by dispatch`);
    console.log(line('while the check ran', during));
    console.log(line('after it finished  ', after));
  } finally {
    core.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
