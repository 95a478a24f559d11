// The hub as an operator runs it: the admin command line on PostgreSQL (desks, a reference file and officer accounts
// for every desk, each change in the admin log), TLS with a certificate and key, plain
// HTTP refused beyond loopback, and a hub process killed with SIGKILL and started again losing nothing.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, PullResponse, PushResponse } from '../../../shared/contract/sync';
import { openHubDatabase, startHub } from '../../../server/hub';
import { createLogger } from '../../../server/logger';
import { hubCall, testEvent } from '../../support/hub-harness';
import { startHubProcess } from '../../support/hub-process';
import { freePort, startPgCluster, type PgCluster } from '../../support/pg-cluster';

const run = promisify(execFile);
/** These tests start several Node processes, each compiling the hub with tsx: slow on a shared, loaded machine. */
const PROCESS_TIMEOUT = 300_000;
const ROOT = join(import.meta.dirname, '..', '..', '..');

let cluster: PgCluster;
let dir: string;
beforeAll(async () => {
  cluster = await startPgCluster();
  dir = mkdtempSync(join(tmpdir(), 'meja-hub-ops-'));
}, 120_000);
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function cli(databaseUrl: string, ...args: string[]) {
  return run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'server', 'main.ts'), ...args, `--data-dir=${dir}`], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  }).then(
    (out) => ({ code: 0, out: out.stdout + out.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
  );
}

describe('the hub as an operator runs it', () => {
  it('enrolls, refuses a desk code twice at one airport, revokes and lists desks from the command line', async () => {
    const databaseUrl = cluster.createDatabase('ops_cli');
    const made = await cli(databaseUrl, 'enroll', '--airport=plm', '--desk=d01', '--name=Meja 1');
    expect(made.code).toBe(0);
    const code = /code for PLM-D01: ([A-Z0-9-]{14})/.exec(made.out)?.[1];
    expect(code).toBeDefined();
    const again = await cli(databaseUrl, 'enroll', '--airport=PLM', '--desk=D01');
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already in use at PLM/);
    const bad = await cli(databaseUrl, 'enroll', '--airport=PALEMBANG', '--desk=D01');
    expect(bad.code).toBe(2);
    // A desk's name takes a name's rule: no bidi override that makes it read otherwise than it is stored.
    const hostile = await cli(databaseUrl, 'enroll', '--airport=PLM', '--desk=D09', '--name=Meja \u202Egnp.exe');
    expect(hostile.code).toBe(1);
    expect(hostile.out).toMatch(/desk name .* is not allowed/);
    expect((await cli(databaseUrl, 'revoke', '--airport=PLM', '--desk=D01')).out).toMatch(/PLM-D01 is revoked/);
    const listed = await cli(databaseUrl, 'desks');
    expect(listed.out).toMatch(/PLM-D01\s+Meja 1\s+revoked\s+never/);
    // The code itself is never stored: only its hash.
    const hub = await startHub({ databaseUrl, dataDir: dir, host: '127.0.0.1', port: 0, logger: createLogger('silent') });
    try {
      const codes = await hub.database.pool.query<{ code_hash: string }>('SELECT code_hash FROM enrollment_codes');
      expect(codes.rows.map((r) => r.code_hash).join()).not.toContain(code!.replace(/-/g, ''));
    } finally {
      await hub.close();
    }
  }, PROCESS_TIMEOUT);

  it('imports a watch list from the command line for every desk, and refuses a bad file with its problems', async () => {
    const databaseUrl = cluster.createDatabase('ops_import');
    const good = join(dir, 'watch-list.json');
    writeFileSync(good, JSON.stringify({ version: 'w-cli-1', entries: [{ kind: 'document', value: 'C1234567', note: 'Perekrut', source: 'BP3MI' }] }));
    const imported = await cli(databaseUrl, 'import', '--kind=watch_list', `--file=${good}`);
    expect(imported).toMatchObject({ code: 0, out: expect.stringMatching(/Stored: every desk takes this watch_list at its next sync/) });
    const bad = join(dir, 'bad-list.json');
    writeFileSync(bad, JSON.stringify({ version: 'w-cli-2', entries: [{ kind: 'shoe size', value: '42' }] }));
    const refused = await cli(databaseUrl, 'import', '--kind=watch_list', `--file=${bad}`);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/breaks its rules; nothing was stored/);
    expect(refused.out).toMatch(/items\.0 \(watch_list w-cli-2\): /);
    expect((await cli(databaseUrl, 'import', '--kind=officer', `--file=${good}`)).code).toBe(2);
    const hub = await startHub({ databaseUrl, dataDir: dir, host: '127.0.0.1', port: 0, logger: createLogger('silent') });
    try {
      const served = await hub.services.reference.pull({ cursor: null });
      expect(served.items.map((r) => [r.item.kind, r.item.kind === 'officer' ? '' : r.item.version, r.fromDeviceId])).toEqual([['watch_list', 'w-cli-1', null]]);
    } finally {
      await hub.close();
    }
  }, PROCESS_TIMEOUT);

  it('lists and changes officer accounts for every desk from the command line, logged, and keeps the last active admin', async () => {
    const databaseUrl = cluster.createDatabase('ops_officer');
    const opened = await openHubDatabase({ databaseUrl, dataDir: dir });
    const account = (officerNumber: string, role: 'admin' | 'officer') =>
      ({ kind: 'officer', officerNumber, name: `Petugas ${officerNumber}`, agency: 'BP3MI', role, passwordHash: `scrypt$${'a'.repeat(40)}`, active: true, changedAt: '2026-11-28T08:00:00.000Z' }) as const;
    try {
      await opened.services.reference.push(randomUUID(), [account('ADM-1', 'admin'), account('OFF-7', 'officer')]);
    } finally {
      await opened.database.close();
    }
    const listed = await cli(databaseUrl, 'officers');
    expect(listed.out).toMatch(/ADM-1\s+Petugas ADM-1\s+BP3MI\s+admin\s+active/);
    expect(listed.out).not.toContain('scrypt');
    const changed = await cli(databaseUrl, 'officer', '--number=off-7', '--deactivate', '--role=supervisor', '--agency=imigrasi');
    expect(changed).toMatchObject({ code: 0, out: expect.stringMatching(/OFF-7 \(Petugas OFF-7\) is now deactivated, supervisor, IMIGRASI: every desk takes it at its next sync/) });
    const last = await cli(databaseUrl, 'officer', '--number=ADM-1', '--deactivate');
    expect(last).toMatchObject({ code: 1, out: expect.stringMatching(/ADM-1 is the last active administrator the hub knows of/) });
    expect((await cli(databaseUrl, 'officer', '--number=OFF-7', '--role=boss')).code).toBe(2);
    const hub = await startHub({ databaseUrl, dataDir: dir, host: '127.0.0.1', port: 0, logger: createLogger('silent') });
    try {
      const served = (await hub.services.reference.pull({ cursor: null })).items.map((r) => r.item);
      expect(served.at(-1)).toMatchObject({ officerNumber: 'OFF-7', active: false, role: 'supervisor', agency: 'IMIGRASI' });
      expect(served.filter((item) => item.kind === 'officer' && item.officerNumber === 'ADM-1')).toHaveLength(1);
      const log = await hub.services.adminLog.recent();
      expect(log.map((e) => [e.actor, e.action, e.detail.officerNumber])).toEqual([[userInfo().username, 'officer.changed', 'OFF-7']]);
      // The log is append-only.
      await expect(hub.database.pool.query('DELETE FROM admin_log')).rejects.toThrow(/append-only/);
    } finally {
      await hub.close();
    }
  }, PROCESS_TIMEOUT);

  it('refuses plain HTTP beyond loopback, and serves HTTPS with a certificate and key', async () => {
    const databaseUrl = cluster.createDatabase('ops_tls');
    await expect(startHub({ databaseUrl, dataDir: dir, host: '0.0.0.0', port: 0, logger: createLogger('silent') })).rejects.toThrow(/TLS certificate/);
    const certFile = join(dir, 'hub.crt');
    const keyFile = join(dir, 'hub.key');
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
    const hub = await startHub({ databaseUrl, dataDir: dir, host: '127.0.0.1', port: 0, tls: { certFile, keyFile }, logger: createLogger('silent') });
    try {
      expect(hub.url.startsWith('https://')).toBe(true);
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`${hub.url}/health`, { ca: readFileSync(certFile) }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toMatchObject({ ok: true, database: 'postgresql' });
    } finally {
      await hub.close();
    }
  });

  it('loses nothing when the hub process is killed with SIGKILL and started again', async () => {
    const databaseUrl = cluster.createDatabase('ops_kill');
    const port = await freePort();
    let hub = await startHubProcess({ databaseUrl, port, dataDir: dir });
    try {
      const enrolled: EnrollResponse[] = [];
      for (const deskCode of ['K1', 'K2']) {
        const code = /code for PLM-K\d: (\S+)/.exec((await cli(databaseUrl, 'enroll', '--airport=PLM', `--desk=${deskCode}`)).out)![1];
        enrolled.push((await hubCall<EnrollResponse>(hub.url, '/v1/enroll', { code, deviceId: randomUUID(), deskName: deskCode })).body);
      }
      const [k1, k2] = enrolled as [EnrollResponse, EnrollResponse];
      const events = Array.from({ length: 40 }, (_, i) => testEvent(k1.deviceId, i + 1));
      expect((await hubCall<PushResponse>(hub.url, '/v1/push', { events: events.slice(0, 20) }, k1.credential)).body.lastSeq).toBe(20);
      await hub.kill();
      await expect(fetch(`${hub.url}/health`)).rejects.toThrow();
      hub = await startHubProcess({ databaseUrl, port, dataDir: dir });
      // The desk did not hear the answer to its last push and sends it again with the rest.
      const resumed = await hubCall<PushResponse>(hub.url, '/v1/push', { events: events.slice(10, 40) }, k1.credential);
      expect(resumed.body).toEqual({ accepted: 20, duplicates: 10, lastSeq: 40 });
      const pulled = await hubCall<PullResponse>(hub.url, '/v1/pull', { cursor: null }, k2.credential);
      expect(pulled.body.events.map((e) => e.deviceSeq)).toEqual(events.map((e) => e.deviceSeq));
    } finally {
      await hub.stop();
    }
  }, PROCESS_TIMEOUT);
});
