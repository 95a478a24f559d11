// Owns the desk's tamper check: the audit chain against itself and against the head file kept outside the
// database, the live schema's append-only triggers, and the case tables against the rows their events rebuild.
// It runs in the background at every start and daily; a failure is audited and shown to supervisors and admins.
// It cannot stop someone who controls the whole disk and the app (see README, Security).
import { isDeepStrictEqual } from 'node:util';
import type { IntegrityProblem, IntegrityProblemKind, IntegrityReport } from '../../../shared/contract';
import { CaseRepository, type CaseRow } from '../cases/case-repository';
import { openDatabase, type Db } from '../db/connection';
import { EventRows, EventStore, eventFromRow } from '../events/event-store';
import { ProjectionError, Projector } from '../events/projector';
import { readHeadFile, type AuditLog } from './audit-log';

/** The triggers that make the record append-only; a database without them has been opened up. */
export const APPEND_ONLY_TRIGGERS = ['audit_log_no_update', 'audit_log_no_delete', 'events_no_update', 'events_no_delete'] as const;
/**
 * Each append-only trigger exactly as the migrations create it (whitespace aside). A trigger of the right name that
 * was altered (a WHEN clause that never holds, another table or another statement) protects nothing.
 */
const APPEND_ONLY_TRIGGER_SQL: Record<(typeof APPEND_ONLY_TRIGGERS)[number], string> = {
  audit_log_no_update: "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
  audit_log_no_delete: "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
  events_no_update: "CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END",
  events_no_delete: "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END",
};
const collapseWhitespace = (sql: string) => sql.replace(/\s+/g, ' ').trim();
const CASES_PER_BATCH = 100;
/** Work done between two breaks for the event loop: an officer's call waits at most about this long. */
const SLICE_MS = 15;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Enough to act on; a thousand broken rows say nothing more than the first twenty. */
const MAX_PROBLEMS = 20;

function problem(kind: IntegrityProblemKind, subject: string | number, detail: string): IntegrityProblem {
  return { kind, subject: String(subject), detail };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs in slices: hands the event loop back once a slice of work has taken SLICE_MS, so calls are answered. */
function slicer(): () => Promise<void> {
  let sliceStarted = performance.now();
  return async () => {
    if (performance.now() - sliceStarted < SLICE_MS) return;
    await yieldToEventLoop();
    sliceStarted = performance.now();
  };
}

export async function checkIntegrity(db: Db, audit: AuditLog, headFile: string): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];
  const pause = slicer();
  const verification = await audit.verifyInBackground(pause);
  if (!verification.ok) problems.push(problem('chain_broken', verification.brokenAt ?? '', `audit chain: ${verification.problem}`));
  problems.push(...checkHead(audit, headFile));
  problems.push(...checkTriggers(db));
  await yieldToEventLoop();
  problems.push(...(await checkCaseTables(db, pause)));
  return problems.slice(0, MAX_PROBLEMS);
}

/**
 * The database's chain against the head file. Run it at open, before the desk appends anything: the first append
 * rewrites the head file from whatever head the database has.
 */
export function checkHead(audit: AuditLog, headFile: string): IntegrityProblem[] {
  const kept = readHeadFile(headFile);
  const last = audit.head();
  if (!kept) return last ? [problem('head_missing', last.seq, 'audit chain: the head file kept outside the database is missing')] : [];
  if (!last || kept.seq > last.seq) {
    const end = last?.seq ?? 0;
    return [problem('tail_cut', end, `audit chain: the head file says entry ${kept.seq} was written, the database ends at ${end} (entries were cut off)`)];
  }
  if (audit.entryAt(kept.seq)?.hash !== kept.hash) {
    return [problem('chain_rewritten', kept.seq, `audit chain: entry ${kept.seq} differs from the head kept outside the database (the chain was rewritten)`)];
  }
  return [];
}

function checkTriggers(db: Db): IntegrityProblem[] {
  const present = new Map(
    (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[]).map((t) => [t.name, t.sql]),
  );
  return APPEND_ONLY_TRIGGERS.filter((name) => collapseWhitespace(present.get(name) ?? '') !== APPEND_ONLY_TRIGGER_SQL[name]).map(
    (name) => problem('trigger_missing', name, `schema: the append-only trigger ${name} is missing or changed`),
  );
}

/**
 * Rebuilds every case from its events in a scratch database and compares the rows, a page of cases (in id order)
 * at a time; the page also finds rows of the case table without any event. Between slices of work the event loop
 * is handed back, so the desk answers the officer while a big database is checked. Cases whose events are too old
 * to carry their whole state (version 1) cannot be rebuilt and are left out.
 */
async function checkCaseTables(db: Db, pause: () => Promise<void>): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];
  const events = new EventRows(db);
  const liveCases = new CaseRepository(db);
  const scratch = new Scratch();
  try {
    let after = '';
    while (problems.length < MAX_PROBLEMS) {
      const batch = events.caseIdsAfter(after, CASES_PER_BATCH);
      const last = batch.at(-1);
      const withEvents = new Set(batch);
      const inTable = liveCases.idsAfter(after, last === undefined ? { limit: MAX_PROBLEMS } : { upTo: last });
      for (const id of inTable) if (!withEvents.has(id)) problems.push(problem('case_without_events', id, `case ${id}: in the case table without any event`));
      if (last === undefined) break;
      // Cases are rebuilt independently of each other: a page shares one emptied scratch database.
      scratch.clear();
      for (const caseId of batch) {
        problems.push(...compareCase(events, scratch, liveCases, caseId));
        await pause();
      }
      after = last;
    }
  } finally {
    scratch.close();
  }
  return problems;
}

/** One in-memory database for the whole check, emptied for each page: opening one per page would cost more. */
class Scratch {
  readonly db = openDatabase(':memory:');
  readonly cases = new CaseRepository(this.db);
  readonly events = new EventStore(this.db, 'scratch');
  readonly projector = new Projector(this.cases);

  constructor() {
    // A throwaway copy: its events must be removable between pages, so its append-only triggers go.
    for (const name of APPEND_ONLY_TRIGGERS) this.db.exec(`DROP TRIGGER IF EXISTS ${name}`);
  }

  clear(): void {
    // The case tables first: amendments refer to their events.
    this.cases.emptyScratchCopy();
    this.events.emptyScratchCopy();
  }

  close(): void {
    this.db.close();
  }
}

function compareCase(events: EventRows, scratch: Scratch, live: CaseRepository, caseId: string): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  let rebuildable = true;
  scratch.db.transaction(() => {
    for (const row of events.ofCase(caseId)) {
      const parsed = eventFromRow(row);
      if (!parsed.ok) {
        problems.push(problem('event_unreadable', caseId, `case ${caseId}: ${parsed.problem}`));
        rebuildable = false;
        return;
      }
      try {
        // Stored first, as on a desk that receives it: the amendments refer to their event.
        scratch.events.copyIntoScratch(row);
        scratch.projector.apply(parsed.event);
      } catch (error) {
        if (!(error instanceof ProjectionError)) throw error;
        rebuildable = false;
        return;
      }
    }
  })();
  if (!rebuildable) return problems;
  const stored = live.byId(caseId);
  const expected = scratch.cases.byId(caseId);
  if (!stored || !expected) {
    if (stored !== expected) {
      problems.push(problem('case_missing', stored?.case_number ?? caseId, `case ${caseId}: ${stored ? 'its events do not open it' : 'missing from the case table'}`));
    }
    return problems;
  }
  const differing = (Object.keys(expected) as (keyof CaseRow)[]).filter((column) => !isDeepStrictEqual(stored[column], expected[column]));
  if (differing.length > 0) {
    problems.push(problem('case_differs', stored.case_number, `case ${caseId} (${stored.case_number}): field(s) ${differing.join(', ')} do not match its events`));
  }
  if (!isDeepStrictEqual(live.amendments(caseId), scratch.cases.amendments(caseId))) {
    problems.push(problem('case_differs', stored.case_number, `case ${caseId} (${stored.case_number}): its amendments do not match its events`));
  }
  return problems;
}

/** Runs the check at start and daily, keeps the latest report, and audits each result. */
export class IntegrityMonitor {
  private report: IntegrityReport = { state: 'pending', checkedAt: null, problems: [] };
  private running: Promise<IntegrityReport> | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  /** What checkHead found at open; reported by the first run (later appends have moved the head file on since). */
  private atOpen: IntegrityProblem[];

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly headFile: string,
    headAtOpen: IntegrityProblem[],
    private readonly now: () => Date,
    private readonly log: (error: unknown) => void,
  ) {
    this.atOpen = headAtOpen;
    // In the background: the desk starts at once and the check follows.
    setImmediate(() => void this.run());
    this.timer = setInterval(() => void this.run(), DAY_MS);
    this.timer.unref?.();
  }

  latest(): IntegrityReport {
    return this.report;
  }

  /** Runs a check now (or joins the one running) and returns its report. */
  run(): Promise<IntegrityReport> {
    this.running ??= this.check().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  private async check(): Promise<IntegrityReport> {
    try {
      const found = await checkIntegrity(this.db, this.audit, this.headFile);
      const problems = [...this.atOpen, ...found].slice(0, MAX_PROBLEMS);
      this.atOpen = [];
      if (!this.db.open) return this.report;
      this.report = { state: problems.length === 0 ? 'ok' : 'failed', checkedAt: this.now().toISOString(), problems };
      this.audit.append(null, problems.length === 0 ? 'integrity.checked' : 'integrity.failed', { problems });
    } catch (error) {
      if (!this.db.open) return this.report;
      this.log(error);
      this.report = { state: 'failed', checkedAt: this.now().toISOString(), problems: [problem('check_failed', '', `the check itself failed: ${String(error)}`)] };
    }
    return this.report;
  }
}

