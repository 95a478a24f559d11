// The review procedures over the browser host's real HTTP (issue 17): an officer signed in at the desk is refused
// review.queue, review.signOff, review.exportCsv, review.csvSaved, review.report and review.exportReportPdf by the core even when calling /rpc straight, with the page's own secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeskWithAdmin, type TestDesk } from './core-harness';
import { startTestHost, type TestHost } from './host-harness';

let desk: TestDesk;
let testHost: TestHost;
const rpc = (name: string, input: unknown) => testHost.rpc(name, input);

beforeAll(async () => {
  desk = await openDeskWithAdmin();
  testHost = await startTestHost(desk.core);
});
afterAll(async () => {
  await testHost.close();
  desk.close();
});

const REPORT = { period: 'month', day: '2026-11-28' };
const DAY = { from: '2026-11-28T00:00:00+07:00', to: '2026-11-29T00:00:00+07:00' };

describe('review over the browser host', () => {
  it('answers an admin and refuses an officer, whatever the officer sends', async () => {
    expect(await rpc('review.queue', DAY)).toMatchObject({ ok: true, value: { counts: { holds: 0 } } });
    expect(await rpc('review.report', REPORT)).toMatchObject({ ok: true, value: { totals: { holds: { current: 0 } } } });
    const officer = { name: 'Budi Petugas', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'officer-pass-01' } as const;
    await desk.must('officers.create', officer);
    await desk.must('session.signIn', { officerNumber: officer.officerNumber, password: officer.password });
    expect(await rpc('review.queue', DAY)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rpc('review.signOff', { caseId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rpc('review.exportCsv', { ...DAY, fullDocumentNumbers: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rpc('review.csvSaved', { exportId: '00000000-0000-4000-8000-000000000000', savedAs: 'x.csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rpc('review.report', REPORT)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rpc('review.exportReportPdf', REPORT)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rpc('review.reportPdfSaved', { exportId: '00000000-0000-4000-8000-000000000000', savedAs: 'x.pdf' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Claiming a role in the input changes nothing: the schema has no such field.
    expect(await rpc('review.queue', { ...DAY, role: 'supervisor' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
