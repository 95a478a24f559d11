// Test harness for desk sync: real desks (real cores on real SQLite files) enrolled with a real hub through the
// settings procedure, plus helpers to record cases and read a desk's database as it is.
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import type { CoreOptions } from '../../../electron/core';
import { generateMrz } from '../../../shared/mrz';
import { startTestHub, type TestHub } from '../../support/hub-harness';
import { seededRandom, startTcpProxy, type TcpProxy, type TcpProxyOptions } from '../../support/tcp-proxy';
import { CLEAR_TOURIST, NO_RETURN_TICKET } from '../../fixtures/triage-answers';
import { deskAdmin, openDeskWithAdmin, openTestDesk, type TestDesk } from '../core-harness';

/** A test file's hub, and the desks and proxies it opened: the hub starts before the file's tests, and all close after them. */
export interface FileHub {
  readonly hub: TestHub;
  /** Closes this desk after the file's tests; returns it. */
  track(desk: TestDesk): TestDesk;
  /** Forgets a tracked desk whose core the test closed itself, its folder now held by the desk that reopened it. */
  untrack(desk: TestDesk): void;
  /** Starts a TCP proxy in front of the hub, closed after the file's tests (after its desks, before the hub). */
  proxy(options?: TcpProxyOptions): Promise<TcpProxy>;
}

/** Starts one throwaway PostgreSQL hub for the calling test file (registers its beforeAll and afterAll). */
export function hubForThisFile(): FileHub {
  let hub: TestHub | undefined;
  const desks: TestDesk[] = [];
  const proxies: TcpProxy[] = [];
  beforeAll(async () => {
    hub = await startTestHub('postgresql');
  }, 180_000);
  afterAll(async () => {
    for (const desk of desks) desk.close();
    for (const proxy of proxies) await proxy.close();
    await hub?.stop();
  });
  const fileHub: FileHub = {
    get hub() {
      if (!hub) throw new Error('the hub starts in beforeAll: use it inside a test');
      return hub;
    },
    track: (desk) => (desks.push(desk), desk),
    untrack(desk) {
      const at = desks.indexOf(desk);
      if (at < 0) throw new Error('untrack: this desk is not tracked');
      desks.splice(at, 1);
    },
    async proxy(options) {
      const proxy = await startTcpProxy(Number(new URL(fileHub.hub.url).port), options);
      proxies.push(proxy);
      return proxy;
    },
  };
  return fileHub;
}

/** Syncs only when the test says (sync.now), apart from the one enroll starts. */
export const MANUAL_SYNC: Partial<CoreOptions> = { syncTiming: { intervalMs: 3_600_000, backoffMs: 3_600_000, maxBackoffMs: 3_600_000, requestTimeoutMs: 5_000 } };

/** A desk set up with the codes it is then enrolled with, and its own first admin (ADM-<desk code>, see deskAdmin). */
export async function enrolledDesk(hub: TestHub, airportCode: string, deskCode: string, hubUrl = hub.url, options: Partial<CoreOptions> = {}): Promise<TestDesk> {
  const desk = await openDeskWithAdmin({ ...MANUAL_SYNC, ...options }, undefined, deskAdmin(deskCode), { airportCode, deskCode });
  await enroll(desk, hub, airportCode, deskCode, hubUrl);
  return desk;
}

export async function enroll(desk: TestDesk, hub: TestHub, airportCode: string, deskCode: string, hubUrl = hub.url): Promise<void> {
  const { code } = await hub.hub.services.desks.createDesk(airportCode, deskCode, `${airportCode} ${deskCode}`);
  await desk.must('sync.enroll', { hubUrl, code });
}

/** Reopens a desk's data folder (as after a restart) with the same options. */
export async function reopen(desk: TestDesk, options: Partial<CoreOptions> = {}): Promise<TestDesk> {
  desk.core.close();
  return openAgain(desk, options);
}

/** Opens a closed desk's data folder again (the next start) and signs its admin in. */
export async function openAgain(desk: Pick<TestDesk, 'dataDir' | 'admin'>, options: Partial<CoreOptions> = {}): Promise<TestDesk> {
  const again = await openTestDesk({ ...MANUAL_SYNC, ...options }, desk.dataDir);
  again.admin = desk.admin;
  await again.must('session.signIn', { officerNumber: desk.admin.officerNumber, password: desk.admin.password });
  return again;
}

export function passport(documentNumber: string, name = 'LESTARI'): string {
  return generateMrz('TD3', {
    documentCode: 'P',
    issuingState: 'IDN',
    nationality: 'IDN',
    primaryIdentifier: name,
    secondaryIdentifier: 'SITI',
    documentNumber,
    birthDate: '1999-04-12',
    sex: 'F',
    expiryDate: '2031-01-01',
  }).join('\n');
}

export const HOLD = { outcome: 'tunda' as const, reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tidak ada ID PMI' };

/** Runs a sync and fails the test unless it finished. */
export async function synced(desk: TestDesk) {
  const state = await desk.must('sync.now', {});
  if (state.state !== 'idle') throw new Error(`sync did not finish: ${JSON.stringify(state)}`);
  return state;
}

export function query<T>(desk: TestDesk, sql: string, ...params: unknown[]): T[] {
  const db = new Database(desk.core.databasePath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function write(desk: TestDesk, sql: string, ...params: unknown[]): void {
  const db = new Database(desk.core.databasePath);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

export function deviceIdOf(desk: TestDesk): string {
  return query<{ device_id: string }>(desk, 'SELECT device_id FROM desk')[0]!.device_id;
}

/** Travellers shared by the desks, so that a traveller held at one desk comes back at another. */
const TRAVELLERS = Array.from({ length: 80 }, (_, i) => passport(`H${String(3_000_000 + i * 131).padStart(7, '0')}`, ['LESTARI', 'SETIAWAN', 'RAHAYU', 'WIBOWO'][i % 4]));

const yieldToNetwork = () => new Promise((resolve) => setImmediate(resolve));

/** Records cases at one desk through its procedures until it has written `target` events of its own. */
export async function recordCases(desk: TestDesk, seed: number, target: number, progress: { events: number } = { events: 0 }): Promise<void> {
  const random = seededRandom(seed);
  const own = new Database(desk.core.databasePath, { readonly: true });
  const deviceId = (own.prepare('SELECT device_id FROM desk').get() as { device_id: string }).device_id;
  const count = own.prepare('SELECT coalesce(max(device_seq), 0) AS n FROM events WHERE device_id = ?');
  try {
    for (let n = (count.get(deviceId) as { n: number }).n; n < target; n = (count.get(deviceId) as { n: number }).n) {
      progress.events = n;
      desk.clock.advanceMinutes(1);
      const opened = await desk.must('cases.open', { source: 'manual', mrz: TRAVELLERS[Math.floor(random() * TRAVELLERS.length)]! });
      if (random() < 0.8) await desk.must('cases.recordTravel', { caseId: opened.id, travel: { flight: 'AK 1305', travelDate: '2026-11-29', destinationAirport: 'KUL' } });
      const answered = random() < 0.7;
      if (answered) await desk.must('cases.recordAnswers', { caseId: opened.id, answers: { ...CLEAR_TOURIST, ...(random() < 0.8 ? {} : NO_RETURN_TICKET) } });
      if (random() < 0.1) continue; // left open
      const held = random() < 0.3;
      // A clear needs every question shown answered (checklist 2026.2 on); another desk's hold of the same traveller,
      // arriving by sync meanwhile, can open the full interview, so the officer answers what is shown right before.
      if (!held) await desk.must('cases.recordAnswers', { caseId: opened.id, answers: CLEAR_TOURIST });
      await desk.must('cases.decide', { caseId: opened.id, ...(held ? HOLD : { outcome: 'clear' as const }) });
      if (held && random() < 0.4) await desk.must('cases.amend', { caseId: opened.id, field: 'note', value: `Koreksi ${n}`, reason: 'Dilengkapi' });
      // The officer's steps are quick; the desk's background sync needs the event loop between them.
      await yieldToNetwork();
    }
    progress.events = (count.get(deviceId) as { n: number }).n;
  } finally {
    own.close();
  }
}
