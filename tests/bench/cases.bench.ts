// Benchmark (not a test): how the case store holds up at a million cases. Owns building (or reusing) the big
// database, timing the real CaseRepository / CaseService paths on it, printing figures beside their targets,
// the query plans of the statements the repository actually prepares, and the bytes each case costs.
//
//   npm run bench:cases                      1,000,000 cases (cached as test-output/bench/cases-1m.sqlite)
//   npm run bench:cases -- --cases=50000     a smaller database (cached as cases-50000.sqlite)
//   npm run bench:cases -- --fresh           rebuild the cached database even when it is complete
//   npm run bench:cases -- --keep            keep the working copy the decision timings wrote into
//                                            (cases-….work.sqlite); by default it is deleted afterwards
//   npm run bench:cases -- --iterations=N    timed calls per measurement (default 1000, at least 1000 is the rule)
//   npm run bench:cases -- --experiment      also time the suggested extra indexes on the working copy
//                                            (runs by itself when a target fails)
//
// The cached file is never written by the timings: the decision timings (which add cases, events and audit
// entries that cannot be deleted) run on a copy, so the cache keeps exactly --cases cases and is reused next time.
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { generateMrz } from '../../shared/mrz';
import type { Officer } from '../../shared/contract';
import { CLEAR_TOURIST } from '../fixtures/triage-answers';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { CaseRepository } from '../../electron/core/cases/case-repository';
import { CaseService } from '../../electron/core/cases/case-service';
import { loadDeskIdentity } from '../../electron/core/desk/desk-identity';
import { EventStore } from '../../electron/core/events/event-store';
import { OfficerRepository, publicOfficer } from '../../electron/core/officers/officer-repository';
import { ReferenceService } from '../../electron/core/reference/reference-service';
import { SettingsService } from '../../electron/core/settings/settings-service';
import {
  BENCH_OFFICER_NUMBER,
  FAMILY_NAMES,
  GIVEN_NAMES,
  closeCheckpointed,
  generateCaseDatabase,
  pick,
  rng,
} from './case-generator';

// ---------------------------------------------------------------------------------------------- options

function option(name: string): string | undefined {
  const arg = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
}
const CASES = Number(option('cases') ?? 1_000_000);
const ITERATIONS = Number(option('iterations') ?? 1000);
const KEEP = option('keep') !== undefined;
const FRESH = option('fresh') !== undefined;
const EXPERIMENT = option('experiment') !== undefined;
if (!Number.isInteger(CASES) || CASES < 1000) throw new Error('--cases must be a whole number of at least 1000');
if (!Number.isInteger(ITERATIONS) || ITERATIONS < 1) throw new Error('--iterations must be a positive whole number');

const DIR = join('test-output', 'bench');
const LABEL = CASES === 1_000_000 ? '1m' : String(CASES);
const CACHE = join(DIR, `cases-${LABEL}.sqlite`);
const WORK = join(DIR, `cases-${LABEL}.work.sqlite`);

const removeDatabase = (file: string): void => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
};
const fileBytes = (file: string): number => (existsSync(file) ? statSync(file).size : 0);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const n = (value: number): string => value.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------- timing

interface Figures {
  label: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  cpuMs: number;
  wallMs: number;
}

const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function summarise(label: string, times: readonly number[], cpuMs: number, wallMs: number): Figures {
  const sorted = Float64Array.from(times).sort();
  return {
    label,
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1]!,
    cpuMs,
    wallMs,
  };
}

/**
 * Times each call on its own (the targets are per call, not throughput). A short warm-up first, so that the
 * figures describe a desk that has been running, not the first lookups after the file was opened.
 */
function measure(label: string, iterations: number, call: (i: number) => void, warmup = Math.min(200, iterations)): Figures {
  for (let i = 0; i < warmup; i++) call(iterations + i);
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    call(i);
    times.push(performance.now() - t0);
  }
  const wallMs = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return summarise(label, times, (cpu.user + cpu.system) / 1000, wallMs);
}

interface Row {
  figures: Figures;
  /** p95 target in ms; undefined for figures shown for information. */
  target?: number;
}

function printTable(title: string, rows: Row[]): boolean {
  const ms = (v: number): string => v.toFixed(v < 10 ? 3 : 1).padStart(9);
  console.log(`\n${title}`);
  console.log(`${'measurement'.padEnd(46)} ${'n'.padStart(6)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'max ms'.padStart(9)}  ${'target p95'.padEnd(11)} result  CPU/wall`);
  let allPass = true;
  for (const { figures: f, target } of rows) {
    const verdict = target === undefined ? '' : f.p95 <= target ? 'PASS' : 'FAIL';
    if (verdict === 'FAIL') allPass = false;
    const busy = `${Math.round((100 * f.cpuMs) / f.wallMs)}%`;
    console.log(
      `${f.label.padEnd(46)} ${String(f.count).padStart(6)} ${ms(f.p50)} ${ms(f.p95)} ${ms(f.p99)} ${ms(f.max)}  ${(target === undefined ? '' : `≤ ${target} ms`).padEnd(11)} ${verdict.padEnd(6)}  ${busy.padStart(8)}`,
    );
  }
  return allPass;
}

// ---------------------------------------------------------------------------------------------- query plans

interface Captured {
  sql: string;
  args: unknown[];
}

/**
 * Runs `call` while recording every statement the repository prepares and the values it runs them with, so the
 * plans shown are those of the repository's own SQL, not of a copy that could drift from it.
 */
function captureStatements(db: Db, call: () => void): Captured[] {
  const captured: Captured[] = [];
  const original = db.prepare;
  const recording = function (this: Db, sql: string) {
    const statement = original.call(this, sql);
    const all = statement.all.bind(statement) as (...args: unknown[]) => unknown;
    const get = statement.get.bind(statement) as (...args: unknown[]) => unknown;
    Object.assign(statement, {
      all: (...args: unknown[]) => (captured.push({ sql, args }), all(...args)),
      get: (...args: unknown[]) => (captured.push({ sql, args }), get(...args)),
    });
    return statement;
  };
  db.prepare = recording as Db['prepare'];
  try {
    call();
  } finally {
    db.prepare = original;
  }
  return captured;
}

function printPlans(db: Db, title: string, captured: Captured[]): void {
  console.log(`\nEXPLAIN QUERY PLAN: ${title}`);
  for (const { sql, args } of captured) {
    console.log(`  ${sql.replace(/\s+/g, ' ').replace(/^SELECT .*? FROM/, 'SELECT … FROM')}`);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as [])) as { id: number; parent: number; detail: string }[];
    const depth = new Map<number, number>([[0, 0]]);
    for (const step of plan) {
      const d = (depth.get(step.parent) ?? 0) + 1;
      depth.set(step.id, d);
      console.log(`  ${'  '.repeat(d)}${step.detail}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------- the run

interface Sample {
  id: string;
  document_number: string;
  name_key: string;
  birth_date: string;
  mrz: string;
}

/** Random existing cases, read by rowid (setup, not timed): rowids run 1…N as the generator inserted them. */
function sampleCases(db: Db, count: number, random: () => number, cases: number): Sample[] {
  const byRowid = db.prepare('SELECT id, document_number, name_key, birth_date, mrz FROM cases WHERE rowid = ?');
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) samples.push(byRowid.get(1 + Math.floor(random() * cases)) as Sample);
  return samples;
}

const missingDocument = (random: () => number): string => `Z${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;
const NO_NAME = 'TIDAK ADA NAMA SEPERTI INI';

function searchPrefixes(): string[] {
  // 3–6 letter beginnings of real family names and mononyms (what an officer types), plus ones that match nothing.
  const names = [...FAMILY_NAMES, ...GIVEN_NAMES];
  const prefixes = new Set<string>(['SUGI']);
  for (const name of names) for (const len of [3, 4, 5, 6]) if (name.length >= len) prefixes.add(name.slice(0, len));
  for (const none of ['ZQX', 'XAVI', 'QUIN', 'ZZZZZZ']) prefixes.add(none);
  return [...prefixes];
}

function main(): void {
  mkdirSync(DIR, { recursive: true });
  console.log(`Case store benchmark: ${n(CASES)} cases, ${ITERATIONS} timed calls per measurement, one thread (Node ${process.version})`);
  console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  // 1. The database: reuse the cached file when it is complete, otherwise build it.
  let reuse = false;
  if (existsSync(CACHE) && !FRESH) {
    const db = openDatabase(CACHE);
    const cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    const events = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    closeCheckpointed(db);
    reuse = cases === CASES && events === 2 * CASES;
    console.log(
      reuse
        ? `\nReusing the cached database ${CACHE} (${n(cases)} cases, ${n(events)} events); --fresh rebuilds it.`
        : `\nThe cached ${CACHE} holds ${n(cases)} cases and ${n(events)} events, not ${n(CASES)} and ${n(2 * CASES)}: rebuilding.`,
    );
  }
  if (!reuse) {
    removeDatabase(CACHE);
    console.log(`\nGenerating ${CACHE} …`);
    const report = generateCaseDatabase(CACHE, CASES, (line) => console.log(line));
    console.log(
      `Generated ${n(CASES)} cases of ${n(report.travellers)} travellers, ${n(2 * CASES)} events and ${n(2 * CASES)} audit entries in ${(report.ms / 1000).toFixed(1)} s.`,
    );
  }

  // 2. Size per case, on the checkpointed file (WAL folded in), with the share of each table and its indexes.
  const sizeDb = openDatabase(CACHE);
  sizeDb.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = fileBytes(CACHE) + fileBytes(`${CACHE}-wal`);
  const parts = sizeDb
    .prepare(
      `SELECT coalesce(m.tbl_name, s.name) AS tbl, sum(s.pgsize) AS bytes FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name
       GROUP BY tbl ORDER BY bytes DESC`,
    )
    .all() as { tbl: string; bytes: number }[];
  const indexes = sizeDb
    .prepare("SELECT m.tbl_name AS tbl, sum(s.pgsize) AS bytes FROM dbstat s JOIN sqlite_master m ON m.name = s.name WHERE m.type = 'index' OR s.name LIKE 'sqlite_autoindex%' GROUP BY tbl")
    .all() as { tbl: string; bytes: number }[];
  closeCheckpointed(sizeDb);

  // 3. Read paths, timed on the cached file through the repository.
  const db = openDatabase(CACHE);
  const repository = new CaseRepository(db);
  const random = rng(7);
  const samples = sampleCases(db, ITERATIONS + 200, random, CASES);
  const sample = (i: number): Sample => samples[i % samples.length]!;

  const byDocument = measure('history by document (½ existing, ½ unknown)', ITERATIONS, (i) => {
    const s = sample(i);
    // The name key matches nothing, so the time is the document lookup's (plus an index probe that finds nothing).
    if (i % 2 === 0) repository.history(s.id, s.document_number, NO_NAME, s.birth_date);
    else repository.history(s.id, missingDocument(random), NO_NAME, s.birth_date);
  });
  const byName = measure('history by name + birth (½ existing, ½ unknown)', ITERATIONS, (i) => {
    const s = sample(i);
    if (i % 2 === 0) repository.history(s.id, missingDocument(random), s.name_key, s.birth_date);
    // A common name with a birth date before any generated one: the index is walked, nothing matches.
    else repository.history(s.id, missingDocument(random), s.name_key, `1950-${s.birth_date.slice(5)}`);
  });
  const prefixes = searchPrefixes();
  const perPrefix = new Map<string, number[]>();
  const search = measure(`search by name prefix (${prefixes.length} prefixes, limit 50)`, ITERATIONS, (i) => {
    const prefix = prefixes[i % prefixes.length]!;
    const t0 = performance.now();
    repository.search({ name: prefix, limit: 50 });
    const list = perPrefix.get(prefix) ?? [];
    list.push(performance.now() - t0);
    perPrefix.set(prefix, list);
  });

  const plans = {
    history: captureStatements(db, () => repository.history(sample(0).id, sample(0).document_number, sample(0).name_key, sample(0).birth_date)),
    search: captureStatements(db, () => repository.search({ name: 'SUGI', limit: 50 })),
  };
  printPlans(db, 'CaseRepository.history', plans.history);
  printPlans(db, "CaseRepository.search({ name: 'SUGI', limit: 50 })", plans.search);
  const matches = db.prepare('SELECT count(*) FROM cases WHERE name_key >= ? AND name_key < ?').pluck();
  const slowest = [...perPrefix.entries()]
    .map(([prefix, times]) => ({ prefix, worst: Math.max(...times), rows: matches.get(prefix, `${prefix}\uffff`) as number }))
    .sort((a, b) => b.worst - a.worst);
  console.log('\nSearch prefixes, slowest first (rows = cases whose name key starts with the prefix):');
  for (const { prefix, worst, rows } of slowest.slice(0, 6)) console.log(`  ${prefix.padEnd(8)} ${worst.toFixed(1).padStart(8)} ms  ${n(rows).padStart(9)} rows`);
  const fastest = slowest.at(-1);
  if (fastest) console.log(`  … fastest: ${fastest.prefix} ${fastest.worst.toFixed(1)} ms, ${n(fastest.rows)} rows`);
  closeCheckpointed(db);

  // 4. Recording a decision: open + decide through CaseService, on a copy (these writes cannot be undone).
  removeDatabase(WORK);
  copyFileSync(CACHE, WORK);
  const work = openDatabase(WORK);
  const now = () => new Date();
  // Wired as electron/core/index.ts wires them (no officer service or session: the officer is passed in).
  const identity = loadDeskIdentity(work, false, now());
  const audit = new AuditLog(work, now);
  const settings = new SettingsService(work, undefined);
  const events = new EventStore(work, identity.deviceId);
  const reference = new ReferenceService(work, events, audit);
  const service = new CaseService(work, events, audit, reference, settings, identity.deviceId, now);
  const record = new OfficerRepository(work).byNumber(BENCH_OFFICER_NUMBER);
  if (!record) throw new Error(`officer ${BENCH_OFFICER_NUMBER} is missing from the generated database`);
  const officer: Officer = publicOfficer(record);

  const decideRandom = rng(11);
  const newTraveller = (): string =>
    generateMrz('TD3', {
      documentCode: 'P', issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: pick(decideRandom, FAMILY_NAMES),
      secondaryIdentifier: pick(decideRandom, GIVEN_NAMES), documentNumber: missingDocument(decideRandom),
      birthDate: `19${70 + Math.floor(decideRandom() * 30)}-0${1 + Math.floor(decideRandom() * 9)}-1${Math.floor(decideRandom() * 10)}`,
      sex: 'F', expiryDate: '2031-06-30',
    }).join('\n');
  const decideOnce = (i: number, times?: { open: number[]; decide: number[]; total: number[] }): void => {
    // Half come back (the stored MRZ of an existing case, so history finds earlier cases), half are new.
    const mrz = i % 2 === 0 ? sample(i).mrz : newTraveller();
    const t0 = performance.now();
    const opened = service.open({ source: 'reader', mrz }, officer);
    const t1 = performance.now();
    if (!opened.ok) throw new Error(`open failed: ${opened.error.message}`);
    const held = decideRandom() < 0.15;
    // A clear needs the triage answered (checklist 2026.2 on); answering is not part of the decision's time.
    if (!held) {
      const answered = service.recordAnswers({ caseId: opened.value.id, answers: CLEAR_TOURIST }, officer);
      if (!answered.ok) throw new Error(`answers failed: ${answered.error.message}`);
    }
    const t1b = performance.now();
    const decided = service.decide(
      held
        ? { caseId: opened.value.id, outcome: 'tunda', reasons: ['NO_ID_PMI', 'NO_CONTRACT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Dokumen kerja belum lengkap.', contact: null }
        : { caseId: opened.value.id, outcome: 'clear', reasons: [], legalGround: null, note: '', contact: null },
      officer,
    );
    const t2 = performance.now();
    if (!decided.ok) throw new Error(`decide failed: ${decided.error.message}`);
    times?.open.push(t1 - t0);
    times?.decide.push(t2 - t1b);
    times?.total.push(t2 - t0);
  };
  for (let i = 0; i < Math.min(100, ITERATIONS); i++) decideOnce(ITERATIONS + i);
  const times = { open: [] as number[], decide: [] as number[], total: [] as number[] };
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < ITERATIONS; i++) decideOnce(i, times);
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const wallMs = performance.now() - wall0;

  const rows: Row[] = [
    { figures: byDocument, target: 5 },
    { figures: byName, target: 20 },
    { figures: summarise('decision: CaseService.decide (sync=FULL)', times.decide, cpuMs, wallMs), target: 10 },
    { figures: summarise('  before it: CaseService.open (sync=FULL)', times.open, cpuMs, wallMs) },
    { figures: summarise('  open + decide together', times.total, cpuMs, wallMs) },
    { figures: search, target: 50 },
    { figures: commitFloor() },
  ];
  const allPass = printTable(`Figures on ${n(CASES)} cases (warm OS page cache; CPU/wall near 100% means the core was ours)`, rows);

  console.log(`\nDatabase size: ${mb(bytes)} for ${n(CASES)} cases = ${n(Math.round(bytes / CASES))} bytes per case (file + WAL after checkpoint)`);
  const indexBytes = new Map(indexes.map((r) => [r.tbl, r.bytes]));
  for (const part of parts.filter((p) => p.bytes > 1024 * 1024)) {
    const idx = indexBytes.get(part.tbl) ?? 0;
    console.log(`  ${part.tbl.padEnd(16)} ${mb(part.bytes).padStart(10)}  ${n(Math.round(part.bytes / CASES)).padStart(5)} B/case  (of which indexes ${n(Math.round(idx / CASES))} B/case)`);
  }
  console.log('  (each case: its row, one case.opened and one case.decided event, two audit entries; travel and answers events of a full interview would add to it)');

  if (!allPass || EXPERIMENT) experiment(work, prefixes, sample, { byName, search });
  closeCheckpointed(work);
  if (KEEP) console.log(`\nKept the working copy ${WORK} (the cached ${CACHE} is untouched).`);
  else removeDatabase(WORK);
}


/**
 * The proposed fix for the name-prefix search, applied to the repository's own statement: pick the newest
 * `limit` rowids from a covering index first (sorting small index entries, not whole rows), then read only those
 * rows. Same WHERE, same order, same limit, so the same results.
 */
export function proposedSearchSql(sql: string): string | undefined {
  const match = /^SELECT ([\s\S]+?) FROM cases\s+(WHERE [\s\S]+?)?\s*ORDER BY opened_at DESC LIMIT @limit$/.exec(sql);
  if (!match) return undefined;
  return `SELECT ${match[1]} FROM cases WHERE rowid IN (SELECT rowid FROM cases ${match[2] ?? ''} ORDER BY opened_at DESC LIMIT @limit) ORDER BY opened_at DESC`;
}

/** Runs `call` with the repository's search statement replaced by the proposed one (experiment only). */
function withProposedSearch<T>(db: Db, call: () => T): { result: T; rewritten: number } {
  const original = db.prepare;
  let rewritten = 0;
  const rewriting = function (this: Db, sql: string) {
    const proposed = proposedSearchSql(sql);
    if (proposed !== undefined) rewritten++;
    return original.call(this, proposed ?? sql);
  };
  db.prepare = rewriting as Db['prepare'];
  try {
    return { result: call(), rewritten };
  } finally {
    db.prepare = original;
  }
}

const EXPERIMENT_INDEX = 'experiment_cases_name_birth_opened';

/**
 * EXPERIMENT, not the shipped schema: an index the migrations do not have, created on the working copy only,
 * and the proposed search SQL, with the same timings repeated, so a recommendation comes with before and after.
 */
function experiment(work: Db, prefixes: string[], sample: (i: number) => Sample, before: { byName: Figures; search: Figures }): void {
  console.log('\n=== EXPERIMENT (working copy only; not the shipped schema or SQL) ===');
  const t0 = performance.now();
  work.exec(`CREATE INDEX ${EXPERIMENT_INDEX} ON cases (name_key, birth_date, opened_at)`);
  console.log(`CREATE INDEX ${EXPERIMENT_INDEX} ON cases (name_key, birth_date, opened_at): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const repository = new CaseRepository(work);
  const random = rng(7);

  const byName = measure('history by name + birth, + experiment index', ITERATIONS, (i) => {
    const s = sample(i);
    if (i % 2 === 0) repository.history(s.id, missingDocument(random), s.name_key, s.birth_date);
    else repository.history(s.id, missingDocument(random), s.name_key, `1950-${s.birth_date.slice(5)}`);
  });
  const indexOnly = measure('search, + experiment index, SQL unchanged', ITERATIONS, (i) => {
    repository.search({ name: prefixes[i % prefixes.length]!, limit: 50 });
  });
  let rewritten = 0;
  const proposed = measure('search, + experiment index, proposed SQL', ITERATIONS, (i) => {
    rewritten += withProposedSearch(work, () => repository.search({ name: prefixes[i % prefixes.length]!, limit: 50 })).rewritten;
  });
  if (rewritten === 0) console.log('WARNING: the repository\'s search statement did not have the expected shape; the proposed-SQL figures are not meaningful.');

  // The rewrite must not change what the officer sees: compare both forms on every prefix.
  let same = 0;
  for (const prefix of prefixes) {
    const a = repository.search({ name: prefix, limit: 50 }).map((r) => r.id).join();
    const b = withProposedSearch(work, () => repository.search({ name: prefix, limit: 50 })).result.map((r) => r.id).join();
    if (a === b) same++;
  }
  console.log(`Proposed SQL returns the same cases in the same order for ${same} of ${prefixes.length} prefixes.`);

  printPlans(work, 'history, with the experiment index', captureStatements(work, () => repository.history(sample(0).id, 'Z0000000', sample(0).name_key, sample(0).birth_date)).slice(1));
  printPlans(
    work,
    'proposed search SQL, with the experiment index',
    // Capture outside the rewrite, so what is recorded is the statement as rewritten.
    captureStatements(work, () => withProposedSearch(work, () => repository.search({ name: 'SUGI', limit: 50 }))),
  );
  printTable('EXPERIMENT figures (before = shipped schema and SQL, from the table above)', [
    { figures: { ...before.byName, label: 'before: history by name + birth' }, target: 20 },
    { figures: byName, target: 20 },
    { figures: { ...before.search, label: 'before: search by name prefix' }, target: 50 },
    { figures: indexOnly, target: 50 },
    { figures: proposed, target: 50 },
  ]);
  work.exec(`DROP INDEX ${EXPERIMENT_INDEX}`);
}

/**
 * What one durable commit costs on this disk, with the desk's pragmas (WAL, synchronous=FULL) on a tiny file:
 * the floor under any recorded decision, whatever the size of the case table.
 */
function commitFloor(): Figures {
  const file = join(DIR, 'commit-floor.sqlite');
  removeDatabase(file);
  const db = openDatabase(file);
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const figures = measure('disk floor: one tiny commit (sync=FULL)', ITERATIONS, (i) => put.run('bench', String(i)), 20);
  db.close();
  removeDatabase(file);
  return figures;
}

main();
