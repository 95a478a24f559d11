// Benchmark (not a test): the supervisor's daily queue (review.queue through the real ReviewService) on a big
// generated case database, p50/p95 beside the 100 ms target as a ratio; a month's report (review.report, beside the
// month before) p95 beside 300 ms, unfiltered (report_days) and with one filter (counted in SQLite along cases_report),
// alternating call by call with the straightforward computation it replaced (every hold's row and risk JSON read,
// tests/support/straightforward-report.ts), so old and new share one run's load; a
// month's CSV export (review.exportCsv) in seconds; with the machine's load printed.
//
//   npm run bench:review                      1,000,000 cases (the cache bench:cases builds and shares)
//   npm run bench:review -- --cases=50000     a smaller database
//   npm run bench:review -- --iterations=N    timed queue calls (default 1000)
//
// The timings run on a copy of the cached database (each queue call writes its audit entry), deleted afterwards.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportFilterSchema, queueFilterSchema, reportFilterSchema, type Officer } from '../../shared/contract';
import { openServices } from '../../electron/core';
import { closeCheckpointed, generateCaseDatabase, rng } from './case-generator';
import { openDatabase } from '../../electron/core/db/connection';
import { straightforwardReport } from '../support/straightforward-report';

function option(name: string): string | undefined {
  const arg = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
}
const CASES = Number(option('cases') ?? 1_000_000);
const ITERATIONS = Number(option('iterations') ?? 1000);
if (!Number.isInteger(CASES) || CASES < 1000) throw new Error('--cases must be a whole number of at least 1000');
const QUEUE_TARGET_MS = 100;
const REPORT_TARGET_MS = 300;
const REPORT_ITERATIONS = Math.max(10, Math.round(ITERATIONS / 10));
const EXPORTS = 3;
const DIR = join('test-output', 'bench');
const CACHE = join(DIR, `cases-${CASES === 1_000_000 ? '1m' : String(CASES)}.sqlite`);
const SUPERVISOR: Officer = { id: 1, name: 'Bench Supervisor', officerNumber: 'BENCH-SPV', agency: 'BP3MI', role: 'supervisor', active: true, createdAt: '2026-01-01T00:00:00Z' };

mkdirSync(DIR, { recursive: true });
if (!existsSync(CACHE)) {
  console.log(`Building ${CACHE} with ${CASES.toLocaleString('en')} cases …`);
  const report = generateCaseDatabase(CACHE, CASES, (line) => console.log(line));
  console.log(`built in ${(report.ms / 1000).toFixed(1)} s`);
} else {
  // A cache from before the review migration gets it (and keeps it) on opening.
  closeCheckpointed(openDatabase(CACHE));
}
const dataDir = mkdtempSync(join(tmpdir(), 'meja-bench-review-'));
copyFileSync(CACHE, join(dataDir, 'desk.sqlite'));
const services = openServices({ dataDir });
try {
  const range = services.db.prepare('SELECT min(opened_at) AS first, max(opened_at) AS last FROM cases').get() as { first: string; last: string };
  const first = Date.parse(range.first);
  const days = Math.max(1, Math.floor((Date.parse(range.last) - first) / 86_400_000));
  const random = rng(17);
  const times = new Float64Array(ITERATIONS);
  let rows = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const from = new Date(first + Math.floor(random() * days) * 86_400_000);
    const filter = queueFilterSchema.parse({ from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString(), sort: i % 2 ? 'risk' : 'openedAt' });
    const started = performance.now();
    rows += services.review.queue(filter, SUPERVISOR).rows.length;
    times[i] = performance.now() - started;
  }
  times.sort();
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  const total = services.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  console.log(`\n${total.toLocaleString('en')} cases over ${days} days; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`review.queue (one day, every desk): ${ITERATIONS} calls, ${Math.round(rows / ITERATIONS)} holds a day on average`);
  console.log(`  p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms; p95 / target ${QUEUE_TARGET_MS} ms = ${(at(95) / QUEUE_TARGET_MS).toFixed(2)}`);
  // A month's report: a random day of the database's span, its calendar month and the month before it; each month
  // asked of the fast path and of the straightforward computation in turn (which goes first alternates).
  const reportTimes = new Float64Array(REPORT_ITERATIONS);
  const filteredTimes = new Float64Array(REPORT_ITERATIONS);
  const oldTimes = new Float64Array(REPORT_ITERATIONS);
  // With a filter report_days gives only the filter lists: the holds that pass are counted in SQLite (one filter a call, in turn).
  const narrowings = [{ decision: 'tunda' }, { riskLevel: 'high' }, { agency: 'BP3MI' }, { state: 'signed_off' }] as const;
  let monthHolds = 0;
  for (let i = 0; i < REPORT_ITERATIONS; i++) {
    const day = new Date(first + (31 + Math.floor(random() * (days - 31))) * 86_400_000).toISOString().slice(0, 10);
    const filter = reportFilterSchema.parse({ period: 'month', day });
    const fast = () => {
      const started = performance.now();
      monthHolds += services.review.report(filter, SUPERVISOR).totals.holds.current;
      reportTimes[i] = performance.now() - started;
    };
    const filtered = () => {
      const started = performance.now();
      services.review.report(reportFilterSchema.parse({ period: 'month', day, ...narrowings[i % narrowings.length] }), SUPERVISOR);
      filteredTimes[i] = performance.now() - started;
    };
    const old = () => {
      const started = performance.now();
      straightforwardReport(services.db, filter);
      oldTimes[i] = performance.now() - started;
    };
    for (const run of i % 2 ? [fast, filtered, old] : [old, filtered, fast]) run();
  }
  const percentile = (times: Float64Array, p: number) => times.sort()[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  const [newP50, newP95, oldP50, oldP95] = [percentile(reportTimes, 50), percentile(reportTimes, 95), percentile(oldTimes, 50), percentile(oldTimes, 95)];
  const [filteredP50, filteredP95] = [percentile(filteredTimes, 50), percentile(filteredTimes, 95)];
  console.log(`review.report (a month beside the month before): ${REPORT_ITERATIONS} calls each, ${Math.round(monthHolds / REPORT_ITERATIONS)} holds a month on average; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`  new (report_days, no filter): p50 ${newP50.toFixed(1)} ms, p95 ${newP95.toFixed(1)} ms; p95 / target ${REPORT_TARGET_MS} ms = ${(newP95 / REPORT_TARGET_MS).toFixed(2)}`);
  console.log(`  filtered (one filter, counted in SQLite along cases_report): p50 ${filteredP50.toFixed(1)} ms, p95 ${filteredP95.toFixed(1)} ms; p95 / target = ${(filteredP95 / REPORT_TARGET_MS).toFixed(2)}`);
  console.log(`  old (every hold's row and risk JSON): p50 ${oldP50.toFixed(1)} ms, p95 ${oldP95.toFixed(1)} ms; new p95 / old p95 = ${(newP95 / oldP95).toFixed(2)}, filtered p95 / old p95 = ${(filteredP95 / oldP95).toFixed(2)}`);
  // A month's CSV export (31 days, every hold, numbers masked), the browser host's path: the file's text in memory.
  for (let i = 0; i < EXPORTS; i++) {
    const from = new Date(first + Math.floor(random() * (days - 31)) * 86_400_000);
    const filter = exportFilterSchema.parse({ from: from.toISOString(), to: new Date(from.getTime() + 31 * 86_400_000).toISOString() });
    const started = performance.now();
    const exported = await services.review.exportCsv(filter, SUPERVISOR);
    const ms = performance.now() - started;
    if (!exported.ok) throw new Error(exported.error.message);
    console.log(`review.exportCsv (31 days): ${exported.value.rows.toLocaleString('en')} rows, ${((exported.value.csv?.length ?? 0) / 1e6).toFixed(1)} M characters in ${(ms / 1000).toFixed(2)} s`);
  }
  const plan = services.db
    .prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE decision IN ('tunda', 'refer_bp3mi', 'refer_police', 'refer_imigrasi', 'passport_action') AND opened_at >= ? AND opened_at < ?`)
    .all('2026-01-01', '2026-01-02') as { detail: string }[];
  console.log(`  plan: ${plan.map((p) => p.detail).join('; ')}`);
} finally {
  services.db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
