// Officer accounts changed by the hub admin (#14), between real desks and a real hub on a throwaway PostgreSQL cluster,
// and on the embedded hub through its admin socket: a change reaches every desk like a desk's own; the hub refuses to
// take away the last active administrator it knows of; a desk handed such a change anyway keeps its last admin active,
// refuses the item, and its header says so until the cause is gone or an admin has marked it seen.
import { describe, expect, it } from 'vitest';
import { adminCommands, adminSocketClient } from '../../../server/admin-socket';
import type { ReferenceItem } from '../../../shared/contract/sync';
import { startTestHub } from '../../support/hub-harness';
import { openTestDesk, type TestDesk } from '../core-harness';
import { enroll, enrolledDesk, hubForThisFile, MANUAL_SYNC, query, synced } from './sync-harness';

const shared = hubForThisFile();
const { track } = shared;

function audited(desk: TestDesk, action: string) {
  return query<{ actor: string | null; detail: string }>(desk, 'SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY seq', action).map((row) => ({
    by: row.actor,
    ...(JSON.parse(row.detail) as Record<string, unknown>),
  }));
}

/** The desk's admin account as the hub carries it, changed: what another desk's push (or an older hub) could serve. */
function adminAccount(desk: TestDesk, change: { active: boolean; role: 'admin' | 'officer'; changedAt: string }): ReferenceItem {
  const row = query<{ name: string; agency: 'BP3MI'; password_hash: string }>(desk, 'SELECT name, agency, password_hash FROM officers WHERE officer_number = ?', desk.admin.officerNumber)[0]!;
  return { kind: 'officer', officerNumber: desk.admin.officerNumber, name: row.name, agency: row.agency, passwordHash: row.password_hash, ...change };
}

describe('officer accounts changed at the hub', () => {
  it("brings the hub admin's change of role, agency and deactivation to every desk, logged with who made it", async () => {
    const d1 = track(await enrolledDesk(shared.hub, 'PLM', 'O01'));
    const d2 = track(await enrolledDesk(shared.hub, 'PLM', 'O02'));
    await d1.must('officers.create', { name: 'Dewi Lestari', officerNumber: 'OFF-41', agency: 'BP3MI', role: 'officer', password: 'officer-pass-41' });
    await synced(d1);
    await synced(d2);
    const admin = adminCommands(shared.hub.hub.services);
    expect((await admin.officers()).find((o) => o.officerNumber === 'OFF-41')).toMatchObject({ role: 'officer', agency: 'BP3MI', active: true });
    expect(JSON.stringify(await admin.officers())).not.toContain('scrypt');

    const promoted = await admin.changeOfficer('it-palembang', 'off-41', { role: 'supervisor', agency: 'IMIGRASI' });
    expect(promoted).toMatchObject({ changed: true, officer: { officerNumber: 'OFF-41', role: 'supervisor', agency: 'IMIGRASI', active: true } });
    // The same change again stores nothing and sends nothing.
    expect(await admin.changeOfficer('it-palembang', 'OFF-41', { role: 'supervisor' })).toMatchObject({ changed: false });
    await synced(d2);
    expect((await d2.must('officers.list', {})).find((o) => o.officerNumber === 'OFF-41')).toMatchObject({ role: 'supervisor', agency: 'IMIGRASI', active: true });

    // Signed in at desk 2, the officer is signed out by the hub's deactivation at that desk's next sync.
    await d2.must('session.signIn', { officerNumber: 'OFF-41', password: 'officer-pass-41' });
    await admin.changeOfficer('it-palembang', 'OFF-41', { active: false });
    await d2.must('sync.now', {});
    expect(await d2.must('session.status', {})).toBeNull();
    expect(await d2.call('session.signIn', { officerNumber: 'OFF-41', password: 'officer-pass-41' })).toMatchObject({ ok: false, error: { code: 'account_inactive' } });
    await synced(d1);
    expect((await d1.must('officers.list', {})).find((o) => o.officerNumber === 'OFF-41')).toMatchObject({ active: false });

    await expect(admin.changeOfficer('it-palembang', 'OFF-404', { active: false })).rejects.toThrow(/holds no account with officer number OFF-404/);
    const log = await shared.hub.hub.services.adminLog.recent();
    expect(log.filter((e) => e.action === 'officer.changed').map((e) => [e.actor, e.detail.to])).toEqual([
      ['it-palembang', { active: false, role: 'supervisor', agency: 'IMIGRASI' }],
      ['it-palembang', { active: true, role: 'supervisor', agency: 'IMIGRASI' }],
    ]);
  });

  it('refuses at the hub to deactivate or demote the last active administrator it knows of', async () => {
    const admin = adminCommands(shared.hub.hub.services);
    // Each desk has its own first admin (ADM-O01, ADM-O02 from the test before). Take all but one away at the hub.
    const activeAdmins = async () => (await admin.officers()).filter((o) => o.role === 'admin' && o.active).map((o) => o.officerNumber);
    expect(await activeAdmins()).toEqual(['ADM-O01', 'ADM-O02']);
    await admin.changeOfficer('it-palembang', 'ADM-O02', { active: false });
    expect(await activeAdmins()).toEqual(['ADM-O01']);
    await expect(admin.changeOfficer('it-palembang', 'ADM-O01', { active: false })).rejects.toThrow(/last active administrator the hub knows of/);
    await expect(admin.changeOfficer('it-palembang', 'ADM-O01', { role: 'supervisor' })).rejects.toThrow(/last active administrator/);
    const served = await shared.hub.hub.services.reference.pull({ cursor: null });
    expect(served.items.filter((r) => r.item.kind === 'officer' && r.item.officerNumber === 'ADM-O01' && !r.item.active)).toEqual([]);

    // With a second administrator (desk 3's own, once it has synced), the first can go.
    const d3 = track(await enrolledDesk(shared.hub, 'PLM', 'O03'));
    await synced(d3);
    expect(await activeAdmins()).toEqual(['ADM-O01', 'ADM-O03']);
    // Two at once cannot take both away: one waits for the other and then finds itself the last.
    const both = await Promise.allSettled([
      admin.changeOfficer('it-a', 'ADM-O01', { active: false }),
      admin.changeOfficer('it-b', 'ADM-O03', { active: false }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await activeAdmins()).toHaveLength(1);
    // Put back as it was for the next test: all active.
    for (const number of ['ADM-O01', 'ADM-O02', 'ADM-O03']) await admin.changeOfficer('it-palembang', number, { active: true });
  });

  it('changes an account on the embedded hub through its admin socket', async () => {
    const embedded = await startTestHub('pglite');
    try {
      const d = track(await enrolledDesk(embedded, 'CGK', 'E01'));
      await d.must('officers.create', { name: 'Sari Wulandari', officerNumber: 'OFF-51', agency: 'BP3MI', role: 'officer', password: 'officer-pass-51' });
      await synced(d);
      const socket = await adminSocketClient(embedded.dataDir);
      expect(socket).not.toBeNull();
      expect(await socket!.changeOfficer('it-cgk', 'OFF-51', { active: false })).toMatchObject({ changed: true, officer: { active: false } });
      await expect(socket!.changeOfficer('it-cgk', d.admin.officerNumber, { active: false })).rejects.toThrow(/last active administrator/);
      await synced(d);
      expect((await d.must('officers.list', {})).find((o) => o.officerNumber === 'OFF-51')).toMatchObject({ active: false });
      expect((await embedded.hub.services.adminLog.recent()).map((e) => [e.actor, e.action])).toEqual([['it-cgk', 'officer.changed']]);
    } finally {
      await embedded.stop();
    }
  });

  it('keeps a desk\'s last active admin when the hub deactivates them anyway, and says so until an admin has seen it', async () => {
    const desk = track(await enrolledDesk(shared.hub, 'PLM', 'O04'));
    await synced(desk);
    const ADMIN = desk.admin;
    // The other desks' admins (active at the hub after the test before) reached this desk too. Take them away here
    // first, so that this desk's own admin is its last (the desk's own change, which its guard allows).
    desk.clock.advanceMinutes(1);
    for (const other of (await desk.must('officers.list', {})).filter((o) => o.role === 'admin' && o.active && o.officerNumber !== ADMIN.officerNumber)) {
      await desk.must('officers.setActive', { officerId: other.id, active: false });
    }
    // A deactivation of ADM-001 the hub's command would refuse, as another desk's push could still bring it.
    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    await shared.hub.hub.services.reference.push(null, [adminAccount(desk, { active: false, role: 'admin', changedAt: later(1) })]);

    const state = await desk.must('sync.now', {});
    expect(state).toMatchObject({ state: 'error', problem: { code: 'reference_refused' } });
    expect((await desk.must('officers.list', {})).find((o) => o.officerNumber === ADMIN.officerNumber)).toMatchObject({ active: true, role: 'admin' });
    expect(await desk.must('session.status', {})).toMatchObject({ officer: { officerNumber: ADMIN.officerNumber } });
    const refused = (await desk.must('audit.diagnostics', {})).reference.refused;
    expect(refused).toEqual([
      expect.objectContaining({
        direction: 'received',
        kind: 'officer',
        key: ADMIN.officerNumber,
        state: 'open',
        problemCode: 'last_admin',
        params: { officer: ADMIN.officerNumber },
        problem: expect.stringMatching(/last active administrator: kept active here/),
      }),
    ]);
    // The next sync brings nothing new, and the notice stays: nobody has seen it yet.
    expect(await desk.must('sync.now', {})).toMatchObject({ state: 'error', problem: { code: 'reference_refused' } });

    // An admin marks it seen: the notice goes at once, and for good.
    expect(await desk.must('sync.refusalsSeen', {})).toMatchObject({ state: 'idle', problem: null });
    expect((await desk.must('audit.diagnostics', {})).reference.refused[0]).toMatchObject({ state: 'seen', seenBy: ADMIN.officerNumber, seenAt: expect.any(String) });
    expect(audited(desk, 'reference.refused_seen')).toEqual([{ by: ADMIN.officerNumber, items: 1 }]);
    await synced(desk);

    // A demotion is refused the same way; a later revision that keeps the admin (the hub's correction) overtakes it.
    await shared.hub.hub.services.reference.push(null, [adminAccount(desk, { active: true, role: 'officer', changedAt: later(2) })]);
    expect(await desk.must('sync.now', {})).toMatchObject({ problem: { code: 'reference_refused' } });
    await shared.hub.hub.services.reference.push(null, [adminAccount(desk, { active: true, role: 'admin', changedAt: later(3) })]);
    expect(await synced(desk)).toMatchObject({ problem: null });
    expect((await desk.must('audit.diagnostics', {})).reference.refused.map((r) => r.state)).toEqual(['overtaken', 'seen']);
  });

  // After the tests above: the other desks' admins reach this desk, which takes them away here.
  it("keeps the hub's word on an account a desk keeps as its last admin: a newer change of that account at the desk does not undo it anywhere", async () => {
    const keeper = { name: 'Wati Admin', officerNumber: 'ADM-K01', agency: 'BP3MI', password: 'admin-password-k1' } as const;
    const desk = track(await openTestDesk(MANUAL_SYNC));
    // Minutes apart (within the idle lock): each change of the keeper here and at the hub is later than the one before.
    desk.clock.now = new Date('2026-12-01T08:00:00.000Z');
    await desk.must('setup.createFirstAdmin', { ...keeper, airportCode: 'PLM', deskCode: 'O05' });
    await desk.must('session.signIn', { officerNumber: keeper.officerNumber, password: keeper.password });
    await enroll(desk, shared.hub, 'PLM', 'O05');
    await synced(desk);
    // Make the keeper this desk's last active admin (the desk's own changes, which its guard allows).
    desk.clock.advanceMinutes(1);
    for (const other of (await desk.must('officers.list', {})).filter((o) => o.role === 'admin' && o.active && o.officerNumber !== keeper.officerNumber)) {
      await desk.must('officers.setActive', { officerId: other.id, active: false });
    }
    await synced(desk);
    const keeperId = (await desk.must('officers.list', {})).find((o) => o.officerNumber === keeper.officerNumber)!.id;
    const atHub = async () => (await adminCommands(shared.hub.hub.services).officers()).find((o) => o.officerNumber === keeper.officerNumber);
    const account = (change: { active: boolean; role: 'admin' | 'officer'; changedAt: string }): ReferenceItem => {
      const row = query<{ name: string; password_hash: string }>(desk, 'SELECT name, password_hash FROM officers WHERE officer_number = ?', keeper.officerNumber)[0]!;
      return { kind: 'officer', officerNumber: keeper.officerNumber, name: row.name, agency: keeper.agency, passwordHash: row.password_hash, ...change };
    };

    for (const [word, at, later] of [
      [{ active: false, role: 'admin' }, '2026-12-01T08:02:00.000Z', '2026-12-01T08:03:00.000Z'],
      [{ active: true, role: 'officer' }, '2026-12-01T08:04:00.000Z', '2026-12-01T08:05:00.000Z'],
    ] as const) {
      // The hub's word (as another desk's push can bring it): this desk refuses it and keeps its last admin.
      await shared.hub.hub.services.reference.push(null, [account({ ...word, changedAt: at })]);
      expect(await desk.must('sync.now', {})).toMatchObject({ problem: { code: 'reference_refused' } });
      expect((await desk.must('officers.list', {})).find((o) => o.id === keeperId)).toMatchObject({ active: true, role: 'admin' });

      // A newer change of the whole account here (a new password; activating it again) goes to the hub with the
      // hub's word on whether it is active and its role, not with what this desk kept.
      desk.clock.now = new Date(later);
      await desk.must('officers.resetPassword', { officerId: keeperId, password: `another-password-${word.role}` });
      await desk.must('officers.setActive', { officerId: keeperId, active: true });
      await desk.must('sync.now', {});
      expect(await atHub()).toMatchObject({ ...word, changedAt: later });
      // Still kept here, where it is the last admin; the password is the new one everywhere.
      expect((await desk.must('officers.list', {})).find((o) => o.id === keeperId)).toMatchObject({ active: true, role: 'admin' });
      expect(await desk.must('session.status', {})).toMatchObject({ officer: { officerNumber: keeper.officerNumber } });
    }

    // Another desk follows the hub: the keeper is an officer there, not an admin.
    const other = track(await enrolledDesk(shared.hub, 'PLM', 'O06'));
    await synced(other);
    expect(query(other, 'SELECT active, role FROM officers WHERE officer_number = ?', keeper.officerNumber)).toEqual([{ active: 1, role: 'officer' }]);
    // The hub's correction (an active admin again) is taken here as any change: nothing kept any more.
    await shared.hub.hub.services.reference.push(null, [account({ active: true, role: 'admin', changedAt: '2026-12-01T08:06:00.000Z' })]);
    await desk.must('sync.now', {});
    desk.clock.now = new Date('2026-12-01T08:07:00.000Z');
    await desk.must('officers.resetPassword', { officerId: keeperId, password: 'a-third-password-k1' });
    await desk.must('sync.now', {});
    expect(await atHub()).toMatchObject({ active: true, role: 'admin', changedAt: '2026-12-01T08:07:00.000Z' });
  });

  /** A desk whose own admin is its last active one, kept active against the hub's word (deactivate or demote). */
  async function keptAgainstHub(deskCode: string, word: { active: boolean; role: 'admin' | 'officer' }) {
    const desk = track(await enrolledDesk(shared.hub, 'PLM', deskCode));
    await synced(desk);
    desk.clock.advanceMinutes(1);
    for (const other of (await desk.must('officers.list', {})).filter((o) => o.role === 'admin' && o.active && o.officerNumber !== desk.admin.officerNumber)) {
      await desk.must('officers.setActive', { officerId: other.id, active: false });
    }
    await synced(desk);
    const later = new Date(Date.now() + 60 * 60_000).toISOString();
    await shared.hub.hub.services.reference.push(null, [adminAccount(desk, { ...word, changedAt: later })]);
    expect(await desk.must('sync.now', {})).toMatchObject({ problem: { code: 'reference_refused' } });
    const keeper = (await desk.must('officers.list', {})).find((o) => o.officerNumber === desk.admin.officerNumber)!;
    expect(keeper).toMatchObject({ active: true, role: 'admin' });
    expect(audited(desk, 'officer.hub_word_applied')).toEqual([]);
    return { desk, keeper };
  }

  it("applies the refused deactivation of a desk's last admin once the desk makes another admin: the hub's word wins then", async () => {
    const { desk, keeper } = await keptAgainstHub('O07', { active: false, role: 'admin' });
    // An officer (no admin) changes nothing: the keeper is still the desk's last active admin.
    await desk.must('officers.create', { name: 'Budi Petugas', officerNumber: 'OFF-71', agency: 'BP3MI', role: 'officer', password: 'officer-pass-71' });
    expect((await desk.must('officers.list', {})).find((o) => o.id === keeper.id)).toMatchObject({ active: true });

    // The keeper makes a second admin: in that change the hub's deactivation is applied, and their own session ends.
    const second = { name: 'Sari Admin', officerNumber: 'ADM-N07', agency: 'BP3MI', role: 'admin', password: 'admin-password-n7' } as const;
    await desk.must('officers.create', second);
    expect(await desk.must('session.status', {})).toBeNull();
    expect(audited(desk, 'officer.hub_word_applied')).toEqual([{ by: null, officerNumber: keeper.officerNumber, role: 'admin', active: false }]);
    expect(audited(desk, 'session.ended').at(-1)).toMatchObject({ by: keeper.officerNumber, reason: 'deactivated_elsewhere' });
    expect(await desk.call('session.signIn', { officerNumber: desk.admin.officerNumber, password: desk.admin.password })).toMatchObject({
      ok: false,
      error: { code: 'account_inactive' },
    });

    // Nothing is kept aside any more; the refusal is settled, so the header's notice goes; the hub's word stands.
    await desk.must('session.signIn', { officerNumber: second.officerNumber, password: second.password });
    expect(query(desk, 'SELECT active, role, hub_active, hub_role FROM officers WHERE officer_number = ?', keeper.officerNumber)).toEqual([
      { active: 0, role: 'admin', hub_active: null, hub_role: null },
    ]);
    expect((await desk.must('audit.diagnostics', {})).reference.refused.map((r) => [r.key, r.state])).toEqual([[keeper.officerNumber, 'overtaken']]);
    expect(await synced(desk)).toMatchObject({ problem: null });
    expect((await adminCommands(shared.hub.hub.services).officers()).find((o) => o.officerNumber === keeper.officerNumber)).toMatchObject({ active: false });
    expect((await adminCommands(shared.hub.hub.services).officers()).find((o) => o.officerNumber === second.officerNumber)).toMatchObject({ active: true, role: 'admin' });
  });

  it("applies a refused demotion once another admin arrives from the hub, and keeps the last admin while none has", async () => {
    const { desk, keeper } = await keptAgainstHub('O08', { active: true, role: 'officer' });
    // An admin from the hub that is not active changes nothing.
    const hash = query<{ password_hash: string }>(desk, 'SELECT password_hash FROM officers WHERE officer_number = ?', keeper.officerNumber)[0]!.password_hash;
    const account = (officerNumber: string, active: boolean, minutes: number): ReferenceItem => ({
      kind: 'officer',
      officerNumber,
      name: 'Hub Admin',
      agency: 'BP3MI',
      role: 'admin',
      passwordHash: hash,
      active,
      changedAt: new Date(Date.now() + minutes * 60_000).toISOString(),
    });
    await shared.hub.hub.services.reference.push(null, [account('ADM-H08', false, 61)]);
    await desk.must('sync.now', {});
    expect((await desk.must('officers.list', {})).find((o) => o.id === keeper.id)).toMatchObject({ active: true, role: 'admin' });
    expect(audited(desk, 'officer.hub_word_applied')).toEqual([]);

    // Active at the hub: taken here, and in the same page the keeper follows the hub (an officer now, still signed in).
    await shared.hub.hub.services.reference.push(null, [account('ADM-H08', true, 62)]);
    await desk.must('sync.now', {});
    expect(query(desk, 'SELECT active, role, hub_active, hub_role FROM officers WHERE officer_number = ?', keeper.officerNumber)).toEqual([
      { active: 1, role: 'officer', hub_active: null, hub_role: null },
    ]);
    expect(query(desk, 'SELECT active, role FROM officers WHERE officer_number = ?', 'ADM-H08')).toEqual([{ active: 1, role: 'admin' }]);
    expect(audited(desk, 'officer.hub_word_applied')).toEqual([{ by: null, officerNumber: keeper.officerNumber, role: 'officer', active: true }]);
    expect(query(desk, "SELECT resolved_at IS NOT NULL AS settled FROM reference_refused WHERE item_key = ?", keeper.officerNumber)).toEqual([{ settled: 1 }]);
    expect(await desk.must('session.status', {})).toMatchObject({ officer: { officerNumber: keeper.officerNumber, role: 'officer' } });
    // No longer an admin: an admin's procedure is refused at the contract.
    expect(await desk.call('officers.create', { name: 'X', officerNumber: 'OFF-81', agency: 'BP3MI', role: 'officer', password: 'officer-pass-81' })).toMatchObject({ ok: false });
  });
});
