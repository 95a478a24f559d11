// The hub owns which desk codes a device has used (#14): enrolment claims the enrolled code and every airport-desk
// prefix the desk's own case numbers carry, and is refused (desk_code_taken, naming the desk) when another device holds
// one; a new desk's code another device used is refused; a pushed case under another device's code is kept back at
// the hub while the rest of the push flows. Real desks, a real PostgreSQL hub.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { SYNC_PATHS, type EnrollResponse, type SyncError } from '../../../shared/contract/sync';
import { hubCall } from '../../support/hub-harness';
import { deskAdmin, openDeskWithAdmin, type TestDesk } from '../core-harness';
import { HOLD, MANUAL_SYNC, deviceIdOf, enroll, hubForThisFile, passport, query, synced, write } from './sync-harness';

const shared = hubForThisFile();

/** Everything of a desk that enrolment must leave as it was. */
async function snapshot(desk: TestDesk) {
  return {
    cases: query(desk, 'SELECT id, case_number, decision, device_id FROM cases ORDER BY id'),
    events: query(desk, 'SELECT id, device_seq, type, payload FROM events ORDER BY device_id, device_seq'),
    settings: await desk.must('settings.get', {}),
    sync: query(desk, 'SELECT * FROM sync_state'),
  };
}

async function claimsOf(deviceId: string): Promise<string[]> {
  const rows = await shared.hub.hub.services.pool.query<{ key: string }>(
    "SELECT airport_code || '-' || desk_code AS key FROM desk_code_claims WHERE device_id = $1 ORDER BY 1",
    [deviceId],
  );
  return rows.rows.map((row) => row.key);
}

it('refuses the second of two desks both used as D01 before enrolment, says which cases and which desk, and changes nothing of either', async () => {
  const d1 = shared.track(await openDeskWithAdmin(MANUAL_SYNC, undefined, deskAdmin('A1')));
  const d2 = shared.track(await openDeskWithAdmin(MANUAL_SYNC, undefined, deskAdmin('A2')));
  for (const [desk, document] of [[d1, 'K1000001'], [d2, 'K2000002'], [d2, 'K2000003']] as const) {
    const opened = await desk.must('cases.open', { source: 'manual', mrz: passport(document) });
    await desk.must('cases.decide', { caseId: opened.id, ...HOLD });
  }
  expect(query<{ case_number: string }>(d1, 'SELECT case_number FROM cases')[0]!.case_number).toBe(
    query<{ case_number: string }>(d2, 'SELECT case_number FROM cases ORDER BY case_number')[0]!.case_number,
  );

  await enroll(d1, shared.hub, 'PLM', 'D01');
  await synced(d1);
  const d1Before = await snapshot(d1);
  const d2Before = await snapshot(d2);

  const { code } = await shared.hub.hub.services.desks.createDesk('PLM', 'D02', 'Meja Dua');
  const refused = await d2.call('sync.enroll', { hubUrl: shared.hub.url, code });
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'conflict', field: 'code', reason: 'enrollDeskCodeTaken', params: { cases: 2, prefixes: 'PLM-D01-…', desks: 'PLM-D01 "PLM D01"' } },
  });

  // Nothing of either desk changed: desk 2 is not enrolled, keeps its D01 cases and code; desk 1 syncs as before.
  expect(await snapshot(d2)).toEqual(d2Before);
  expect((await d2.must('sync.status', {})).state).toBe('not_configured');
  await synced(d1);
  expect((await snapshot(d1)).cases).toEqual(d1Before.cases);
  // At the hub: the code was not used (desk D02 still awaits its device), desk 2's device claims nothing.
  const listed = await shared.hub.hub.services.desks.list();
  expect(listed.find((desk) => desk.deskCode === 'D02')).toMatchObject({ state: 'awaiting_enrollment', deviceId: null });
  expect(await claimsOf(deviceIdOf(d2))).toEqual([]);
  expect(await claimsOf(deviceIdOf(d1))).toEqual(['PLM-D01']);

  // The same code still enrolls a desk that never numbered a case under another desk's code.
  const d3 = shared.track(await openDeskWithAdmin(MANUAL_SYNC, undefined, deskAdmin('A3'), { airportCode: 'PLM', deskCode: 'G5' }));
  const opened = await d3.must('cases.open', { source: 'manual', mrz: passport('K3000004') });
  expect(opened.caseNumber.startsWith('PLM-G5-')).toBe(true);
  await d3.must('sync.enroll', { hubUrl: shared.hub.url, code });
  expect(await claimsOf(deviceIdOf(d3))).toEqual(['PLM-D02', 'PLM-G5']);
  // G5 is desk 3's now, from its cases: a new desk with that code is refused, naming desk 3.
  await expect(shared.hub.hub.services.desks.createDesk('PLM', 'G5', 'Meja G5')).rejects.toMatchObject({
    code: 'desk_code_taken',
    extra: { claims: [{ prefix: 'PLM-G5', heldBy: 'PLM-D02', heldByName: 'Meja Dua' }] },
  });
}, 240_000);

it('lets exactly one of two enrolments racing for one desk code win', async () => {
  const { desks } = shared.hub.hub.services;
  for (let round = 0; round < 6; round++) {
    const prefix = `PLM-R${round}`;
    const codes = [await desks.createDesk('PLM', `S${round}A`, 'A'), await desks.createDesk('PLM', `S${round}B`, 'B')];
    const devices = [randomUUID(), randomUUID()];
    const answers = await Promise.all(
      codes.map(({ code }, i) => hubCall<EnrollResponse | { error: SyncError }>(shared.hub.url, SYNC_PATHS.enroll, { code, deviceId: devices[i], deskName: 'Meja', caseNumberPrefixes: [prefix] })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.findIndex((a) => a.status === 409);
    expect((answers[loser]!.body as { error: SyncError }).error).toMatchObject({ code: 'desk_code_taken', claims: [{ prefix }] });
    expect(await claimsOf(devices[1 - loser]!)).toContain(prefix);
    expect(await claimsOf(devices[loser]!)).toEqual([]);
  }
}, 120_000);

it('keeps back at the hub a pushed case under another desk\'s code, with its later events, while the rest of the push flows', async () => {
  const owner = shared.track(await openDeskWithAdmin(MANUAL_SYNC, undefined, deskAdmin('W1'), { airportCode: 'PLM', deskCode: 'W1' }));
  await enroll(owner, shared.hub, 'PLM', 'W1');
  const other = shared.track(await openDeskWithAdmin(MANUAL_SYNC, undefined, deskAdmin('W2'), { airportCode: 'PLM', deskCode: 'W2' }));
  await enroll(other, shared.hub, 'PLM', 'W2');
  // The sync enrolment starts is over before the twin exists: the next one is the test's.
  await synced(other);
  // A desk whose code was changed around its settings procedure (which refuses it once enrolled).
  write(other, `UPDATE settings SET value = '"W1"' WHERE key = 'deskCode'`);
  const twin = await other.must('cases.open', { source: 'manual', mrz: passport('K4000005') });
  expect(twin.caseNumber.startsWith('PLM-W1-')).toBe(true);
  write(other, `UPDATE settings SET value = '"W2"' WHERE key = 'deskCode'`);
  const good = await other.must('cases.open', { source: 'manual', mrz: passport('K4000006') });
  await other.must('cases.decide', { caseId: twin.id, ...HOLD });
  await other.must('cases.decide', { caseId: good.id, ...HOLD });

  // The sync went through (nothing pending) and its notice says what the hub kept back.
  const state = await other.must('sync.now', {});
  expect(state.problem).toMatchObject({ code: 'case_withheld' });
  expect(state.lastSyncAt).not.toBeNull();
  expect(state.pending).toBe(0);
  const audited = query<{ detail: string }>(other, "SELECT detail FROM audit_log WHERE action = 'sync.case_withheld'");
  expect(audited.map((row) => JSON.parse(row.detail))).toEqual([{ caseNumber: twin.caseNumber, heldBy: 'PLM-W1 "PLM W1"' }]);

  await synced(owner);
  expect(query(owner, 'SELECT id FROM cases WHERE id = ?', good.id)).toHaveLength(1);
  expect(query(owner, 'SELECT id FROM cases WHERE id = ?', twin.id)).toHaveLength(0);
  expect(query(owner, 'SELECT event_id FROM sync_held_back')).toHaveLength(0);
  // The hub keeps every event (nothing pushed is lost), and shows the refusal on the admin's list.
  const { pool } = shared.hub.hub.services;
  const kept = await pool.query<{ withheld: boolean; n: number }>('SELECT withheld, count(*) AS n FROM events WHERE case_id = $1 GROUP BY withheld', [twin.id]);
  expect(kept.rows).toEqual([{ withheld: true, n: 2 }]);
  expect((await shared.hub.hub.services.desks.list()).find((desk) => desk.deskCode === 'W2')).toMatchObject({ refusedPushes: 1 });
  // A later step of the kept-back case stays back too.
  await other.must('cases.amend', { caseId: twin.id, field: 'note', value: 'Koreksi', reason: 'Dilengkapi' });
  expect(await synced(other)).toMatchObject({ pending: 0, problem: null });
  await synced(owner);
  expect(query(owner, 'SELECT event_id FROM sync_held_back')).toHaveLength(0);
  expect((await pool.query('SELECT 1 FROM events WHERE case_id = $1 AND NOT withheld', [twin.id])).rowCount).toBe(0);
}, 240_000);
