// The report's fast path (issue 17 benchmark): the report reads holds from the narrow index cases_report, with each
// case's risk level and indicator ids kept beside its risk by triggers (migration 11). Two desks' cases are driven
// through the real core across two months, many opened a few minutes either side of midnight, with amendments,
// passport actions countersigned or not, outcomes and sign-offs, another desk's cases taken in through sync and
// cases both desks decided while apart; the report must equal the straightforward computation (every row, its risk
// JSON parsed) for every period, several offsets and every filter. The kept columns must follow every write, and
// an upgraded desk's must be filled by the migration.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_GROUNDS, REASON_CODES, type Answers } from '../../shared/checklist';
import { reportFilterSchema, TRAVELLER_OUTCOMES, type Officer, type ReportFilter } from '../../shared/contract';
import { REGENCY_ROWS } from '../../shared/reference-data/idn-areas.data';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { migrations } from '../../electron/core/db/migrations';
import { PROFILES, generateCaseDatabase, pick, rng } from '../bench/case-generator';
import { openServices } from '../../electron/core';
import { straightforwardReport } from '../support/straightforward-report';
import { OFFICER_BP, OFFICER_IM, SPV_BP, SPV_IM, cleanReviewDesks, deliverBySync, desk, mrz, must } from './review-harness';

type Desk = ReturnType<typeof desk>;
const HOUR = 3_600_000;

/** Drives `count` cases through a desk's real core from `start`, a seeded mix of everything the report counts. */
function drive(d: Desk, seed: number, count: number, start: string, prefix: string): string[] {
  const random = rng(seed);
  const { cases, review } = d.services;
  const ids: string[] = [];
  d.clock.now = new Date(start);
  for (let i = 0; i < count; i++) {
    // Every third case a few minutes either side of midnight in Palembang (17:00 UTC); the rest anywhere in the day.
    const next = new Date(d.clock.now.getTime() + (1 + random() * 14) * HOUR);
    if (random() < 0.35) next.setUTCHours(16, 55 + Math.floor(random() * 10), Math.floor(random() * 60), Math.floor(random() * 1000));
    d.clock.now = next.getTime() > d.clock.now.getTime() ? next : new Date(d.clock.now.getTime() + 60_000);
    const by: Officer = random() < 0.5 ? OFFICER_BP : OFFICER_IM;
    const opened = must(cases.open({ source: 'manual', mrz: mrz(`${prefix}${String(i).padStart(6, '0')}`, pick(random, ['LESTARI', 'WIDODO', 'RAHAYU'])) }, by));
    ids.push(opened.id);
    const profile = pick(random, PROFILES);
    if (random() < 0.85) must(cases.recordTravel({ caseId: opened.id, travel: { flight: pick(random, profile.flights), travelDate: '2026-10-01', destinationAirport: profile.airport } }, by));
    const answers: Answers = profile.answers;
    must(cases.recordAnswers({ caseId: opened.id, answers }, by));
    if (random() < 0.5) {
      const [regencyCode, provinceCode] = pick(random, REGENCY_ROWS.slice(0, 40));
      must(cases.recordOrigin({ caseId: opened.id, provinceCode, regencyCode }, by));
    }
    if (random() < 0.05) continue; // left open: neither decided nor held
    const outcome = by === OFFICER_IM && random() < 0.2 ? 'passport_action' : profile.held ? pick(random, profile.outcomes) : random() < 0.7 ? 'clear' : 'tunda';
    if (outcome === 'clear') must(cases.recordAnswers({ caseId: opened.id, answers }, by));
    must(
      cases.decide(
        {
          caseId: opened.id,
          outcome,
          reasons: outcome === 'clear' ? [] : [pick(random, REASON_CODES).code],
          legalGround: outcome === 'clear' ? null : pick(random, LEGAL_GROUNDS.filter((g) => g.outcomes.includes(outcome))).code,
          note: outcome === 'clear' ? '' : `Catatan ${i}`,
          contact: null,
        },
        by,
      ),
    );
    if (outcome === 'passport_action' && random() < 0.6) must(cases.countersign(opened.id, SPV_IM));
    if (random() < 0.3) {
      // A later correction of where the traveller flies: the destination breakdown and filter follow it.
      d.clock.now = new Date(d.clock.now.getTime() + 60_000);
      must(cases.amend({ caseId: opened.id, field: 'destinationAirport', value: pick(random, ['SIN', 'KUL', 'JED', 'HKG']), reason: 'Koreksi data' }, by));
    }
    if (outcome === 'clear' || cases.peek(opened.id)?.status === 'awaiting_countersignature' || random() < 0.3) continue;
    d.clock.now = new Date(d.clock.now.getTime() + 20 * 60_000);
    const happenedAt = new Date(d.clock.now.getTime() - 5 * 60_000).toISOString();
    must(review.recordOutcome({ caseId: opened.id, outcome: pick(random, TRAVELLER_OUTCOMES), happenedAt, note: `Hasil ${i}` }, SPV_BP));
    if (random() < 0.5) must(review.signOff(opened.id, by.agency === 'BP3MI' ? SPV_IM : SPV_BP));
  }
  return ids;
}

/** Cases both desks decided while apart (a sync conflict on each), the first decision standing. */
function decideApart(a: Desk, b: Desk, count: number): void {
  for (let i = 0; i < count; i++) {
    a.clock.now = new Date(Math.max(a.clock.now.getTime(), b.clock.now.getTime()) + HOUR);
    const opened = must(a.services.cases.open({ source: 'manual', mrz: mrz(`C${String(i).padStart(7, '0')}`, 'SANTOSO') }, OFFICER_BP));
    deliverBySync(b, a.events(), { airportCode: 'PLM', deskCode: 'D01' });
    a.clock.now = new Date(a.clock.now.getTime() + 60_000);
    must(a.services.cases.decide({ caseId: opened.id, outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'A', contact: null }, OFFICER_BP));
    b.clock.now = new Date(a.clock.now.getTime() + 60_000);
    must(b.services.cases.decide({ caseId: opened.id, outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'B', contact: null }, OFFICER_IM));
  }
}

/** Each case's kept risk level and indicator ids, beside what its risk JSON says. */
function keptBesideRisk(db: Db) {
  const rows = db.prepare('SELECT id, risk, risk_level, indicator_ids FROM cases ORDER BY id').all() as { id: string; risk: string; risk_level: string | null; indicator_ids: string | null }[];
  return rows.map((row) => {
    const risk = JSON.parse(row.risk) as { level: string; indicators: { id: string }[] };
    return { id: row.id, kept: [row.risk_level, JSON.parse(row.indicator_ids ?? 'null')], fromRisk: [risk.level, [...new Set(risk.indicators.map((i) => i.id))]] };
  });
}

/** report_days as kept, one line per (day, breakdown, key). */
function keptDays(db: Db): string[] {
  return (db.prepare('SELECT day, breakdown, key, cases FROM report_days').raw().all() as [string, string, string, number][]).map((row) => row.join(' | ')).sort();
}

/**
 * report_days counted again from the cases' rows, apart from the migration's SQL: every decided case under its UTC
 * day, every hold under each breakdown's key (indicators from the risk JSON, each id once).
 */
function recountedDays(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT opened_at, decision, case_number, desk_name, coalesce(decided_by, opened_by) AS officer, coalesce(decided_by_name, opened_by_name) AS officer_name,
         decided_by_agency, destination_country, origin_regency, risk
       FROM cases WHERE decision IS NOT NULL`,
    )
    .all() as { opened_at: string; decision: string; case_number: string; desk_name: string; officer: string; officer_name: string; decided_by_agency: string | null; destination_country: string | null; origin_regency: string | null; risk: string }[];
  const counts = new Map<string, number>();
  const add = (day: string, breakdown: string, key: string) => counts.set(`${day} | ${breakdown} | ${key}`, (counts.get(`${day} | ${breakdown} | ${key}`) ?? 0) + 1);
  const known = (value: string | null) => (value === null ? '' : `:${value}`);
  for (const row of rows) {
    const day = row.opened_at.slice(0, 10);
    add(day, 'decided', '');
    if (row.decision === 'clear') continue;
    add(day, 'decision', `:${row.decision}`);
    add(day, 'destination', known(row.destination_country));
    add(day, 'agency', known(row.decided_by_agency));
    add(day, 'desk', JSON.stringify([row.case_number.slice(0, -12), row.desk_name]));
    add(day, 'hour', row.opened_at.slice(11, 13));
    add(day, 'regency', known(row.origin_regency));
    add(day, 'officer', JSON.stringify([row.officer, row.officer_name]));
    const indicators = (JSON.parse(row.risk) as { indicators: { id?: string }[] }).indicators.map((indicator) => indicator.id ?? null);
    for (const id of new Set(indicators)) add(day, 'indicator', known(id));
  }
  return [...counts].map(([line, n]) => `${line} | ${n}`).sort();
}

/** Runs `body` in a transaction that is always rolled back. */
function thenRolledBack(db: Db, body: () => void): void {
  const undo = new Error('roll back');
  try {
    db.transaction(() => {
      body();
      throw undo;
    })();
  } catch (error) {
    if (error !== undo) throw error;
  }
}

let a: Desk;
beforeAll(() => {
  a = desk('D01');
  const b = desk('D02');
  drive(a, 1701, 220, '2026-09-20T03:00:00Z', 'A');
  drive(b, 1702, 160, '2026-09-22T05:00:00Z', 'B');
  decideApart(a, b, 6);
  deliverBySync(a, b.events());
}, 120_000);
afterAll(cleanReviewDesks);

describe('the report read from cases_report', () => {
  it('was driven through what it must count: holds of both desks, conflicts, amendments, every review state', () => {
    const db = a.services.db;
    expect(db.prepare("SELECT count(DISTINCT desk_name) FROM cases WHERE decision <> 'clear'").pluck().get()).toBe(2);
    expect(db.prepare('SELECT count(DISTINCT case_id) FROM case_conflicts').pluck().get()).toBeGreaterThanOrEqual(6);
    expect(db.prepare("SELECT count(*) FROM amendments WHERE field = 'destinationAirport'").pluck().get()).toBeGreaterThan(20);
    expect(db.prepare("SELECT count(*) FROM cases WHERE status = 'open'").pluck().get()).toBeGreaterThan(0);
    const states = db
      .prepare(
        `SELECT DISTINCT CASE WHEN status = 'awaiting_countersignature' THEN 'a' WHEN signed_off_at IS NOT NULL THEN 's' WHEN traveller_outcome IS NULL THEN 'n' ELSE 'o' END
         FROM cases WHERE decision <> 'clear'`,
      )
      .pluck()
      .all();
    expect(new Set(states)).toEqual(new Set(['a', 's', 'n', 'o']));
    // Within ten minutes of midnight in Palembang, on both sides of it.
    const nearMidnight = db.prepare("SELECT substr(opened_at, 12, 2) AS h, count(*) AS n FROM cases WHERE substr(opened_at, 12, 5) BETWEEN '16:55' AND '17:05' GROUP BY h").all();
    expect(nearMidnight).toEqual([expect.objectContaining({ h: '16' }), expect.objectContaining({ h: '17' })]);
  });

  it('keeps every case’s risk level and indicator ids as its risk says, after every kind of write', () => {
    const kept = keptBesideRisk(a.services.db);
    expect(kept.length).toBeGreaterThan(380);
    expect(kept.filter((row) => (row.fromRisk[1] as string[]).length > 0).length).toBeGreaterThan(50);
    expect(kept.filter((row) => JSON.stringify(row.kept) !== JSON.stringify(row.fromRisk))).toEqual([]);
    // A write outside the core's own statements (a tool, a repair) is followed too, and a risk that is not JSON
    // leaves the columns empty rather than failing the write.
    const one = kept[0]!.id;
    a.services.db.prepare(`UPDATE cases SET risk = json_set(risk, '$.level', 'medium', '$.indicators', json('[{"id":"x"},{"id":"y"},{"id":"x"}]')) WHERE id = ?`).run(one);
    expect(a.services.db.prepare('SELECT risk_level, indicator_ids FROM cases WHERE id = ?').get(one)).toEqual({ risk_level: 'medium', indicator_ids: '["x","y"]' });
    a.services.db.prepare("UPDATE cases SET risk = 'not json' WHERE id = ?").run(one);
    expect(a.services.db.prepare('SELECT risk_level, indicator_ids FROM cases WHERE id = ?').get(one)).toEqual({ risk_level: null, indicator_ids: null });
    a.services.db.prepare('UPDATE cases SET risk = ? WHERE id = ?').run(JSON.stringify({ level: kept[0]!.fromRisk[0], indicators: (kept[0]!.fromRisk[1] as string[]).map((id) => ({ id })) }), one);
    expect(keptBesideRisk(a.services.db).filter((row) => JSON.stringify(row.kept) !== JSON.stringify(row.fromRisk))).toEqual([]);
  });

  it('keeps report_days equal to a recount of the cases after every kind of write', () => {
    const db = a.services.db;
    const kept = keptDays(db);
    expect(kept.length).toBeGreaterThan(500);
    expect(kept.filter((line) => line.includes(' | indicator | ')).length).toBeGreaterThan(20);
    expect(kept).toEqual(recountedDays(db));
    // Writes outside the core's statements (a tool, a repair, a row deleted): moved to another day, renamed, a hold
    // turned clear, undecided, a clear turned a hold, new indicators (one twice, one without an id), all followed.
    thenRolledBack(db, () => {
      db.pragma('defer_foreign_keys = ON');
      const holds = db.prepare("SELECT id FROM cases WHERE decision IN ('tunda', 'refer_bp3mi', 'refer_imigrasi') ORDER BY id LIMIT 4").pluck().all() as string[];
      const clear = db.prepare("SELECT id FROM cases WHERE decision = 'clear' ORDER BY id LIMIT 1").pluck().get() as string;
      db.prepare("UPDATE cases SET opened_at = '2026-10-05T23:59:59.999Z', desk_name = 'Meja X', decided_by_name = 'Nama Baru' WHERE id = ?").run(holds[0]);
      db.prepare("UPDATE cases SET decision = 'clear' WHERE id = ?").run(holds[1]);
      db.prepare('UPDATE cases SET decision = NULL WHERE id = ?').run(holds[2]);
      db.prepare("UPDATE cases SET decision = 'passport_action', destination_country = 'KHM' WHERE id = ?").run(clear);
      db.prepare(`UPDATE cases SET risk = json_set(risk, '$.indicators', json('[{"id":"x"},{"id":"x"},{"note":"no id"}]')) WHERE id = ?`).run(holds[3]);
      db.prepare('DELETE FROM cases WHERE id = ?').run(holds[3]);
      expect(keptDays(db)).not.toEqual(kept);
      expect(keptDays(db)).toEqual(recountedDays(db));
    });
    expect(keptDays(db)).toEqual(kept);
  });

  it('reads the month from report_days: a count that drifted from the cases shows in the report', () => {
    const filter = reportFilterSchema.parse({ period: 'month', day: '2026-10-15', utcOffset: '+07:00' });
    const db = a.services.db;
    thenRolledBack(db, () => {
      const moved = db.prepare("UPDATE report_days SET cases = cases + 1 WHERE day = '2026-10-10' AND breakdown IN ('hour', 'decision')").run().changes;
      expect(moved).toBeGreaterThan(0);
      const report = a.services.review.report(filter, SPV_BP);
      expect({ totals: report.totals, breakdowns: report.breakdowns, choices: report.choices }).not.toEqual(straightforwardReport(db, filter));
    });
    const report = a.services.review.report(filter, SPV_BP);
    expect({ totals: report.totals, breakdowns: report.breakdowns, choices: report.choices }).toEqual(straightforwardReport(db, filter));
  });

  it('gives exactly the straightforward report for every period, offset and filter', () => {
    const filters: Omit<ReportFilter, 'period' | 'day' | 'utcOffset'>[] = [
      {},
      { desk: 'PLM-D01' },
      { desk: 'PLM-D02' },
      { officer: OFFICER_IM.officerNumber },
      { officer: OFFICER_BP.officerNumber, desk: 'PLM-D02' },
      { agency: 'IMIGRASI' },
      { decision: 'passport_action' },
      { decision: 'tunda', agency: 'BP3MI' },
      { riskLevel: 'high' },
      { riskLevel: 'low' },
      { destinationCountry: 'SGP' },
      { destinationCountry: 'MYS', riskLevel: 'medium' },
      { originRegency: REGENCY_ROWS[3]![0] },
      ...(['awaiting_countersignature', 'no_outcome', 'not_signed_off', 'signed_off'] as const).map((state) => ({ state })),
      { officer: 'NOBODY-1' },
    ];
    let compared = 0;
    let nonEmpty = 0;
    for (const utcOffset of ['+07:00', '+08:00', '+05:30', '-03:00']) {
      for (const [period, day] of [['month', '2026-10-15'], ['month', '2026-11-02'], ['week', '2026-10-28'], ['day', '2026-10-09'], ['day', '2026-11-01']] as const) {
        for (const narrowing of filters) {
          const filter = reportFilterSchema.parse({ period, day, utcOffset, ...narrowing });
          const fast = a.services.review.report(filter, SPV_BP);
          const expected = straightforwardReport(a.services.db, filter);
          expect({ totals: fast.totals, breakdowns: fast.breakdowns, choices: fast.choices }, `${period} ${day} ${utcOffset} ${JSON.stringify(narrowing)}`).toEqual(expected);
          compared++;
          if (fast.totals.holds.current > 0) nonEmpty++;
        }
      }
    }
    expect(compared).toBe(4 * 5 * filters.length);
    // The comparison is not of empty reports.
    expect(nonEmpty).toBeGreaterThan(compared / 2);
    const month = a.services.review.report(reportFilterSchema.parse({ period: 'month', day: '2026-10-15' }), SPV_BP);
    expect(month.totals.holds.current).toBeGreaterThan(40);
    expect(month.totals.holds.previous).toBeGreaterThan(0);
    expect(month.breakdowns.indicator.length).toBeGreaterThan(3);
    expect(month.choices.desks).toEqual([
      { code: 'PLM-D01', name: 'Meja 1' },
      { code: 'PLM-D02', name: 'Meja 2' },
    ]);
  });

  it('fills report_days when a desk from before migration 13 opens, in one transaction', () => {
    const file = join(dirname(a.services.databasePath), 'upgrade-13.sqlite');
    a.services.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(a.services.databasePath, file);
    const old = openDatabase(file);
    old.exec(`DROP TRIGGER cases_report_days_insert; DROP TRIGGER cases_report_days_update; DROP TRIGGER cases_report_days_delete;
      DROP TABLE report_days; DELETE FROM schema_migrations WHERE version >= 13;`);
    old.close();
    // A migration that fails halfway leaves nothing of it behind: the fill is in the migration's transaction.
    const failing = migrations.map((m) => (m.version === 13 ? { ...m, refusal: () => 'Stopped on purpose after the fill.' } : m));
    expect(() => openDatabase(file, failing)).toThrow(/Stopped on purpose/);
    const untouched = openDatabase(file, migrations.filter((m) => m.version < 13));
    expect(untouched.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE '%report_days%'").pluck().get()).toBe(0);
    untouched.close();
    const upgraded = openDatabase(file);
    try {
      expect(keptDays(upgraded)).toEqual(keptDays(a.services.db));
      expect(keptDays(upgraded)).toEqual(recountedDays(upgraded));
    } finally {
      upgraded.close();
    }
  });

  it('fills the kept columns and the index when a desk from before migrations 11 and 12 opens', () => {
    const file = join(dirname(a.services.databasePath), 'upgrade.sqlite');
    a.services.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(a.services.databasePath, file);
    // The copy as a desk at migration 10 had it: no triggers, no index, no kept columns, no record of 11 and 12.
    const old = openDatabase(file);
    old.exec(`DROP TRIGGER cases_report_days_insert; DROP TRIGGER cases_report_days_update; DROP TRIGGER cases_report_days_delete; DROP TABLE report_days;
      DROP TRIGGER cases_risk_summary_insert; DROP TRIGGER cases_risk_summary_update; DROP INDEX cases_report;
      ALTER TABLE cases DROP COLUMN risk_level; ALTER TABLE cases DROP COLUMN indicator_ids; DELETE FROM schema_migrations WHERE version IN (11, 12, 13);`);
    old.close();
    const upgraded = openDatabase(file);
    try {
      const kept = keptBesideRisk(upgraded);
      expect(kept.length).toBeGreaterThan(380);
      expect(kept.filter((row) => JSON.stringify(row.kept) !== JSON.stringify(row.fromRisk))).toEqual([]);
      expect(upgraded.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'cases_report'").pluck().get()).toBe(1);
      // The report still reads the index alone, with the case numbers that tell the desks (migration 12).
      const plan = upgraded
        .prepare(`EXPLAIN QUERY PLAN SELECT opened_at, case_number, desk_name FROM cases INDEXED BY cases_report WHERE decision IN ('tunda', 'refer_bp3mi', 'refer_police', 'refer_imigrasi', 'passport_action') AND opened_at >= ? AND opened_at < ?`)
        .all('2026-11-01', '2026-12-01') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX cases_report');
      expect(keptDays(upgraded)).toEqual(recountedDays(upgraded));
    } finally {
      upgraded.close();
    }
  });
});

describe('the report on a generated busy desk', () => {
  // The benchmark's generator writes rows with its own statements (as sync and tools may): 30,000 cases over two
  // years from several desks, each month of the last year reported (without a filter and with one) beside the
  // straightforward way.
  it('gives exactly the straightforward report for every month of a year, with and without a filter, and report_days is a recount of the cases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meja-report-busy-'));
    try {
      generateCaseDatabase(join(dir, 'desk.sqlite'), 30_000, () => {});
      const services = openServices({ dataDir: dir });
      try {
        expect(keptDays(services.db)).toEqual(recountedDays(services.db));
        const last = services.db.prepare('SELECT max(opened_at) FROM cases').pluck().get() as string;
        let holds = 0;
        // Each month also with one filter (counted inside SQLite), in turn.
        const narrowings = [{ decision: 'tunda' }, { riskLevel: 'high' }, { agency: 'IMIGRASI' }, { state: 'no_outcome' }, { destinationCountry: 'MYS' }];
        for (let back = 1; back <= 12; back++) {
          const at = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 1 - back, 15));
          const month = { period: 'month', day: at.toISOString().slice(0, 10), utcOffset: back % 3 === 0 ? '+09:00' : '+07:00' };
          for (const narrowing of [{}, narrowings[back % narrowings.length]!]) {
            const filter = reportFilterSchema.parse({ ...month, ...narrowing });
            const report = services.review.report(filter, SPV_BP);
            expect({ totals: report.totals, breakdowns: report.breakdowns, choices: report.choices }, `${filter.day} ${JSON.stringify(narrowing)}`).toEqual(
              straightforwardReport(services.db, filter),
            );
            holds += report.totals.holds.current;
          }
        }
        expect(holds).toBeGreaterThan(1000);
      } finally {
        services.db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
