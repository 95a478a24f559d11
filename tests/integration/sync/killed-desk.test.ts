// A desk killed in the middle of a sync (its core alone in a process, SIGKILLed as a power cut would) resumes on
// the next start without losing or repeating anything: killed after the hub committed a push it never heard
// about, and killed between the pages of a pull.
import { beforeAll, describe, expect, it } from 'vitest';
import { startDeskProcess } from '../../support/desk-process';
import type { TcpProxy } from '../../support/tcp-proxy';
import type { TestDesk } from '../core-harness';
import { deviceIdOf, enrolledDesk, hubForThisFile, openAgain, query, recordCases, synced } from './sync-harness';

const shared = hubForThisFile();
const proxies: TcpProxy[] = [];
/** The proxies hold an answer back only once the desk runs in its own process. */
let armed = false;
let pushes = 0;
let pulls = 0;
let a: TestDesk;
let b: TestDesk;
/** What desk A wrote: more than two push batches (500 each), more than two pull pages (200 each). */
const EVENTS = 1_100;

beforeAll(async () => {
  // Desk A's link holds back the answer to its second push; desk B's the answer to its third pull page.
  proxies.push(await shared.proxy({ holdAnswer: (line) => armed && line.startsWith('POST /v1/push ') && ++pushes === 2 }));
  proxies.push(await shared.proxy({ holdAnswer: (line) => armed && line.startsWith('POST /v1/pull ') && ++pulls === 3 }));
  a = shared.track(await enrolledDesk(shared.hub, 'PLM', 'K01', proxies[0]!.url));
  b = shared.track(await enrolledDesk(shared.hub, 'PLM', 'K02', proxies[1]!.url));
  await synced(a);
  await synced(b);
}, 300_000);

/** Opens a desk's folder again in this process (the next start after the power cut). */
async function restart(desk: TestDesk): Promise<TestDesk> {
  return shared.track(await openAgain(desk));
}

async function hubSeqs(deviceId: string): Promise<number[]> {
  const rows = await shared.hub.hub.database.pool.query<{ s: number }>('SELECT device_seq::int AS s FROM events WHERE device_id = $1 ORDER BY hub_seq', [deviceId]);
  return rows.rows.map((r) => r.s);
}

describe('a desk killed mid-sync', () => {
  it('resumes a push whose answer it never heard: every event at the hub once, in sequence', async () => {
    await recordCases(a, 3, EVENTS);
    const deviceId = deviceIdOf(a);
    const written = query<{ n: number }>(a, 'SELECT max(device_seq) AS n FROM events WHERE device_id = ?', deviceId)[0]!.n;
    a.core.close();
    armed = true;
    const child = startDeskProcess(a.dataDir);
    try {
      expect(await proxies[0]!.held).toMatch(/^POST \/v1\/push /);
    } finally {
      await child.kill();
    }
    // The hub committed the second batch; the desk died believing only the first is there.
    expect(await hubSeqs(deviceId)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
    expect(query(a, 'SELECT pushed_seq FROM sync_state')).toEqual([{ pushed_seq: 500 }]);

    const again = await restart(a);
    expect(await synced(again)).toMatchObject({ pending: 0, problem: null });
    expect(await hubSeqs(deviceId)).toEqual(Array.from({ length: written }, (_, i) => i + 1));
    expect(query(again, 'SELECT pushed_seq FROM sync_state')).toEqual([{ pushed_seq: written }]);
    a = again;
  }, 600_000);

  it('resumes a pull cut between pages: every event applied once, the case tables as at the recording desk', async () => {
    const from = deviceIdOf(a);
    const total = query<{ n: number }>(a, 'SELECT count(*) AS n FROM events WHERE device_id = ?', from)[0]!.n;
    b.core.close();
    const child = startDeskProcess(b.dataDir);
    try {
      expect(await proxies[1]!.held).toMatch(/^POST \/v1\/pull /);
    } finally {
      await child.kill();
    }
    // Two pages of 200 applied with their cursor; the third was served by the hub but never reached the desk.
    expect(query(b, 'SELECT count(*) AS n FROM events WHERE device_id = ?', from)).toEqual([{ n: 400 }]);

    const again = await restart(b);
    await synced(again);
    const ids = (desk: TestDesk) => query<{ id: string }>(desk, 'SELECT id FROM events WHERE device_id = ? ORDER BY device_seq', from);
    expect(ids(again)).toHaveLength(total);
    expect(ids(again)).toEqual(ids(a));
    expect(query(again, 'SELECT count(*) AS n FROM sync_held_back')).toEqual([{ n: 0 }]);
    expect(query(again, 'SELECT * FROM cases ORDER BY id')).toEqual(query(a, 'SELECT * FROM cases ORDER BY id'));
    expect(query(again, 'SELECT event_id, field, new_value, at FROM amendments ORDER BY event_id')).toEqual(
      query(a, 'SELECT event_id, field, new_value, at FROM amendments ORDER BY event_id'),
    );
  }, 600_000);
});
