// Reference data between real desks and a real hub on a throwaway PostgreSQL cluster: a checklist and a watch list
// imported at one desk or at the hub reach every desk; an officer deactivated elsewhere is signed out and locked out;
// an outage in the middle of a paged pull resumes without repeating or losing an item; a bad item from the hub is
// refused with its problem while the rest applies; a version held with other content is refused, never replaced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateMrz } from '../../../shared/mrz';
import type { ReferenceItem } from '../../../shared/contract/sync';
import { hashPassword } from '../../../electron/core/officers/password';
import type { TestDesk } from '../core-harness';
import { enrolledDesk, hubForThisFile, MANUAL_SYNC, query, synced } from './sync-harness';

const shared = hubForThisFile();
const { track } = shared;
let officerHash: string;

beforeAll(async () => {
  officerHash = await hashPassword('officer-pass-77');
});

/** The shipped 2026.4 checklist under a version no desk ships. */
const CHECKLIST = (version: string) =>
  JSON.stringify({ ...(JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/checklist/data/checklists/2026.4.json'), 'utf8')) as object), version });

const traveller = (documentNumber: string) =>
  generateMrz('TD3', {
    documentCode: 'P',
    issuingState: 'IDN',
    nationality: 'IDN',
    primaryIdentifier: 'PURNAMA',
    secondaryIdentifier: 'RIA',
    documentNumber,
    birthDate: '1996-02-03',
    sex: 'F',
    expiryDate: '2031-01-01',
  }).join('\n');

/** What the hub admin's own import stores (no desk: fromDeviceId null). */
async function hubImport(...items: ReferenceItem[]) {
  return shared.hub.hub.services.reference.push(null, items);
}

function officer(officerNumber: string, active: boolean, changedAt: string, role: 'officer' | 'supervisor' = 'officer'): ReferenceItem {
  return { kind: 'officer', officerNumber, name: `Petugas ${officerNumber}`, agency: 'BP3MI', role, passwordHash: officerHash, active, changedAt };
}

function audited(desk: TestDesk, action: string) {
  return query<{ detail: string }>(desk, 'SELECT detail FROM audit_log WHERE action = ? ORDER BY seq', action).map((row) => JSON.parse(row.detail) as Record<string, unknown>);
}

describe('reference data from the hub', () => {
  it('brings a checklist and a watch list imported at one desk, or at the hub, to every desk', async () => {
    const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'R01'));
    const d2 = track(await enrolledDesk(shared.hub, 'PLM', 'R02'));
    await d1.must('reference.import', { kind: 'checklist', content: CHECKLIST('2026.9') });
    const watchList = { version: 'w-hub-1', entries: [{ kind: 'document', value: 'C7000001', note: 'Perekrut ilegal', source: 'BP3MI Sumsel' }] };
    await d1.must('reference.import', { kind: 'watch_list', content: JSON.stringify(watchList) });
    // Desk 2 still uses what it had: nothing reaches it before the syncs.
    expect((await d2.must('reference.current', {})).versions).toMatchObject({ watchList: 'none' });

    await synced(d1);
    await synced(d2);
    expect((await d2.must('reference.current', {})).versions).toMatchObject({ checklist: '2026.9', watchList: 'w-hub-1' });
    const opened = await d2.must('cases.open', { source: 'manual', mrz: traveller('C7000001') });
    expect(opened.watchListHits).toEqual([expect.objectContaining({ kind: 'document', value: 'C7000001' })]);
    expect(audited(d2, 'reference.received').map((d) => [d.kind, d.version])).toEqual(
      expect.arrayContaining([
        ['checklist', '2026.9'],
        ['watch_list', 'w-hub-1'],
      ]),
    );
    // Desk 1 gets its own files back from the hub and changes nothing: they are the ones in use.
    expect(audited(d1, 'reference.received').filter((d) => d.version === '2026.9' || d.version === 'w-hub-1')).toEqual([]);

    // The hub admin's newer watch list reaches both desks at their next sync.
    const newer = { version: 'w-hub-2', entries: [{ kind: 'phone', value: '+62 812 7000 002', note: 'Sponsor', source: 'Polda Sumsel' }] };
    expect(await hubImport({ kind: 'watch_list', version: 'w-hub-2', content: newer, importedAt: '2026-11-28T09:00:00.000Z', importedBy: 'HUB-ADMIN' })).toEqual({ stored: 1, superseded: 0 });
    for (const desk of [d1, d2]) {
      await synced(desk);
      expect((await desk.must('reference.current', {})).versions.watchList).toBe('w-hub-2');
      expect(query(desk, 'SELECT value FROM watch_list')).toEqual([{ value: '+62 812 7000 002' }]);
    }
    const diagnostics = await d2.must('audit.diagnostics', {});
    expect(diagnostics.reference).toMatchObject({ enrolled: true, lastSyncAt: expect.any(String), refused: [] });
  });

  it('signs out and locks out an officer deactivated at another desk, and at the hub', async () => {
    const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'R03'));
    const d2 = track(await enrolledDesk(shared.hub, 'PLM', 'R04'));
    await d1.must('officers.create', { name: 'Budi Santoso', officerNumber: 'OFF-31', agency: 'BP3MI', role: 'officer', password: 'officer-pass-31' });
    await synced(d1);
    await synced(d2);
    // Created at desk 1, the officer signs in at desk 2 with the same password.
    await d2.must('session.signIn', { officerNumber: 'OFF-31', password: 'officer-pass-31' });
    const opened = await d2.must('cases.open', { source: 'manual', mrz: traveller('C7000031') });

    const listed = (await d1.must('officers.list', {})).find((o) => o.officerNumber === 'OFF-31')!;
    d1.clock.advanceMinutes(1);
    await d1.must('officers.setActive', { officerId: listed.id, active: false });
    await synced(d1);
    // Desk 2's next sync (the officer's own "sync now") ends the session: the next call is refused.
    await d2.must('sync.now', {});
    expect(await d2.call('cases.get', { caseId: opened.id })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await d2.must('session.status', {})).toBeNull();
    expect(audited(d2, 'session.ended')).toEqual([{ reason: 'deactivated_elsewhere' }]);
    expect(await d2.call('session.signIn', { officerNumber: 'OFF-31', password: 'officer-pass-31' })).toMatchObject({ ok: false, error: { code: 'account_inactive' } });

    // The hub admin deactivates another officer; every desk refuses them after its next sync.
    expect((await hubImport(officer('OFF-32', true, '2026-11-28T08:10:00.000Z'))).stored).toBe(1);
    await synced(d1);
    await d1.must('session.signOut', {});
    await d1.must('session.signIn', { officerNumber: 'OFF-32', password: 'officer-pass-77' });
    expect((await hubImport(officer('OFF-32', false, '2026-11-28T08:20:00.000Z'))).stored).toBe(1);
    // An older change sent late by a desk does not undo the deactivation.
    expect((await hubImport(officer('OFF-32', true, '2026-11-28T08:15:00.000Z'))).superseded).toBe(1);
    await d1.must('sync.now', {});
    expect(await d1.call('sync.status', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await d1.call('session.signIn', { officerNumber: 'OFF-32', password: 'officer-pass-77' })).toMatchObject({ ok: false, error: { code: 'account_inactive' } });
  });

  it('resumes a paged pull cut by an outage: every item once, none lost', async () => {
    let armed = false;
    let pages = 0;
    // The answer to the third page never comes (the link drops), after two pages were applied.
    const proxy = await shared.proxy({ holdAnswer: (line) => armed && line.startsWith('POST /v1/reference/pull ') && ++pages === 3 });
    const desk = track(await enrolledDesk(shared.hub, 'PLM', 'R05', proxy.url, { syncTiming: { ...MANUAL_SYNC.syncTiming, pullPage: 5, requestTimeoutMs: 2_000 } }));
    await synced(desk);
    const items = Array.from({ length: 23 }, (_, i) => officer(`PAGE-${String(i).padStart(2, '0')}`, true, '2026-11-28T07:00:00.000Z'));
    expect((await hubImport(...items)).stored).toBe(23);
    armed = true;
    const cut = await desk.must('sync.now', {});
    expect(cut).toMatchObject({ state: 'offline', problem: { code: 'unreachable' } });
    const partial = query<{ n: number }>(desk, "SELECT count(*) AS n FROM officers WHERE officer_number LIKE 'PAGE-%'")[0]!.n;
    expect(partial).toBe(10);
    await synced(desk);
    const received = audited(desk, 'officer.received').map((d) => d.officerNumber as string).filter((n) => n.startsWith('PAGE-'));
    expect(received.sort()).toEqual(items.map((item) => (item as { officerNumber: string }).officerNumber));
  });

  it('refuses a version it holds with other content, and keeps the one it has', async () => {
    const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'R07'));
    const list = (note: string) => ({ version: 'w-clash', entries: [{ kind: 'name', value: 'AGEN MAKMUR', note, source: 'BP3MI' }] });
    await d1.must('reference.import', { kind: 'watch_list', content: JSON.stringify(list('Penyalur ilegal')) });
    await synced(d1);
    // The same version with other content, from the hub admin.
    expect((await hubImport({ kind: 'watch_list', version: 'w-clash', content: list('Diubah'), importedAt: '2026-11-28T10:00:00.000Z', importedBy: 'HUB-ADMIN' })).stored).toBe(1);
    expect(await d1.must('sync.now', {})).toMatchObject({ problem: { code: 'reference_refused' } });
    expect(query(d1, 'SELECT note FROM watch_list')).toEqual([{ note: 'Penyalur ilegal' }]);
    const refused = (await d1.must('audit.diagnostics', {})).reference.refused;
    expect(refused).toEqual([
      expect.objectContaining({ kind: 'watch_list', key: 'w-clash', problemCode: 'version_clash', problem: expect.stringMatching(/already known to this desk with other content/) }),
    ]);
    // A desk that never held it takes the first (the hub's order) and refuses the second the same way.
    const d2 = track(await enrolledDesk(shared.hub, 'PLM', 'R08'));
    await d2.must('sync.now', {});
    expect(query(d2, "SELECT note FROM watch_list WHERE value = 'AGEN MAKMUR'")).toEqual([{ note: 'Penyalur ilegal' }]);
  });
  // Last: every desk enrolled after it meets the broken row too.
  it('refuses a bad item from the hub with its problem, applies the rest, and says so', async () => {
    const desk = track(await enrolledDesk(shared.hub, 'PLM', 'R06'));
    // The hub's history already holds the clash of the test before, refused here too.
    await desk.must('sync.now', {});
    // A row the hub's own checks would refuse (a hub of other rules, or a database edited by hand), between good ones.
    await hubImport(officer('GOOD-1', true, '2026-11-28T07:00:00.000Z'));
    const broken = { kind: 'checklist', version: '2099.1', content: { version: '2099.1', questions: 'none' }, importedAt: '2026-11-28T07:00:00.000Z', importedBy: 'HUB-ADMIN' };
    await shared.hub.hub.database.pool.query("INSERT INTO reference_items (kind, item_key, item, content_hash, from_device_id) VALUES ('checklist', '2099.1', $1, 'x', NULL)", [JSON.stringify(broken)]);
    // A kind this desk does not know (a newer hub's), which it cannot even read as an item.
    const unknownKind = { kind: 'airport_list', version: '1', content: [], importedAt: '2026-11-28T07:00:00.000Z', importedBy: 'HUB-ADMIN' };
    await shared.hub.hub.database.pool.query("INSERT INTO reference_items (kind, item_key, item, content_hash, from_device_id) VALUES ('airport_list', '1', $1, 'y', NULL)", [JSON.stringify(unknownKind)]);
    await hubImport(officer('GOOD-2', true, '2026-11-28T07:00:00.000Z'));

    const state = await desk.must('sync.now', {});
    expect(state).toMatchObject({ state: 'error', problem: { code: 'reference_refused' } });
    expect(query(desk, "SELECT officer_number FROM officers WHERE officer_number LIKE 'GOOD-%' ORDER BY 1")).toEqual([{ officer_number: 'GOOD-1' }, { officer_number: 'GOOD-2' }]);
    const refused = (await desk.must('audit.diagnostics', {})).reference.refused.filter((r) => r.key !== 'w-clash');
    expect(refused).toEqual([
      expect.objectContaining({ direction: 'received', kind: 'airport_list', key: '1', problemCode: 'unreadable', problem: expect.stringMatching(/^item\.kind: /) }),
      expect.objectContaining({ direction: 'received', kind: 'checklist', key: '2099.1', problemCode: 'breaks_rules', params: { count: expect.any(Number) }, problem: expect.stringMatching(/questions/) }),
    ]);
    expect((await desk.must('reference.current', {})).versions.checklist).not.toBe('2099.1');
    // The next sync has nothing new: the refused items are not tried again, and the notice stays until an admin has seen them.
    expect(await desk.must('sync.now', {})).toMatchObject({ state: 'error', problem: { code: 'reference_refused' } });
    expect(await desk.must('sync.refusalsSeen', {})).toMatchObject({ state: 'idle', problem: null });
    expect(await synced(desk)).toMatchObject({ problem: null });
  });
});
