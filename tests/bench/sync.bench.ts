// bench:sync: the hub's speed on a durable PostgreSQL cluster on this machine (fsync on), over real HTTP on
// loopback: push and pull rates (against the ceiling of a bare multi-row INSERT of the same rows), a desk with
// 100,000 pending events catching up, 50 desks pushing together for 30 s, and the history lookup over
// 10,000,000 events, and a real desk taking the hub's reference data (officer accounts, watch lists) into SQLite.
// Not a test: it prints figures. The 10M-event database is kept in test-output/bench/. MEJA_BENCH_ONLY=reference
// runs the reference part alone.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { EnrollResponse, HistoryResponse, PullResponse, PushResponse, ReferenceItem, SyncEvent } from '../../shared/contract/sync';
import { openCore } from '../../electron/core';
import { hashPassword } from '../../electron/core/officers/password';
import { createLogger } from '../../server/logger';
import { openHubDatabase, startHub } from '../../server/hub';
import { hubCall } from '../support/hub-harness';
import { startHubProcess } from '../support/hub-process';
import { freePort, startPgCluster } from '../support/pg-cluster';

const OUT = join('test-output', 'bench');
const HISTORY_EVENTS = Number(process.env.MEJA_BENCH_HISTORY_EVENTS ?? 10_000_000);
const CATCH_UP_EVENTS = 100_000;
const CONCURRENT_DESKS = 50;
const CONCURRENT_SECONDS = Number(process.env.MEJA_BENCH_SECONDS ?? 30);
const BATCH = 500;
const REFERENCE_OFFICERS = 2_000;
const REFERENCE_WATCH_LISTS = 20;
const WATCH_LIST_ENTRIES = 2_000;

interface Desk extends EnrollResponse {
  seq: number;
}

/** What the bench needs of a hub: its address and the admin's desk registry. */
interface BenchHub {
  url: string;
  createDesk(airport: string, deskCode: string): Promise<{ code: string }>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function event(desk: Desk, caseNo: number): SyncEvent {
  desk.seq++;
  return {
    id: randomUUID(),
    deviceId: desk.deviceId,
    deviceSeq: desk.seq,
    type: 'case.decided',
    caseId: `${desk.deskCode}-${caseNo}`,
    officerNumber: 'BP-0001',
    at: new Date().toISOString(),
    schemaVersion: 1,
    payload: { outcome: 'clear', reasons: [], legalGround: null, note: '', riskLevel: 'low', suggestedOutcome: 'clear', contactConsent: null },
  };
}

async function enroll(hub: BenchHub, airport: string, deskCode: string): Promise<Desk> {
  const { code } = await hub.createDesk(airport, deskCode);
  const answer = await hubCall<EnrollResponse>(hub.url, '/v1/enroll', { code, deviceId: randomUUID(), deskName: deskCode });
  return { ...answer.body, seq: 0 };
}

async function pushAll(hub: BenchHub, desk: Desk, count: number): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < count; done += BATCH) {
    const events = Array.from({ length: Math.min(BATCH, count - done) }, (_, i) => event(desk, done + i));
    const answer = await hubCall<PushResponse>(hub.url, '/v1/push', { events }, desk.credential);
    if (answer.status !== 200) throw new Error(`push refused: ${JSON.stringify(answer.body)}`);
  }
  return (performance.now() - started) / 1000;
}

async function pullAll(hub: BenchHub, desk: Desk): Promise<{ seconds: number; events: number }> {
  const started = performance.now();
  let cursor: string | null = null;
  let events = 0;
  for (;;) {
    const page: { status: number; body: PullResponse } = await hubCall<PullResponse>(hub.url, '/v1/pull', { cursor, limit: 1000 }, desk.credential);
    events += page.body.events.length;
    cursor = page.body.nextCursor;
    if (!page.body.more) break;
  }
  return { seconds: (performance.now() - started) / 1000, events };
}

/** The same rows as a push writes, by one multi-row INSERT per 500 straight into PostgreSQL: the ceiling. */
async function bareInsert(databaseUrl: string, desk: Desk, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const deskId = (await client.query<{ id: number }>('SELECT id FROM desks WHERE device_id = $1', [desk.deviceId])).rows[0]!.id;
  const started = performance.now();
  for (let done = 0; done < count; done += BATCH) {
    const events = Array.from({ length: Math.min(BATCH, count - done) }, (_, i) => event(desk, done + i));
    await client.query(
      `INSERT INTO events (id, device_id, device_seq, desk_id, type, case_id, officer_number, at, schema_version, payload, content_hash)
       SELECT id, device_id, device_seq, $4, type, case_id, officer_number, at, 1, payload, 'x'
       FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS t (id, device_id, device_seq, type, case_id, officer_number, at, payload)`,
      [events.map((e) => e.id), events.map((e) => e.deviceId), events.map((e) => e.deviceSeq), deskId, events.map((e) => e.type), events.map((e) => e.caseId), events.map((e) => e.officerNumber), events.map((e) => e.at), events.map((e) => JSON.stringify(e.payload))],
    );
  }
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

async function concurrentDesks(hub: BenchHub): Promise<{ requests: number; events: number; errors: number; p50: number; p99: number }> {
  const desks = await Promise.all(Array.from({ length: CONCURRENT_DESKS }, (_, i) => enroll(hub, 'SUB', `C${i}`)));
  const latencies: number[] = [];
  let errors = 0;
  let events = 0;
  const until = performance.now() + CONCURRENT_SECONDS * 1000;
  await Promise.all(
    desks.map(async (desk, i) => {
      let caseNo = 0;
      while (performance.now() < until) {
        // A desk's ordinary sync: a few new events, then a pull of what others recorded.
        const batch = Array.from({ length: 5 }, () => event(desk, caseNo++));
        const started = performance.now();
        try {
          const pushed = await hubCall(hub.url, '/v1/push', { events: batch }, desk.credential);
          if (pushed.status !== 200) errors++;
          else events += batch.length;
          latencies.push(performance.now() - started);
        } catch {
          errors++;
        }
        if (caseNo % 20 === i % 20) await hubCall(hub.url, '/v1/pull', { cursor: null, limit: 100 }, desk.credential).catch(() => errors++);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, events, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Fills a kept database with HISTORY_EVENTS events (half openings, half decisions) over 40 desks at 8 airports. */
async function historyDatabase(cluster: Awaited<ReturnType<typeof startPgCluster>>): Promise<string> {
  const name = `history_${HISTORY_EVENTS}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  await admin.end();
  const url = exists ? cluster.urlOf(name) : cluster.createDatabase(name);
  const hub = await startHub({ databaseUrl: url, dataDir: mkdtempSync(join(tmpdir(), 'meja-bench-')), host: '127.0.0.1', port: 0, logger: createLogger('silent') });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const have = Number((await client.query('SELECT count(*) FROM events')).rows[0].count);
  if (have < HISTORY_EVENTS) {
    console.log(`  generating ${fmt(HISTORY_EVENTS)} events in SQL (kept for later runs) …`);
    const started = performance.now();
    const airports = ['PLM', 'CGK', 'DPS', 'SUB', 'KNO', 'BTH', 'UPG', 'YIA'];
    for (const airport of airports) for (let d = 1; d <= 5; d++) await client.query('INSERT INTO desks (airport_code, desk_code, name, device_id, enrolled_at) VALUES ($1, $2, $2, gen_random_uuid(), now()) ON CONFLICT DO NOTHING', [airport, `H${d}`]);
    const desks = (await client.query<{ id: number }>("SELECT id FROM desks WHERE desk_code LIKE 'H%' ORDER BY id")).rows;
    const perDesk = Math.ceil(HISTORY_EVENTS / desks.length / 2);
    for (const [i, desk] of desks.entries()) {
      // Cases of this desk: one opening and one decision each; document numbers drawn from 3,000,000.
      await client.query(
        `WITH cases AS (
           SELECT d.id AS desk_id, d.device_id, d.airport_code, d.desk_code, g AS n,
                  'C' || lpad((floor(random() * 3000000))::int::text, 7, '0') AS doc,
                  timestamp '2026-01-01' + (random() * interval '330 days') AS opened
             FROM desks d, generate_series(1, $2::int) g WHERE d.id = $1),
         opened AS (
           INSERT INTO events (id, device_id, device_seq, desk_id, type, case_id, officer_number, at, schema_version, payload, content_hash)
           SELECT gen_random_uuid(), device_id, 2 * n - 1, desk_id, 'case.opened', desk_id || '-' || n, 'OFF-1', to_char(opened, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 1,
                  json_build_object('caseNumber', airport_code || '-' || desk_code || '-' || n, 'documentNumber', doc)::text, md5(n::text) FROM cases),
         decided AS (
           INSERT INTO events (id, device_id, device_seq, desk_id, type, case_id, officer_number, at, schema_version, payload, content_hash)
           SELECT gen_random_uuid(), device_id, 2 * n, desk_id, 'case.decided', desk_id || '-' || n, 'OFF-1', to_char(opened + interval '4 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 1,
                  '{"outcome":"clear"}', md5(n::text) FROM cases)
         INSERT INTO encounters (case_id, desk_id, airport_code, desk_code, case_number, document_number, issuing_state, opened_at, decision, decided_at)
         SELECT desk_id || '-' || n, desk_id, airport_code, desk_code, airport_code || '-' || desk_code || '-' || n, doc, 'IDN',
                to_char(opened, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'clear', to_char(opened + interval '4 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM cases`,
        [desk.id, perDesk],
      );
      await client.query('UPDATE desks SET last_seq = $2 WHERE id = $1', [desk.id, 2 * perDesk]);
      process.stdout.write(`\r  ${i + 1}/${desks.length} desks, ${fmt((performance.now() - started) / 1000)} s`);
    }
    await client.query('VACUUM ANALYZE events');
    await client.query('VACUUM ANALYZE encounters');
    console.log(`\n  generated in ${fmt((performance.now() - started) / 1000)} s`);
  }
  await client.end();
  await hub.close();
  return url;
}

async function historyLookups(url: string): Promise<{ events: number; lookups: number; p50: number; p95: number; found: number }> {
  const hub = await startHub({ databaseUrl: url, dataDir: mkdtempSync(join(tmpdir(), 'meja-bench-')), host: '127.0.0.1', port: 0, logger: createLogger('silent') });
  const events = Number((await hub.database.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const asking = await enroll({ url: hub.url, createDesk: (a, d) => hub.services.desks.createDesk(a, d, d) }, 'PLM', `Q${Date.now() % 1000}`);
  const latencies: number[] = [];
  let found = 0;
  for (let i = 0; i < 2000; i++) {
    const documentNumber = 'C' + String(Math.floor(Math.random() * 3_000_000)).padStart(7, '0');
    const started = performance.now();
    const answer = await hubCall<HistoryResponse>(hub.url, '/v1/history', { documentNumber }, asking.credential);
    latencies.push(performance.now() - started);
    found += answer.body.encounters.length;
  }
  await hub.close();
  latencies.sort((a, b) => a - b);
  return { events, lookups: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), found };
}

/**
 * A new desk enrolls with a hub holding REFERENCE_OFFICERS officer accounts and REFERENCE_WATCH_LISTS watch lists of
 * WATCH_LIST_ENTRIES entries, and takes them all in its first sync (pulled by pages of 500, each page applied in one
 * SQLite transaction with its cursor); then one new watch list arrives, as on an ordinary day.
 */
async function referenceData(url: string): Promise<Record<string, number>> {
  const admin = await openHubDatabase({ databaseUrl: url, dataDir: mkdtempSync(join(tmpdir(), 'meja-bench-')) });
  const hub = await startHub({ databaseUrl: url, dataDir: mkdtempSync(join(tmpdir(), 'meja-bench-')), host: '127.0.0.1', port: 0, logger: createLogger('silent') });
  const dataDir = mkdtempSync(join(tmpdir(), 'meja-bench-desk-'));
  const core = await openCore({ dataDir, syncTiming: { intervalMs: 3_600_000, backoffMs: 3_600_000, maxBackoffMs: 3_600_000, pullPage: 500 } });
  try {
    const passwordHash = await hashPassword('bench-officer-password');
    const officers: ReferenceItem[] = Array.from({ length: REFERENCE_OFFICERS }, (_, i) => ({
      kind: 'officer',
      officerNumber: `BR-${String(i).padStart(5, '0')}`,
      name: `Petugas ${i}`,
      agency: i % 2 ? 'BP3MI' : 'IMIGRASI',
      role: 'officer',
      passwordHash,
      active: i % 10 !== 0,
      changedAt: '2026-11-01T08:00:00.000Z',
    }));
    const watchList = (n: number): ReferenceItem => ({
      kind: 'watch_list',
      version: `bench-w${n}`,
      content: { version: `bench-w${n}`, entries: Array.from({ length: WATCH_LIST_ENTRIES }, (_, e) => ({ kind: 'name', value: `PERUSAHAAN ${n} ${e}`, note: 'bench', source: 'bench' })) },
      importedAt: '2026-11-01T08:00:00.000Z',
      importedBy: 'HUB-ADMIN',
    });
    const items = [...officers, ...Array.from({ length: REFERENCE_WATCH_LISTS }, (_, n) => watchList(n))];
    for (let i = 0; i < items.length; i += 100) await admin.services.reference.push(null, items.slice(i, i + 100));

    const must = async (name: string, input: unknown) => {
      const result = (await core.dispatch(name as never, input as never)) as { ok: boolean; error?: unknown };
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    };
    await must('setup.createFirstAdmin', { name: 'Bench Admin', officerNumber: 'ADM-BENCH', agency: 'BP3MI', password: 'bench-admin-password', airportCode: 'PLM', deskCode: 'RB1' });
    await must('session.signIn', { officerNumber: 'ADM-BENCH', password: 'bench-admin-password', airportCode: 'PLM', deskCode: 'RB1' });
    const { code } = await admin.services.desks.createDesk('PLM', 'RB1', 'Bench reference');
    const started = performance.now();
    await must('sync.enroll', { hubUrl: hub.url, code });
    // Enrolling starts the first sync; "sync now" runs right after it, so this waits for both.
    await must('sync.now', {});
    const firstSeconds = (performance.now() - started) / 1000;
    // A figure for work not done would mislead: the desk must hold every account and the last watch list.
    const listed = (await core.dispatch('officers.list', {})) as { ok: boolean; value?: unknown[] };
    const current = (await core.dispatch('reference.current', {})) as { ok: boolean; value?: { versions: { watchList: string } } };
    if ((listed.value?.length ?? 0) < REFERENCE_OFFICERS + 1 || current.value?.versions.watchList !== `bench-w${REFERENCE_WATCH_LISTS - 1}`) {
      throw new Error(`the first sync did not take everything: ${listed.value?.length} officers, watch list ${current.value?.versions.watchList}`);
    }
    await admin.services.reference.push(null, [watchList(REFERENCE_WATCH_LISTS)]);
    const next = performance.now();
    await must('sync.now', {});
    const nextSeconds = (performance.now() - next) / 1000;
    return { items: items.length, firstSyncSeconds: firstSeconds, itemsPerSecond: items.length / firstSeconds, oneWatchListSeconds: nextSeconds };
  } finally {
    core.close();
    await hub.close();
    await admin.database.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const cluster = await startPgCluster({ durable: true, keepIn: join(process.cwd(), OUT, 'hub-pg') });
  const results: Record<string, unknown> = {};
  try {
    console.log(`bench:sync on PostgreSQL (durable: fsync on), hub over HTTP on loopback, ${BATCH} events per push`);
    console.log(`machine: ${fmt(loadavg()[0]!, 1)} load average (1 min) at the start, on ${availableParallelism()} cores shared with other work`);
    const reference = await referenceData(cluster.createDatabase(`reference_${Date.now()}`));
    console.log(
      `reference data: a new desk takes ${fmt(reference.items!)} items (${fmt(REFERENCE_OFFICERS)} officer accounts, ${REFERENCE_WATCH_LISTS} watch lists of ${fmt(WATCH_LIST_ENTRIES)} entries) in its first sync: ${fmt(reference.firstSyncSeconds!, 1)} s, ${fmt(reference.itemsPerSecond!)} items/s; one new watch list the next sync: ${fmt(reference.oneWatchListSeconds! * 1000)} ms`,
    );
    results.reference = reference;
    if (process.env.MEJA_BENCH_ONLY === 'reference') return writeFileSync(join(OUT, 'sync-reference.json'), JSON.stringify(results, null, 2));
    const url = cluster.createDatabase(`rates_${Date.now()}`);
    // The hub in a process of its own, as deployed: the load below comes from this one.
    const admin = await openHubDatabase({ databaseUrl: url, dataDir: mkdtempSync(join(tmpdir(), 'meja-bench-')) });
    const process_ = await startHubProcess({ databaseUrl: url, port: await freePort(), dataDir: mkdtempSync(join(tmpdir(), 'meja-bench-')) });
    const hub: BenchHub = { url: process_.url, createDesk: (airport, deskCode) => admin.services.desks.createDesk(airport, deskCode, deskCode) };
    try {
      const [pusher, puller, raw] = [await enroll(hub, 'PLM', 'B01'), await enroll(hub, 'PLM', 'B02'), await enroll(hub, 'PLM', 'B03')];
      const pushSeconds = await pushAll(hub, pusher, 20_000);
      const rawSeconds = await bareInsert(url, raw, 20_000);
      const pushRate = 20_000 / pushSeconds;
      const rawRate = 20_000 / rawSeconds;
      console.log(`push: ${fmt(pushRate)} events/s (bare INSERT of the same rows: ${fmt(rawRate)} events/s; hub/bare = ${fmt(pushRate / rawRate, 2)})`);
      const pulled = await pullAll(hub, puller);
      console.log(`pull: ${fmt(pulled.events / pulled.seconds)} events/s (${fmt(pulled.events)} events in pages of 1,000)`);
      results.push = { eventsPerSecond: pushRate, bareInsertPerSecond: rawRate };
      results.pull = { eventsPerSecond: pulled.events / pulled.seconds };

      const late = await enroll(hub, 'PLM', 'B04');
      const catchUpPush = await pushAll(hub, late, CATCH_UP_EVENTS);
      const fresh = await enroll(hub, 'PLM', 'B05');
      const catchUpPull = await pullAll(hub, fresh);
      console.log(`catch-up: a desk with ${fmt(CATCH_UP_EVENTS)} pending events pushes them in ${fmt(catchUpPush, 1)} s; a new desk pulls all ${fmt(catchUpPull.events)} in ${fmt(catchUpPull.seconds, 1)} s`);
      results.catchUp = { pending: CATCH_UP_EVENTS, pushSeconds: catchUpPush, pullEvents: catchUpPull.events, pullSeconds: catchUpPull.seconds };

      const load = await concurrentDesks(hub);
      console.log(
        `${CONCURRENT_DESKS} desks pushing 5 events at a time for ${CONCURRENT_SECONDS} s: ${fmt(load.requests)} pushes, ${fmt(load.events / CONCURRENT_SECONDS)} events/s, p50 ${fmt(load.p50, 1)} ms, p99 ${fmt(load.p99, 1)} ms, ${load.errors} errors`,
      );
      results.concurrent = { desks: CONCURRENT_DESKS, seconds: CONCURRENT_SECONDS, ...load };
    } finally {
      await process_.stop();
      await admin.database.close();
    }
    const historyUrl = await historyDatabase(cluster);
    const history = await historyLookups(historyUrl);
    console.log(`history lookup over ${fmt(history.events)} events: p50 ${fmt(history.p50, 2)} ms, p95 ${fmt(history.p95, 2)} ms (${history.lookups} lookups, ${history.found} encounters found)`);
    results.history = history;
    writeFileSync(join(OUT, 'sync.json'), JSON.stringify(results, null, 2));
  } finally {
    cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
