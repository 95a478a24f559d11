// Desk sync on real desks and a real hub on a throwaway PostgreSQL cluster: enrollment from the settings
// procedure, a hold at desk 1 in desk 2's history, idempotent push and pull, the hub's "expected sequence" after a
// gap, an outage shown in the header state and healed, a revoked desk refused and told why.
import Database from 'better-sqlite3';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteChainAndHeadFile } from '../../support/tamperings';
import { openDeskWithAdmin } from '../core-harness';
import { deviceIdOf, enrolledDesk, HOLD, hubForThisFile, MANUAL_SYNC, openAgain, passport, query, reopen, synced, write } from './sync-harness';

const shared = hubForThisFile();
const { track, untrack } = shared;

async function hubEventCount(deviceId: string): Promise<number> {
  const result = await shared.hub.hub.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE device_id = $1', [deviceId]);
  return result.rows[0]!.n;
}

describe('desk sync', () => {
  it('enrolls from the settings procedure: the credential in a mode-600 file only, the codes from the hub', async () => {
    const desk = track(await openDeskWithAdmin(MANUAL_SYNC));
    expect(await desk.must('sync.status', {})).toMatchObject({ state: 'not_configured', pending: 0, hubUrl: null });
    const { code } = await shared.hub.hub.services.desks.createDesk('PLM', 'K07', 'Meja 7');
    const enrolled = await desk.must('sync.enroll', { hubUrl: shared.hub.url, code });
    expect(enrolled.hubUrl).toBe(shared.hub.url);
    const settings = await desk.must('settings.get', {});
    // The codes and the name the hub admin gave: every desk starts as "Meja 1".
    expect([settings.airportCode, settings.deskCode, settings.deskName]).toEqual(['PLM', 'K07', 'Meja 7']);
    // Case numbers carry the hub's codes, and another code would collide with another desk's.
    const changed = await desk.call('settings.update', { deskCode: 'D01' });
    expect(changed).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'codesFromHub' } });

    const file = join(desk.dataDir, 'hub-credential');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const credential = readFileSync(file, 'utf8');
    const secret = credential.split('.')[1]!;
    expect(secret).toHaveLength(43);
    // Nowhere in the database files (tables, WAL, audit log) and not in the answer the renderer gets.
    for (const name of readdirSync(desk.dataDir).filter((n) => n.startsWith('desk.sqlite'))) {
      expect(readFileSync(join(desk.dataDir, name)).includes(secret)).toBe(false);
    }
    expect(JSON.stringify(enrolled)).not.toContain(secret);
    const audit = await desk.must('audit.recent', { limit: 10 });
    expect(audit.find((e) => e.action === 'sync.enrolled')?.detail).toEqual({ hubUrl: shared.hub.url, airportCode: 'PLM', deskCode: 'K07', deskName: 'Meja 7' });
    // The hub knows the desk by that credential.
    const listed = (await shared.hub.hub.services.desks.list()).find((d) => d.deskCode === 'K07');
    expect(listed?.state).toBe('enrolled');
    expect(listed?.name).toBe('Meja 7');
  });

  it('refuses a bad code, plain HTTP to another machine, and an officer who is not an admin', async () => {
    const desk = track(await openDeskWithAdmin(MANUAL_SYNC));
    const bad = await desk.call('sync.enroll', { hubUrl: shared.hub.url, code: 'AAAA-BBBB-CCCC' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'code', reason: 'enrollCodeRefused' } });
    const plain = await desk.call('sync.enroll', { hubUrl: 'http://hub.example.go.id:8787', code: 'AAAA-BBBB-CCCC' });
    expect(plain).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'hubUrl' } });
    const down = await desk.call('sync.enroll', { hubUrl: 'http://127.0.0.1:1', code: 'AAAA-BBBB-CCCC' });
    expect(down).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'hubUnreachable' } });
    await desk.must('officers.create', { name: 'Budi Petugas', officerNumber: 'OFF-9', agency: 'BP3MI', role: 'officer', password: 'officer-pass-9' });
    await desk.must('session.signIn', { officerNumber: 'OFF-9', password: 'officer-pass-9' });
    const { code } = await shared.hub.hub.services.desks.createDesk('PLM', 'K08', 'Meja 8');
    expect(await desk.call('sync.enroll', { hubUrl: shared.hub.url, code })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await desk.must('sync.status', {})).state).toBe('not_configured');
  });

  it("shows a traveller held at desk 1 at the top of desk 2's history, and desk 1's slip number opens the case at desk 2", async () => {
    const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'A01'));
    const d2 = track(await enrolledDesk(shared.hub, 'PLM', 'A02'));
    const held = await d1.must('cases.open', { source: 'manual', mrz: passport('B1000001') });
    await d1.must('cases.decide', { caseId: held.id, ...HOLD });
    expect((await d1.must('sync.status', {})).pending).toBeGreaterThan(0);
    const after = await synced(d1);
    expect(after.pending).toBe(0);
    expect(after.lastSyncAt).not.toBeNull();
    await synced(d2);

    const atDesk2 = await d2.must('cases.open', { source: 'manual', mrz: passport('B1000001') });
    expect(atDesk2.caseNumber).toMatch(/^PLM-A02-/);
    expect(atDesk2.history[0]).toMatchObject({ caseNumber: held.caseNumber, decision: 'tunda' });
    expect(atDesk2.risk.level).not.toBe('low');
    const bySlip = await d2.must('cases.get', { caseId: held.caseNumber });
    expect(bySlip).toMatchObject({ id: held.id, decision: 'tunda', status: 'decided' });

    // And back: desk 2's case reaches desk 1 with desk 1's hold in its history.
    await synced(d2);
    await synced(d1);
    expect((await d1.must('cases.get', { caseId: atDesk2.id })).caseNumber).toBe(atDesk2.caseNumber);
  });

  it('changes nothing when a page or a push comes again (a lost cursor, a lost answer)', async () => {
    const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'B01'));
    const d2 = track(await enrolledDesk(shared.hub, 'PLM', 'B02'));
    for (const n of [1, 2, 3]) {
      const opened = await d1.must('cases.open', { source: 'manual', mrz: passport(`B200000${n}`) });
      await d1.must('cases.decide', { caseId: opened.id, ...HOLD });
    }
    await synced(d1);
    await synced(d2);
    const before = query<{ n: number }>(d2, 'SELECT count(*) AS n FROM events')[0]!.n;
    // As if the answers to every pull and push had been lost: both start over from nothing.
    write(d2, 'UPDATE sync_state SET pull_cursor = NULL');
    write(d1, 'UPDATE sync_state SET pushed_seq = 0');
    await synced(d2);
    await synced(d1);
    expect(query<{ n: number }>(d2, 'SELECT count(*) AS n FROM events')[0]!.n).toBe(before);
    expect(query(d2, "SELECT id FROM cases WHERE case_number LIKE 'PLM-B01-%'")).toHaveLength(3);
    expect(await hubEventCount(deviceIdOf(d1))).toBe(6);
  });

  it("starts again from the hub's expected sequence when the hub lacks events the desk thought it had", async () => {
    const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'C01'));
    const deviceId = deviceIdOf(d1);
    for (const n of [1, 2]) await d1.must('cases.open', { source: 'manual', mrz: passport(`C100000${n}`) });
    // The desk believes two events are at the hub (as after a hub restored from an older backup).
    write(d1, 'UPDATE sync_state SET pushed_seq = 2');
    await d1.must('cases.open', { source: 'manual', mrz: passport('C1000003') });
    const state = await synced(d1);
    expect(state.pending).toBe(0);
    expect(await hubEventCount(deviceId)).toBe(3);
    const seqs = await shared.hub.hub.database.pool.query<{ s: number }>('SELECT device_seq::int AS s FROM events WHERE device_id = $1 ORDER BY 1', [deviceId]);
    expect(seqs.rows.map((r) => r.s)).toEqual([1, 2, 3]);
  });

  it('keeps working through an outage: the header says offline since when, with the pending count, and catches up', async () => {
    const proxy = await shared.proxy();
    try {
      const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'D11', proxy.url));
      await synced(d1);
      proxy.setMode('refuse');
      const opened = await d1.must('cases.open', { source: 'manual', mrz: passport('D1100001') });
      await d1.must('cases.decide', { caseId: opened.id, ...HOLD });
      const offline = await d1.must('sync.now', {});
      expect(offline).toMatchObject({ state: 'offline', pending: 2, offlineSince: d1.clock.now.toISOString(), problem: { code: 'unreachable' } });
      // A second failed attempt later keeps the first moment the hub was missed.
      d1.clock.advanceMinutes(3);
      expect((await d1.must('sync.now', {})).offlineSince).toBe(offline.offlineSince);
      // The officer's work goes on meanwhile.
      await d1.must('cases.open', { source: 'manual', mrz: passport('D1100002') });
      // A restart while offline resumes from the same place.
      const again = track(await reopen(d1));
      untrack(d1);
      expect(await again.must('sync.status', {})).toMatchObject({ state: 'offline', pending: 3 });
      proxy.setMode('pass');
      const back = await synced(again);
      expect(back).toMatchObject({ state: 'idle', pending: 0, offlineSince: null, problem: null });
    } finally {
      await proxy.close();
    }
  });

  it('tells a revoked desk why it is refused, and stops asking the hub', async () => {
    const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'R11'));
    await synced(d1);
    await shared.hub.hub.services.desks.revoke('PLM', 'R11');
    await d1.must('cases.open', { source: 'manual', mrz: passport('R1100001') });
    const refused = await d1.must('sync.now', {});
    expect(refused).toMatchObject({ state: 'revoked', pending: 1, problem: { code: 'revoked' } });
    // Nothing more is sent: the next "sync now" does not reach the hub, and the record stays on the desk.
    expect((await d1.must('sync.now', {})).state).toBe('revoked');
    expect(query(d1, "SELECT id FROM cases WHERE case_number LIKE 'PLM-R11-%'")).toHaveLength(1);
    // A new code for the same desk lets it back, and what waited is pushed.
    const { code } = await shared.hub.hub.services.desks.reissueCode('PLM', 'R11');
    await d1.must('sync.enroll', { hubUrl: shared.hub.url, code });
    expect(await synced(d1)).toMatchObject({ pending: 0, problem: null });
  });

  it("catches a chain rewritten together with its head file, which the desk alone cannot see, and keeps saying so on both sides", async () => {
    const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'T01'));
    const held = await d1.must('cases.open', { source: 'manual', mrz: passport('T0100001') });
    await d1.must('cases.decide', { caseId: held.id, ...HOLD });
    expect(await synced(d1)).toMatchObject({ problem: null });
    // Someone who holds the desk's disk rehashes the chain after rewriting the decision's entry, and the head file
    // with it; the desk is then started again.
    d1.core.close();
    untrack(d1);
    const raw = new Database(d1.core.databasePath);
    rewriteChainAndHeadFile(raw, d1.core.databasePath);
    raw.close();
    const again = track(await openAgain(d1));
    // The desk's own check has nothing to hold the forgery against; the hub has what this desk told it before.
    expect(await again.must('sync.now', {})).toMatchObject({ state: 'error', problem: { code: 'audit_mismatch', message: expect.stringMatching(/entry \d+ of the desk's audit log/) } });
    const listing = (await shared.hub.hub.services.desks.list()).find((d) => d.deskCode === 'T01');
    expect(listing?.auditMismatchSince).not.toBeNull();
    // Never repaired by itself: work and syncs go on, and the mismatch stays shown.
    await again.must('cases.open', { source: 'manual', mrz: passport('T0100002') });
    expect(await again.must('sync.now', {})).toMatchObject({ state: 'error', pending: 0, problem: { code: 'audit_mismatch' } });
  });
});
