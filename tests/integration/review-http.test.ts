// The review procedures over the browser host's real HTTP (issue 17): an officer signed in at the desk is refused
// review.queue and review.signOff by the core even when calling /rpc straight, with the page's own secret.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER, startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { openDeskWithAdmin, type TestDesk } from './core-harness';

let desk: TestDesk;
let host: BrowserHost;
let rendererDir: string;

beforeAll(async () => {
  desk = await openDeskWithAdmin();
  rendererDir = mkdtempSync(join(tmpdir(), 'meja-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  host = await startBrowserHost({ core: desk.core, rendererDir });
});
afterAll(async () => {
  await host.close();
  desk.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

async function rpc(name: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/rpc/${name}`, {
    method: 'POST',
    headers: { origin: host.origin, 'content-type': 'application/json', [SECRET_HEADER]: host.secret },
    body: JSON.stringify(input),
  });
  return response.json();
}

const DAY = { from: '2026-11-28T00:00:00+07:00', to: '2026-11-29T00:00:00+07:00' };

describe('review over the browser host', () => {
  it('answers an admin and refuses an officer, whatever the officer sends', async () => {
    expect(await rpc('review.queue', DAY)).toMatchObject({ ok: true, value: { counts: { holds: 0 } } });
    const officer = { name: 'Budi Petugas', officerNumber: 'BP-1', agency: 'BP3MI', role: 'officer', password: 'officer-pass-01' } as const;
    await desk.must('officers.create', officer);
    await desk.must('session.signIn', { officerNumber: officer.officerNumber, password: officer.password });
    expect(await rpc('review.queue', DAY)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rpc('review.signOff', { caseId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rpc('review.exportCsv', { ...DAY, fullDocumentNumbers: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Claiming a role in the input changes nothing: the schema has no such field.
    expect(await rpc('review.queue', { ...DAY, role: 'supervisor' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
