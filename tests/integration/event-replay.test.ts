// A case's state is a function of its events: two busy desks (opening, origin, travel, answers, decisions, passport
// actions and countersignatures, amendments, prints, watch-list hits, returning travellers, and the supervisors'
// notes, traveller outcomes and sign-offs: every event type of the catalogue) are driven through the real core, then
// every event is replayed into empty tables with the projector and compared row by row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEGAL_GROUNDS, REASON_CODES, type Answers } from '../../shared/checklist';
import type { CallResult, Officer } from '../../shared/contract';
import { AMENDABLE_FIELDS, OUTCOMES, TRAVELLER_OUTCOMES } from '../../shared/contract';
import { EVENT_TYPES } from '../../shared/events/catalogue';
import { generateMrz } from '../../shared/mrz';
import { REGENCY_ROWS } from '../../shared/reference-data/idn-areas.data';
import { openServices } from '../../electron/core';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import type { EventRow } from '../../electron/core/events/event-store';
import { FAMILY_NAMES, GIVEN_NAMES, PROFILES, pick, rng } from '../bench/case-generator';
import { replay } from './replay';

const dir = mkdtempSync(join(tmpdir(), 'meja-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const officer = (id: number, officerNumber: string, agency: Officer['agency'], role: Officer['role']): Officer => ({
  id,
  name: `Petugas ${officerNumber}`,
  officerNumber,
  agency,
  role,
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
});
const BP3MI = officer(1, 'BP-1', 'BP3MI', 'officer');
const IMIGRASI = officer(2, 'IMI-1', 'IMIGRASI', 'officer');
const SUPERVISOR = officer(3, 'IMI-SPV', 'IMIGRASI', 'supervisor');

function must<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Travellers shared by both desks, so that people come back and earlier holds raise the risk. */
const TRAVELLERS = Array.from({ length: 40 }, (_, i) => {
  const random = rng(1000 + i);
  return generateMrz('TD3', {
    documentCode: 'P',
    issuingState: 'IDN',
    nationality: i % 9 === 0 ? 'ZZX' : 'IDN',
    primaryIdentifier: pick(random, FAMILY_NAMES),
    secondaryIdentifier: pick(random, GIVEN_NAMES),
    documentNumber: `C${String(1_000_000 + i * 7919).slice(0, 7)}`,
    birthDate: i % 11 === 0 ? '2010-03-04' : `19${70 + (i % 29)}-0${1 + (i % 9)}-1${i % 10}`,
    sex: i % 2 ? 'F' : 'M',
    expiryDate: i % 7 === 0 ? '2027-01-01' : '2031-06-30',
  }).join('\n');
});

interface Tally {
  opened: number;
  decided: number;
  countersigned: number;
  amended: number;
  printed: number;
  withHits: number;
  /** The origin of the traveller, and the supervisors' review of holds (issue 17). */
  originRecorded: number;
  noted: number;
  outcomeRecorded: number;
  signedOff: number;
}

/** Drives one desk's real services through `count` cases with a deterministic mix of every step. */
async function busyDesk(name: string, deskCode: string, seed: number, count: number) {
  const clock = { now: new Date('2026-11-20T06:00:00Z') };
  const services = openServices({ dataDir: join(dir, name), now: () => clock.now });
  const { settings, reference, cases, slips, review } = services;
  settings.update({ deskCode, deskName: `Meja ${deskCode}` });
  const watch = { version: '2026-11', entries: [
    { kind: 'document', value: 'C1007919', note: 'dicari', source: 'test' },
    { kind: 'phone', value: '+62 812 0000 0001', note: 'perekrut', source: 'test' },
    { kind: 'company', value: 'Ladang Sawit', note: 'perusahaan bermasalah', source: 'test' },
  ] };
  expect(reference.import('watch_list', JSON.stringify(watch), 'ADM', clock.now.toISOString())).toMatchObject({ ok: true });
  const random = rng(seed);
  // The origin and review steps draw from their own sequence, so the cases above are what they were before them.
  const reviewRandom = rng(seed + 1);
  const tally: Tally = { opened: 0, decided: 0, countersigned: 0, amended: 0, printed: 0, withHits: 0, originRecorded: 0, noted: 0, outcomeRecorded: 0, signedOff: 0 };
  for (let i = 0; i < count; i++) {
    clock.now = new Date(clock.now.getTime() + (1 + random() * 90) * 60_000);
    const by = random() < 0.5 ? BP3MI : IMIGRASI;
    const opened = must(cases.open({ source: pick(random, ['camera', 'reader', 'manual'] as const), mrz: pick(random, TRAVELLERS) }, by));
    tally.opened++;
    if (reviewRandom() < 0.3) {
      const [regencyCode, provinceCode] = pick(reviewRandom, REGENCY_ROWS);
      must(cases.recordOrigin({ caseId: opened.id, provinceCode, regencyCode }, by));
      tally.originRecorded++;
    }
    const profile = pick(random, PROFILES);
    if (random() < 0.85) {
      must(cases.recordTravel({ caseId: opened.id, travel: { flight: pick(random, profile.flights), travelDate: '2026-11-21', destinationAirport: profile.airport } }, by));
    }
    let answers: Answers | null = null;
    if (random() < 0.8) {
      answers = profile.answers;
      must(cases.recordAnswers({ caseId: opened.id, answers }, by));
    }
    if (random() < 0.2) {
      // A text answer naming a watch-listed company raises a hit.
      answers = { ...profile.answers, destination_city: 'Ladang Sawit' };
      must(cases.recordAnswers({ caseId: opened.id, answers }, by));
    }
    if (random() < 0.1) continue; // left open
    const outcome = by === IMIGRASI && random() < 0.15 ? 'passport_action' : profile.held ? pick(random, profile.outcomes) : pick(random, OUTCOMES.filter((o) => o !== 'passport_action'));
    // A clear is refused until every question shown is answered (checklist 2026.2 on). The officer answers again what
    // the last answers opened (a watch-listed company opens the full interview only once it is recorded).
    if (outcome === 'clear') must(cases.recordAnswers({ caseId: opened.id, answers: answers ?? profile.answers }, by));
    const consent = random() < 0.5;
    const decided = must(
      cases.decide(
        {
          caseId: opened.id,
          outcome,
          reasons: outcome === 'clear' ? [] : [pick(random, REASON_CODES).code, pick(random, REASON_CODES).code],
          legalGround: outcome === 'clear' ? null : pick(random, LEGAL_GROUNDS.filter((g) => g.outcomes.includes(outcome))).code,
          note: outcome === 'clear' ? '' : `Catatan ${i}`,
          contact:
            random() < 0.4 ? null
            : consent ? { phone: random() < 0.3 ? '+62 812 0000 0001' : '0813 555 0101', address: random() < 0.5 ? 'Jl. Merdeka 1' : null, consent }
            : { phone: null, address: null, consent },
        },
        by,
      ),
    );
    tally.decided++;
    if (decided.watchListHits.length > 0) tally.withHits++;
    if (decided.status === 'awaiting_countersignature' && random() < 0.7) {
      clock.now = new Date(clock.now.getTime() + 5 * 60_000);
      must(cases.countersign(opened.id, SUPERVISOR));
      tally.countersigned++;
    }
    const amendments = random() < 0.35 ? 1 + Math.floor(random() * 3) : 0;
    for (let a = 0; a < amendments; a++) {
      clock.now = new Date(clock.now.getTime() + 60_000);
      const field = pick(random, AMENDABLE_FIELDS);
      const value =
        field === 'reasons' ? [pick(random, REASON_CODES).code]
        : field === 'legalGround' ? (outcome === 'clear' ? 'UU6_2011_P16_NO_DOCUMENT' : pick(random, LEGAL_GROUNDS.filter((g) => g.outcomes.includes(outcome))).code)
        : field === 'travelDate' ? '2026-11-22'
        : field === 'destinationAirport' ? 'SIN'
        : field === 'destinationCountry' ? 'SGP'
        : field === 'flight' ? 'GA 842'
        : `koreksi ${i}-${a}`;
      const result = cases.amend({ caseId: opened.id, field, value, reason: 'Koreksi data' }, random() < 0.5 ? by : SUPERVISOR);
      // Some amendments are refused by the rules (a ground that does not fit, contact without consent): nothing is written.
      if (result.ok) tally.amended++;
    }
    for (let p = random() < 0.5 ? 1 + Math.floor(random() * 2) : 0; p > 0; p--) {
      must(await slips.print(opened.id, pick(random, ['A5', 'A4', 'ROLL80'] as const), 1 + Math.floor(random() * 2), random() < 0.3, by));
      tally.printed++;
    }
    if (outcome === 'clear') continue;
    // The supervisors' review of a hold: notes at any time, then what became of the traveller, then the sign-off.
    if (reviewRandom() < 0.4) {
      clock.now = new Date(clock.now.getTime() + 60_000);
      must(review.addNote({ caseId: opened.id, note: `Catatan penyelia ${i}` }, SUPERVISOR));
      tally.noted++;
    }
    if (cases.peek(opened.id)?.status === 'awaiting_countersignature' || reviewRandom() < 0.4) continue;
    clock.now = new Date(clock.now.getTime() + 30 * 60_000);
    const happenedAt = new Date(clock.now.getTime() - 10 * 60_000).toISOString();
    must(review.recordOutcome({ caseId: opened.id, outcome: pick(reviewRandom, TRAVELLER_OUTCOMES), happenedAt, note: `Hasil ${i}` }, SUPERVISOR));
    tally.outcomeRecorded++;
    if (reviewRandom() < 0.6) {
      clock.now = new Date(clock.now.getTime() + 60_000);
      must(review.signOff(opened.id, SUPERVISOR));
      tally.signedOff++;
    }
  }
  return { services, tally };
}

/** SQLite's ORDER BY on text: by code unit, not by locale. */
const byKey = (key: string) => (x: Record<string, unknown>, y: Record<string, unknown>) => (String(x[key]) < String(y[key]) ? -1 : 1);
const rowsOf = (db: Db, sql: string) => db.prepare(sql).all() as Record<string, unknown>[];

// Printing is asynchronous (a shell may be asked), so the desks are driven before the suite is collected.
const a = await busyDesk('desk-a', 'D01', 11, 120);
const b = await busyDesk('desk-b', 'D02', 22, 80);

describe('event replay', () => {
  const eventsA = rowsOf(a.services.db, 'SELECT * FROM events ORDER BY device_seq') as unknown as EventRow[];
  const eventsB = rowsOf(b.services.db, 'SELECT * FROM events ORDER BY device_seq') as unknown as EventRow[];

  it('drove every kind of step, so the comparison below has something to compare', () => {
    for (const { tally } of [a, b]) {
      expect(tally.decided).toBeGreaterThan(40);
      expect(tally.countersigned).toBeGreaterThan(0);
      expect(tally.amended).toBeGreaterThan(5);
      expect(tally.printed).toBeGreaterThan(10);
      expect(tally.withHits).toBeGreaterThan(0);
      expect(tally.originRecorded).toBeGreaterThan(10);
      expect(tally.noted).toBeGreaterThan(5);
      expect(tally.outcomeRecorded).toBeGreaterThan(5);
      expect(tally.signedOff).toBeGreaterThan(3);
    }
    const risks = rowsOf(a.services.db, "SELECT DISTINCT json_extract(risk, '$.level') AS level FROM cases").map((r) => r.level);
    expect(risks).toEqual(expect.arrayContaining(['low', 'medium', 'high']));
    expect(rowsOf(a.services.db, 'SELECT 1 FROM cases WHERE contact_phone IS NOT NULL').length).toBeGreaterThan(0);
    // Every type the catalogue has, so that a new event type cannot stay out of the replay unnoticed.
    for (const events of [eventsA, eventsB]) expect(new Set(events.map((event) => event.type))).toEqual(new Set(EVENT_TYPES));
  });

  it("rebuilds one desk's case tables exactly, row by row, from its events alone", () => {
    const fresh = openDatabase(join(dir, 'replay-a.sqlite'));
    replay(fresh, eventsA);
    expect(rowsOf(fresh, 'SELECT * FROM cases ORDER BY id')).toEqual(rowsOf(a.services.db, 'SELECT * FROM cases ORDER BY id'));
    expect(rowsOf(fresh, 'SELECT * FROM amendments ORDER BY id')).toEqual(rowsOf(a.services.db, 'SELECT * FROM amendments ORDER BY id'));
    expect(rowsOf(fresh, 'SELECT * FROM supervisor_notes ORDER BY id')).toEqual(rowsOf(a.services.db, 'SELECT * FROM supervisor_notes ORDER BY id'));
    fresh.close();
  });

  it("rebuilds two desks' cases in one database, whichever desk recorded them, and a second replay changes nothing", () => {
    const fresh = openDatabase(join(dir, 'replay-ab.sqlite'));
    replay(fresh, [...eventsB, ...eventsA]);
    const cases = 'SELECT * FROM cases ORDER BY id';
    const amendments = 'SELECT case_id, event_id, field, old_value, new_value, reason, author, author_name, at FROM amendments ORDER BY event_id';
    const expectedCases = [...rowsOf(a.services.db, cases), ...rowsOf(b.services.db, cases)].sort(byKey('id'));
    const expectedAmendments = [...rowsOf(a.services.db, amendments), ...rowsOf(b.services.db, amendments)].sort(byKey('event_id'));
    const notes = 'SELECT case_id, event_id, author, author_name, at, note FROM supervisor_notes ORDER BY event_id';
    const expectedNotes = [...rowsOf(a.services.db, notes), ...rowsOf(b.services.db, notes)].sort(byKey('event_id'));
    expect(rowsOf(fresh, cases)).toEqual(expectedCases);
    expect(rowsOf(fresh, amendments)).toEqual(expectedAmendments);
    expect(rowsOf(fresh, notes)).toEqual(expectedNotes);
    replay(fresh, [...eventsA, ...eventsB]);
    expect(rowsOf(fresh, 'SELECT count(*) AS n FROM events')).toEqual([{ n: eventsA.length + eventsB.length }]);
    expect(rowsOf(fresh, cases)).toEqual(expectedCases);
    expect(rowsOf(fresh, amendments)).toEqual(expectedAmendments);
    expect(rowsOf(fresh, notes)).toEqual(expectedNotes);
    fresh.close();
  });

  afterAll(() => {
    a.services.db.close();
    b.services.db.close();
  });
});
