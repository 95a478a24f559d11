// The desk's diagnostics (issue #16, finding 5 and the tamper check): supervisors and admins read the data folder
// and its modes, disk encryption, the tamper check's result and time, the audit head and the versions; an officer
// is refused by the core, at dispatch and over the browser host's HTTP with the page's own secret.
import { chmodSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, openDeskWithAdmin, type TestDesk } from './core-harness';
import { startTestHost, type TestHost } from './host-harness';

let desk: TestDesk | undefined;
let testHost: TestHost | undefined;
afterEach(async () => {
  await testHost?.close();
  testHost = undefined;
  desk?.close();
});

const OFFICER = { name: 'Budi Petugas', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'officer pass 0101' } as const;
const SUPERVISOR = { name: 'Sari Supervisor', officerNumber: 'SPV-1', agency: 'IMIGRASI', role: 'supervisor', password: 'supervisor pass 0101' } as const;

async function settled(d: TestDesk) {
  for (let i = 0; i < 600; i++) {
    const info = await d.must('audit.diagnostics', {});
    if (info.integrity.state !== 'pending') return info;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the integrity check never finished');
}

describe('desk diagnostics', () => {
  it('shows an admin the data folder, its modes, the check, the audit head and the versions', async () => {
    desk = await openDeskWithAdmin();
    const info = await settled(desk);
    expect(info.dataDir).toBe(desk.dataDir);
    expect(info.dataDirMode).toBe('700');
    expect(info.files).toEqual(expect.arrayContaining([{ name: 'desk.sqlite', mode: '600' }, { name: 'desk.sqlite.head', mode: '600' }]));
    expect(['encrypted', 'not_encrypted', 'unknown']).toContain(info.diskEncryption);
    expect(info.integrity).toMatchObject({ state: 'ok', problems: [] });
    expect(Date.parse(info.integrity.checkedAt!)).not.toBeNaN();
    const [newest] = await desk.must('audit.recent', { limit: 1 });
    expect(info.auditHead?.seq).toBeGreaterThanOrEqual(newest!.seq);
    expect(info.auditHead?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(info.versions).toMatchObject({ app: '0.1.0', node: process.versions.node, electron: null });
    expect(info.versions.schema).toBeGreaterThanOrEqual(6);
  });

  it('shows a file opened to other users as it is', async () => {
    desk = await openDeskWithAdmin();
    chmodSync(`${desk.core.databasePath}.head`, 0o644);
    const info = await desk.must('audit.diagnostics', {});
    expect(info.files).toContainEqual({ name: 'desk.sqlite.head', mode: '644' });
  });

  it('answers a supervisor and refuses an officer at dispatch', async () => {
    desk = await openDeskWithAdmin();
    await desk.must('officers.create', SUPERVISOR);
    await desk.must('officers.create', OFFICER);
    await desk.must('session.signIn', { officerNumber: SUPERVISOR.officerNumber, password: SUPERVISOR.password });
    expect((await desk.call('audit.diagnostics', {})).ok).toBe(true);
    await desk.must('session.signIn', { officerNumber: OFFICER.officerNumber, password: OFFICER.password });
    expect(await desk.call('audit.diagnostics', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses an officer over the browser host, with the page\'s own secret', async () => {
    desk = await openDeskWithAdmin();
    testHost = await startTestHost(desk.core);
    expect(await testHost.rpc('audit.diagnostics', {})).toMatchObject({ ok: true, value: { dataDirMode: '700' } });
    await desk.must('officers.create', OFFICER);
    await desk.must('session.signIn', { officerNumber: OFFICER.officerNumber, password: OFFICER.password });
    expect(await testHost.rpc('audit.diagnostics', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(await testHost.rpc('audit.diagnostics', {})).toMatchObject({ ok: true });
  });
});
