// The record under tampering (issue #16, finding 3): a rewritten and rehashed chain, a cut tail, a changed case
// row and a dropped append-only trigger are each found by the check that runs at the next start.
import Database from 'better-sqlite3';
import { mkdirSync, rmdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SITI_MRZ } from '../fixtures/travellers';
import type { IntegrityReport } from '../../shared/contract';
import { headFilePath } from '../../electron/core/audit/audit-log';
import { changeCaseRows, cutTail, dropEventsTrigger, neuterTriggers, rewriteAndRehash } from '../support/tamperings';
import { ADMIN, openDeskWithAdmin, openTestDesk, type TestDesk } from './core-harness';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

/** A desk with a decided case, closed; `tamper` then works on its file as an attacker with a shell would. */
async function tamperedDesk(tamper: (raw: Database.Database) => void): Promise<IntegrityReport> {
  desk = await openDeskWithAdmin();
  const opened = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
  await desk.must('cases.decide', { caseId: opened.id, outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Referred.' });
  const before = await settledReport(desk);
  expect(before).toMatchObject({ state: 'ok', problems: [] });
  desk.core.close();
  const raw = new Database(desk.core.databasePath);
  tamper(raw);
  raw.close();
  // The next start.
  desk = await openTestDesk({}, desk.dataDir);
  await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
  return settledReport(desk);
}

async function settledReport(d: TestDesk): Promise<IntegrityReport> {
  for (let i = 0; i < 600; i++) {
    const report = await d.must('audit.integrity', {});
    if (report.state !== 'pending') return report;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the integrity check never finished');
}

describe('tamper evidence at start', () => {
  it('finds an entry rewritten with every later hash recomputed', async () => {
    const report = await tamperedDesk(rewriteAndRehash);
    expect(report.state).toBe('failed');
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'chain_rewritten', detail: expect.stringMatching(/rewritten/) }));
  });

  it('finds the newest entries cut off', async () => {
    const report = await tamperedDesk(cutTail);
    expect(report.state).toBe('failed');
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'tail_cut', detail: expect.stringMatching(/cut off/) }));
  });

  it('finds a case row changed behind its events', async () => {
    const report = await tamperedDesk(changeCaseRows);
    expect(report.state).toBe('failed');
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'case_differs', detail: expect.stringMatching(/field\(s\) decision, note do not match its events/) }),
    );
    // The subject is the case number the officer knows, not the internal id.
    const caseNumbers = new Set(report.problems.filter((p) => p.kind === 'case_differs').map((p) => p.subject));
    for (const subject of caseNumbers) expect(subject).toMatch(/^PLM-/);
  });

  it('finds an append-only trigger dropped', async () => {
    const report = await tamperedDesk(dropEventsTrigger);
    expect(report).toMatchObject({ state: 'failed', problems: [{ kind: 'trigger_missing', subject: 'events_no_delete', detail: expect.stringMatching(/events_no_delete/) }] });
    // The failure is in the audit log too.
    const failed = (await desk!.must('audit.recent', { limit: 20 })).find((e) => e.action === 'integrity.failed');
    expect(failed?.detail.problems).toEqual(report.problems);
  });

  it('finds append-only triggers put back under their names but neutered (a WHEN that never holds, another table)', async () => {
    const report = await tamperedDesk(neuterTriggers);
    expect(report.state).toBe('failed');
    expect(report.problems.filter((p) => p.kind === 'trigger_missing').map((p) => p.subject).sort()).toEqual(['audit_log_no_delete', 'events_no_update']);
  });

  it('finds case rows that no event opened, before the first and after the last case', async () => {
    const report = await tamperedDesk((raw) => {
      raw.exec('CREATE TEMP TABLE copied AS SELECT * FROM cases');
      raw.exec("UPDATE copied SET id = '00000000-planted', case_number = case_number || 'A'");
      raw.exec('INSERT INTO cases SELECT * FROM copied');
      raw.exec("UPDATE copied SET id = 'ffffffff-planted', case_number = case_number || 'B'");
      raw.exec('INSERT INTO cases SELECT * FROM copied');
    });
    expect(report.state).toBe('failed');
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { kind: 'case_without_events', subject: '00000000-planted', detail: expect.stringMatching(/in the case table without any event/) },
        { kind: 'case_without_events', subject: 'ffffffff-planted', detail: expect.stringMatching(/in the case table without any event/) },
      ]),
    );
  });
});

describe('a head file that cannot be written', () => {
  it('leaves the desk running and the entries kept, and catches up once it can be written again', async () => {
    desk = await openDeskWithAdmin();
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    // What a full disk does once the database reuses its log's space: the entry commits, the file write fails.
    const obstacle = `${headFilePath(desk.core.databasePath)}.tmp`;
    mkdirSync(obstacle);
    try {
      await desk.must('cases.search', {});
      await desk.must('cases.search', {});
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('uncaughtException', record);
      rmdirSync(obstacle);
    }
    expect(uncaught).toEqual([]);
    expect((await desk.must('audit.recent', { limit: 2 })).map((e) => e.action)).toEqual(['case.searched', 'case.searched']);
    await desk.must('cases.search', {});
    desk.core.close();
    desk = await openTestDesk({}, desk.dataDir);
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(await settledReport(desk)).toMatchObject({ state: 'ok', problems: [] });
  });
});
