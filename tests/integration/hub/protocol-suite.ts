// The hub's protocol tests, run against each database the hub supports (PostgreSQL and the embedded PGlite):
// enrollment, push idempotency, pull paging, reference data, audit heads, history, and every refusal a 4xx.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST } from '../../../shared/checklist';
import { settingsSchema } from '../../../shared/contract/settings';
import {
  SYNC_LIMITS,
  type AuditResponse,
  type HistoryResponse,
  type PullResponse,
  type PushResponse,
  type ReferencePullResponse,
  type SyncError,
} from '../../../shared/contract/sync';
import { generateMrz } from '../../../shared/mrz';
import { hubCall, startTestHub, testEvent, type HubAnswer, type HubBackend, type TestDesk, type TestHub } from '../../support/hub-harness';

type ErrorBody = { error: SyncError };

async function pullAll(desk: TestDesk, limit?: number): Promise<PullResponse['events']> {
  const events: PullResponse['events'] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: HubAnswer<PullResponse> = await desk.call<PullResponse>('/v1/pull', { cursor, limit });
    expect(page.status).toBe(200);
    events.push(...page.body.events);
    cursor = page.body.nextCursor;
    if (!page.body.more) return events;
  }
}

export function protocolSuite(backend: HubBackend): void {
  describe(`hub protocol on ${backend}`, () => {
    let hub: TestHub;
    let d1: TestDesk;
    let d2: TestDesk;

    beforeAll(async () => {
      hub = await startTestHub(backend);
      d1 = await hub.enrollDesk('PLM', 'D01');
      d2 = await hub.enrollDesk('PLM', 'D02');
    }, 180_000);
    afterAll(async () => hub?.stop());

    it('answers /health with the database it runs on', async () => {
      const response = await fetch(`${hub.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: true, protocol: 1, database: backend });
    });

    it('takes an enrollment code once, and refuses unknown codes and a device bound to another desk', async () => {
      const { code } = await hub.hub.services.desks.createDesk('PLM', 'E01', 'Enroll test');
      const deviceId = randomUUID();
      const first = await hubCall<{ credential: string; deskCode: string; airportCode: string }>(hub.url, '/v1/enroll', { code, deviceId, deskName: 'E' });
      expect(first.status).toBe(200);
      // The desk is named as the hub admin named it, not as it calls itself (every desk starts as "Meja 1").
      expect(first.body).toMatchObject({ airportCode: 'PLM', deskCode: 'E01', deskName: 'Enroll test' });
      expect((await hub.hub.services.desks.list()).find((d) => d.deskCode === 'E01')?.name).toBe('Enroll test');
      expect(first.body.credential.startsWith(`${deviceId}.`)).toBe(true);
      const again = await hubCall<ErrorBody>(hub.url, '/v1/enroll', { code, deviceId, deskName: 'E' });
      expect([again.status, again.body.error.code]).toEqual([400, 'bad_code']);
      const unknown = await hubCall<ErrorBody>(hub.url, '/v1/enroll', { code: 'AAAA-BBBB-CCCC', deviceId: randomUUID(), deskName: 'E' });
      expect([unknown.status, unknown.body.error.code]).toEqual([400, 'bad_code']);
      // Another desk's code cannot take a device that is already a desk.
      const { code: other } = await hub.hub.services.desks.createDesk('PLM', 'E02', 'Other');
      const taken = await hubCall<ErrorBody>(hub.url, '/v1/enroll', { code: other, deviceId, deskName: 'E' });
      expect([taken.status, taken.body.error.code]).toEqual([409, 'device_taken']);
      // A reissued code for E01 cannot move it to another device (its case numbers would collide).
      const { code: reissued } = await hub.hub.services.desks.reissueCode('PLM', 'E01');
      const moved = await hubCall<ErrorBody>(hub.url, '/v1/enroll', { code: reissued, deviceId: randomUUID(), deskName: 'E' });
      expect([moved.status, moved.body.error.code]).toEqual([409, 'device_taken']);
    });

    it('refuses a desk code already given at that airport, but not at another airport', async () => {
      await expect(hub.hub.services.desks.createDesk('PLM', 'D01', 'Again')).rejects.toThrow(/already in use at PLM/);
      await expect(hub.hub.services.desks.createDesk('CGK', 'D01', 'Jakarta 1')).resolves.toMatchObject({ code: expect.any(String) });
    });

    it("gives out only desk codes the desk's settings take, since case numbers carry them", async () => {
      for (const [airport, desk] of [['PLM', 'D'], ['PLM', 'D0001'], ['PLM', 'D00001'], ['PLM', 'd01'], ['PALEMBANG', 'D09'], ['PL1', 'D09']]) {
        await expect(hub.hub.services.desks.createDesk(airport!, desk!, 'Bad')).rejects.toMatchObject({ code: 'invalid_request' });
        // The same rule refuses the same codes in the desk's own settings.
        expect(settingsSchema.shape.airportCode.safeParse(airport).success && settingsSchema.shape.deskCode.safeParse(desk).success).toBe(false);
      }
      for (const desk of ['D9', 'D099']) {
        await expect(hub.hub.services.desks.createDesk('PLM', desk, 'Good')).resolves.toMatchObject({ code: expect.any(String) });
        expect(settingsSchema.shape.deskCode.safeParse(desk).success).toBe(true);
      }
      const listed = await hub.hub.services.desks.list();
      expect(listed.filter((d) => d.name === 'Bad')).toEqual([]);
    });

    it('keeps only a hash of the credential', async () => {
      const stored = await hub.hub.database.pool.query<{ credential_hash: string }>('SELECT credential_hash FROM desks WHERE device_id = $1', [d1.deviceId]);
      expect(stored.rows[0]!.credential_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.rows[0]!.credential_hash).not.toContain(d1.credential.split('.')[1]!);
    });

    it('stores a push once: an identical replay is a no-op, by event id and by device sequence', async () => {
      const batch = [1, 2, 3].map((seq) => testEvent(d1.deviceId, seq));
      const first = await d1.call<PushResponse>('/v1/push', { events: batch });
      expect(first).toEqual({ status: 200, body: { accepted: 3, duplicates: 0, lastSeq: 3 } });
      const replay = await d1.call<PushResponse>('/v1/push', { events: batch });
      expect(replay).toEqual({ status: 200, body: { accepted: 0, duplicates: 3, lastSeq: 3 } });
      // Overlapping: 2 and 3 again, 4 new; payload keys in another order are the same content.
      const overlap = [2, 3, 4].map((seq) => testEvent(d1.deviceId, seq));
      overlap[0]!.payload = Object.fromEntries(Object.entries(overlap[0]!.payload).reverse());
      const third = await d1.call<PushResponse>('/v1/push', { events: overlap });
      expect(third).toEqual({ status: 200, body: { accepted: 1, duplicates: 2, lastSeq: 4 } });
      const count = await hub.hub.database.pool.query('SELECT count(*)::int AS n FROM events WHERE device_id = $1', [d1.deviceId]);
      expect(count.rows[0].n).toBe(4);
    });

    it('refuses a gap with the sequence it expects, storing nothing', async () => {
      const gap = await d1.call<ErrorBody>('/v1/push', { events: [testEvent(d1.deviceId, 5), testEvent(d1.deviceId, 7)] });
      expect(gap.status).toBe(409);
      expect(gap.body.error).toMatchObject({ code: 'sequence_gap', expectedSeq: 5 });
      const ahead = await d1.call<ErrorBody>('/v1/push', { events: [testEvent(d1.deviceId, 9)] });
      expect(ahead.body.error).toMatchObject({ code: 'sequence_gap', expectedSeq: 5 });
      const count = await hub.hub.database.pool.query('SELECT max(device_seq)::int AS n FROM events WHERE device_id = $1', [d1.deviceId]);
      expect(count.rows[0].n).toBe(4);
    });

    it('refuses a replay with changed content, stores nothing of that push, and records the attempt', async () => {
      const changed = testEvent(d1.deviceId, 2, { payload: { ...testEvent(d1.deviceId, 2).payload, copies: 9 } });
      const refused = await d1.call<ErrorBody>('/v1/push', { events: [changed, testEvent(d1.deviceId, 5)] });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'event_changed', eventIds: [changed.id] });
      // Same (device, seq) under a new id is a change too.
      const newId = await d1.call<ErrorBody>('/v1/push', { events: [{ ...testEvent(d1.deviceId, 3), id: randomUUID() }] });
      expect(newId.body.error.code).toBe('event_changed');
      const held = await hub.hub.database.pool.query('SELECT payload FROM events WHERE id = $1', [changed.id]);
      expect(JSON.parse(held.rows[0].payload)).toEqual(testEvent(d1.deviceId, 2).payload);
      const last = await hub.hub.database.pool.query('SELECT last_seq FROM desks WHERE device_id = $1', [d1.deviceId]);
      expect(last.rows[0].last_seq).toBe(4);
      const refusals = await hub.hub.database.pool.query('SELECT event_ids FROM push_refusals r JOIN desks d ON d.id = r.desk_id WHERE d.device_id = $1', [d1.deviceId]);
      expect(refusals.rows.length).toBe(2);
      expect(refusals.rows[0].event_ids).toEqual([changed.id]);
      const listing = (await hub.hub.services.desks.list()).find((d) => d.deviceId === d1.deviceId);
      expect(listing?.refusedPushes).toBe(2);
    });

    it("refuses another desk's events, and another device's event id", async () => {
      const foreign = await d1.call<ErrorBody>('/v1/push', { events: [testEvent(d2.deviceId, 1)] });
      expect([foreign.status, foreign.body.error.code]).toEqual([403, 'wrong_device']);
      // d2 pushing an event whose id d1 already used.
      const stolenId = { ...testEvent(d2.deviceId, 1), id: testEvent(d1.deviceId, 1).id };
      const collision = await d2.call<ErrorBody>('/v1/push', { events: [stolenId] });
      expect([collision.status, collision.body.error.code]).toEqual([409, 'event_changed']);
    });

    it("pulls other desks' events in pages, never this desk's own, and resumes from a cursor", async () => {
      const pushed = await d2.call<PushResponse>('/v1/push', { events: [1, 2, 3, 4, 5].map((seq) => testEvent(d2.deviceId, seq)) });
      expect(pushed.status).toBe(200);
      const byD1 = await pullAll(d1, 2);
      expect(byD1.map((e) => `${e.deviceId === d2.deviceId}:${e.deviceSeq}`)).toEqual(['true:1', 'true:2', 'true:3', 'true:4', 'true:5']);
      expect(byD1[0]).toMatchObject({ airportCode: 'PLM', deskCode: 'D02', payload: testEvent(d2.deviceId, 1).payload });
      const byD2 = await pullAll(d2, 3);
      expect(byD2.map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4]);
      expect(byD2.every((e) => e.deviceId === d1.deviceId)).toBe(true);
      // Resuming from the last cursor gives only what is new.
      const first = await d1.call<PullResponse>('/v1/pull', { cursor: null, limit: SYNC_LIMITS.maxPullLimit });
      await d2.call('/v1/push', { events: [testEvent(d2.deviceId, 6)] });
      const next = await d1.call<PullResponse>('/v1/pull', { cursor: first.body.nextCursor });
      expect(next.body.events.map((e) => e.deviceSeq)).toEqual([6]);
      const bad = await d1.call<ErrorBody>('/v1/pull', { cursor: 'not-a-cursor' });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_request']);
    });

    it('serves reference data to every desk with revisions, refuses a bad file, and keeps the newer officer change', async () => {
      const checklist = { kind: 'checklist', version: DEFAULT_CHECKLIST.version, content: DEFAULT_CHECKLIST, importedAt: '2026-12-01T08:00:00.000Z', importedBy: 'ADM-1' };
      const watch = {
        kind: 'watch_list',
        version: '2026-12',
        content: { version: '2026-12', entries: [{ kind: 'phone', value: '+62 812 0000 0000', note: '', source: 'Polda' }] },
        importedAt: '2026-12-01T08:00:00.000Z',
        importedBy: 'ADM-1',
      };
      const officer = (active: boolean, changedAt: string) => ({
        kind: 'officer',
        officerNumber: 'IM-0042',
        name: 'Siti Rahma',
        agency: 'IMIGRASI',
        role: 'officer',
        passwordHash: 'scrypt$131072$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5',
        active,
        changedAt,
      });
      const stored = await d1.call('/v1/reference/push', { items: [checklist, watch, officer(true, '2026-12-01T08:00:00.000Z')] });
      expect(stored).toEqual({ status: 200, body: { stored: 3, superseded: 0 } });
      expect((await d1.call('/v1/reference/push', { items: [checklist] })).body).toEqual({ stored: 0, superseded: 0 });
      // Desk 2 deactivates the officer; desk 1, offline since, sends an older change: the deactivation stands.
      expect((await d2.call('/v1/reference/push', { items: [officer(false, '2026-12-02T08:00:00.000Z')] })).body).toEqual({ stored: 1, superseded: 0 });
      expect((await d1.call('/v1/reference/push', { items: [{ ...officer(true, '2026-12-01T12:00:00.000Z'), name: 'Siti R.' }] })).body).toEqual({
        stored: 0,
        superseded: 1,
      });
      const bad = await d1.call<ErrorBody>('/v1/reference/push', {
        items: [{ ...watch, version: '2026-13', content: { version: '2026-13', entries: [{ kind: 'fax', value: 'x', source: '' }] } }],
      });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_reference']);
      expect(bad.body.error.problems!.length).toBeGreaterThan(0);
      const mislabelled = await d1.call<ErrorBody>('/v1/reference/push', { items: [{ ...watch, version: '2027-01' }] });
      expect(mislabelled.body.error.problems).toEqual([expect.stringContaining('the file says version 2026-12')]);
      const pulled = await d2.call<ReferencePullResponse>('/v1/reference/pull', { cursor: null });
      expect(pulled.body.items.map((r) => r.item.kind)).toEqual(['checklist', 'watch_list', 'officer', 'officer']);
      const revisions = pulled.body.items.map((r) => r.revision);
      expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
      const lastOfficer = pulled.body.items.at(-1)!;
      expect(lastOfficer.item).toMatchObject({ kind: 'officer', active: false });
      expect(lastOfficer.fromDeviceId).toBe(d2.deviceId);
      expect(pulled.body.items[0]!.item).toMatchObject({ kind: 'checklist', content: DEFAULT_CHECKLIST });
      const nothingNew = await d2.call<ReferencePullResponse>('/v1/reference/pull', { cursor: pulled.body.nextCursor });
      expect(nothingNew.body).toEqual({ items: [], nextCursor: pulled.body.nextCursor, more: false });
    });

    it('compares the audit-chain head on each sync and keeps a mismatch visible, never repairing it', async () => {
      const h = (c: string) => c.repeat(64);
      const audit = (body: unknown) => d2.call<AuditResponse>('/v1/audit', body);
      expect((await audit({ head: { seq: 10, hash: h('a') }, atHubHead: null })).body).toEqual({ status: 'first', hubHead: { seq: 10, hash: h('a') }, mismatch: null });
      // Grown from 10 to 15 and proves its entry 10 is the one the hub saw.
      expect((await audit({ head: { seq: 15, hash: h('b') }, atHubHead: { seq: 10, hash: h('a') } })).body.status).toBe('match');
      // Grown but without the proof: the hub cannot tell, and keeps what it had.
      expect((await audit({ head: { seq: 20, hash: h('c') }, atHubHead: null })).body).toEqual({ status: 'unverified', hubHead: { seq: 15, hash: h('b') }, mismatch: null });
      // Entry 15 now has another hash: the chain was rewritten.
      const rewritten = await audit({ head: { seq: 20, hash: h('c') }, atHubHead: { seq: 15, hash: h('d') } });
      expect(rewritten.body.status).toBe('mismatch');
      expect(rewritten.body.hubHead).toEqual({ seq: 15, hash: h('b') });
      expect(rewritten.body.mismatch?.detail).toMatch(/entry 15/);
      // Even a consistent report afterwards still says mismatch: nothing is repaired by itself.
      const later = await audit({ head: { seq: 21, hash: h('e') }, atHubHead: { seq: 15, hash: h('b') } });
      expect(later.body.status).toBe('mismatch');
      const shorter = await audit({ head: { seq: 3, hash: h('f') }, atHubHead: null });
      expect(shorter.body.status).toBe('mismatch');
      const listing = (await hub.hub.services.desks.list()).find((d) => d.deviceId === d2.deviceId);
      expect(listing?.auditMismatchSince).not.toBeNull();
      // Desk 1 is unaffected.
      expect((await d1.call<AuditResponse>('/v1/audit', { head: { seq: 1, hash: h('1') }, atHubHead: null })).body.status).toBe('first');
    });

    it("finds a document's encounters at other airports, with the latest decision", async () => {
      const cgk = await hub.enrollDesk('CGK', 'D07');
      const mrz = generateMrz('TD3', {
        documentCode: 'P',
        issuingState: 'IDN',
        primaryIdentifier: 'SARI',
        secondaryIdentifier: 'DEWI',
        documentNumber: 'C1234567',
        nationality: 'IDN',
        birthDate: '1999-02-03',
        sex: 'F',
        expiryDate: '2030-01-01',
      });
      const caseId = randomUUID();
      const opened = testEvent(cgk.deviceId, 1, { type: 'case.opened', caseId, payload: { caseNumber: 'CGK-D07-261201-0001', source: 'camera', mrz, checklistVersion: 'x' } });
      const decided = testEvent(cgk.deviceId, 2, {
        type: 'case.decided',
        caseId,
        payload: { outcome: 'tunda', reasons: ['no_contract'], legalGround: 'x', note: 'x', riskLevel: 'high', suggestedOutcome: 'tunda', contactConsent: null },
      });
      expect((await cgk.call('/v1/push', { events: [opened, decided] })).status).toBe(200);
      const fromPlm = await d1.call<HistoryResponse>('/v1/history', { documentNumber: 'c1234567' });
      expect(fromPlm.body.encounters).toEqual([
        { caseId, caseNumber: 'CGK-D07-261201-0001', airportCode: 'CGK', deskCode: 'D07', openedAt: opened.at, decision: 'tunda', decidedAt: decided.at },
      ]);
      expect((await d1.call<HistoryResponse>('/v1/history', { documentNumber: 'C1234567', issuingState: 'MYS' })).body.encounters).toEqual([]);
      // The airport's own encounters come by pull, not here.
      expect((await cgk.call<HistoryResponse>('/v1/history', { documentNumber: 'C1234567' })).body.encounters).toEqual([]);
    });

    it('answers malformed, oversized, forged and unknown requests with a clear 4xx, and keeps serving other desks', async () => {
      const refusals = await Promise.all([
        hubCall<ErrorBody>(hub.url, '/v1/push', '{"events": [', d1.credential),
        hubCall<ErrorBody>(hub.url, '/v1/push', { events: [{ ...testEvent(d1.deviceId, 5), deviceSeq: -1 }] }, d1.credential),
        hubCall<ErrorBody>(hub.url, '/v1/push', { events: [] }, d1.credential),
        hubCall<ErrorBody>(hub.url, '/v1/push', { events: [testEvent(d1.deviceId, 5, { caseId: 'a\u0000b' })] }, d1.credential),
        hubCall<ErrorBody>(hub.url, '/v1/push', { events: [testEvent(d1.deviceId, 5)] }),
        hubCall<ErrorBody>(hub.url, '/v1/push', { events: [testEvent(d1.deviceId, 5)] }, `${d1.deviceId}.${'A'.repeat(43)}`),
        hubCall<ErrorBody>(hub.url, '/v1/push', { events: [testEvent(d1.deviceId, 5)] }, 'garbage'),
        hubCall<ErrorBody>(hub.url, '/v1/pull', { cursor: null, limit: 10_000 }, d1.credential),
        hubCall<ErrorBody>(hub.url, '/v1/pull', { cursor: null, extra: 1 }, d1.credential),
        hubCall<ErrorBody>(hub.url, '/v1/nothing', {}, d1.credential),
        hubCall<ErrorBody>(hub.url, '/v1/push', 'x'.repeat(SYNC_LIMITS.maxBodyBytes + 10), d1.credential),
        hubCall<ErrorBody>(hub.url, '/v1/push', { events: [testEvent(d1.deviceId, 5, { payload: { big: 'x'.repeat(SYNC_LIMITS.maxEventPayloadChars) } })] }, d1.credential),
        hubCall<ErrorBody>(hub.url, '/v1/history', { documentNumber: "'; DROP TABLE events; --" }, d1.credential),
      ]);
      const seen = refusals.map((r) => `${r.status} ${r.body.error.code}`);
      expect(seen).toEqual([
        '400 invalid_request',
        '400 invalid_request',
        '400 invalid_request',
        '400 invalid_request',
        '401 unauthenticated',
        '401 unauthenticated',
        '401 unauthenticated',
        '400 invalid_request',
        '400 invalid_request',
        '404 not_found',
        '413 too_large',
        '400 invalid_request',
        '400 invalid_request',
      ]);
      for (const refusal of refusals) expect(refusal.body.error.message.length).toBeGreaterThan(10);
      const get = await fetch(`${hub.url}/v1/push`);
      expect(get.status).toBe(405);
      // Meanwhile desk 2 is served as usual.
      const served = await d2.call<PushResponse>('/v1/push', { events: [testEvent(d2.deviceId, 7)] });
      expect(served).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, lastSeq: 7 } });
    });

    it('refuses a revoked desk from its next request, and lets it back only with a new code for the same device', async () => {
      const desk = await hub.enrollDesk('PLM', 'R01');
      expect((await desk.call('/v1/push', { events: [testEvent(desk.deviceId, 1)] })).status).toBe(200);
      await hub.hub.services.desks.revoke('PLM', 'R01');
      const refused = await desk.call<ErrorBody>('/v1/pull', { cursor: null });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'revoked']);
      expect(refused.body.error.message).toMatch(/revoked/);
      expect((await d1.call('/v1/pull', { cursor: null })).status).toBe(200);
      const { code } = await hub.hub.services.desks.reissueCode('PLM', 'R01');
      const back = await hubCall<{ credential: string }>(hub.url, '/v1/enroll', { code, deviceId: desk.deviceId, deskName: 'R01' });
      expect(back.status).toBe(200);
      // The old credential died with the new one; the new one continues the same sequence.
      expect((await desk.call<ErrorBody>('/v1/pull', { cursor: null })).status).toBe(401);
      const resumed = await hubCall<PushResponse>(hub.url, '/v1/push', { events: [testEvent(desk.deviceId, 2)] }, back.body.credential);
      expect(resumed.body).toEqual({ accepted: 1, duplicates: 0, lastSeq: 2 });
    });

    it('lists desks with last sync and what each has still to pull', async () => {
      const listing = await hub.hub.services.desks.list();
      const one = listing.find((d) => d.deviceId === d1.deviceId)!;
      expect(one).toMatchObject({ airportCode: 'PLM', deskCode: 'D01', state: 'enrolled', lastSeq: 4 });
      expect(one.lastSyncAt).not.toBeNull();
      expect(listing.find((d) => d.deskCode === 'E02')).toMatchObject({ state: 'awaiting_enrollment', pendingPull: 0 });
      const all = await pullAll(d1);
      await d1.call('/v1/pull', { cursor: null, limit: 1 });
      const after = (await hub.hub.services.desks.list()).find((d) => d.deviceId === d1.deviceId)!;
      expect(after.pendingPull).toBe(all.length);
    });
  });
}
