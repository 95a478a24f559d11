// The event catalogue at the event store: a payload that breaks its type's schema is refused and nothing of its
// change is written; events stored by earlier versions still parse when the desk starts; a database holding an
// event no version explains is refused unchanged; a received event that differs from the one held is refused.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST, DEFAULT_COUNTRY_RULES, evaluateRisk, recordedRisk } from '../../shared/checklist';
import { parseEvent } from '../../shared/events/catalogue';
import { generateMrz } from '../../shared/mrz';
import { CaseRepository } from '../../electron/core/cases/case-repository';
import { DatabaseRefusedError, openDatabase } from '../../electron/core/db/connection';
import { migrations } from '../../electron/core/db/migrations';
import { EventRefusedError, EventStore, eventFromRow, type EventRow } from '../../electron/core/events/event-store';
import { Projector, openingRow } from '../../electron/core/events/projector';

const dir = mkdtempSync(join(tmpdir(), 'meja-catalogue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshFile = () => join(dir, `desk-${++files}.sqlite`);

const mrz = generateMrz('TD3', {
  documentCode: 'P', issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: 'LESTARI', secondaryIdentifier: 'SITI',
  documentNumber: 'C1234567', birthDate: '1999-04-12', sex: 'F', expiryDate: '2030-01-01',
});
const risk = recordedRisk(evaluateRisk(DEFAULT_CHECKLIST, {}, { destinationCountry: null, ageYears: 27, countryRules: DEFAULT_COUNTRY_RULES, earlierHolds: 0, watchListHits: 0 }));
const opening = {
  caseNumber: 'PLM-D01-261128-0001', deskName: 'Meja 1', openedByName: 'Agus', source: 'manual', mrz, mrzValid: true, documentCode: 'P',
  documentNumber: 'C1234567', issuingState: 'IDN', nationality: 'IDN', primaryName: 'LESTARI', secondaryName: 'SITI',
  birthDate: '1999-04-12', sex: 'F', expiryDate: '2030-01-01', checklistVersion: DEFAULT_CHECKLIST.version, risk,
} as const;
const CASE_ID = '6f1c1d7e-7a55-4a57-9a2b-0c4c2a1f0b11';
const AT = '2026-11-28T08:00:00.000Z';
const count = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('event catalogue', () => {
  it('refuses a payload that breaks its schema, and nothing of the change is written', () => {
    const db = openDatabase(freshFile());
    const events = new EventStore(db, 'desk-1');
    const repository = new CaseRepository(db);
    const bad: [string, unknown][] = [
      ['wrong outcome', { outcome: 'deport', status: 'decided', reasons: [], legalGround: null, note: '', officerName: 'A', agency: 'BP3MI', contact: null, risk }],
      ['missing risk', { outcome: 'clear', status: 'decided', reasons: [], legalGround: null, note: '', officerName: 'A', agency: 'BP3MI', contact: null }],
      ['an extra key', { outcome: 'clear', status: 'decided', reasons: [], legalGround: null, note: '', officerName: 'A', agency: 'BP3MI', contact: null, risk, by: 'x' }],
      ['an open status', { outcome: 'clear', status: 'open', reasons: [], legalGround: null, note: '', officerName: 'A', agency: 'BP3MI', contact: null, risk }],
    ];
    for (const [, payload] of bad) {
      expect(() =>
        db.transaction(() => {
          repository.insert({ ...openingRow({ caseId: CASE_ID, deviceId: 'desk-1', officerNumber: 'BP-1', at: AT }, opening), risk: JSON.stringify(risk) });
          // @ts-expect-error: the point is a payload the types would not allow either
          events.append('case.decided', CASE_ID, 'BP-1', AT, payload);
        })(),
      ).toThrow(EventRefusedError);
      expect(count(db, 'events')).toBe(0);
      expect(count(db, 'cases')).toBe(0);
    }
    // An unknown type, a case event without its case, a reference event with one.
    expect(() => db.transaction(() => events.append('case.reopened' as 'case.countersigned', CASE_ID, 'BP-1', AT, { officerName: 'A' }))()).toThrow(/unknown event type/);
    expect(() => db.transaction(() => events.append('case.countersigned', null, 'BP-1', AT, { officerName: 'A' }))()).toThrow(/needs case id/);
    expect(() => db.transaction(() => events.append('reference.imported', CASE_ID, 'BP-1', AT, { kind: 'checklist', version: '1' }))()).toThrow(/takes no case id/);
    expect(count(db, 'events')).toBe(0);
    // The good payload goes through, and the stored form is the parsed one.
    db.transaction(() => {
      new Projector(repository).apply(events.append('case.opened', CASE_ID, 'BP-1', AT, opening));
    })();
    expect(count(db, 'events')).toBe(1);
    expect(repository.byId(CASE_ID)?.case_number).toBe(opening.caseNumber);
    db.close();
  });

  it('starts a desk whose events were written by the first version, and reads them as version 1', () => {
    const file = freshFile();
    const old = openDatabase(file, migrations.slice(0, 3));
    const insert = old.prepare('INSERT INTO events (id, device_id, device_seq, type, case_id, officer_number, at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    // Exactly what the first desks wrote (see git history of case-service.ts and slip-service.ts).
    const v1 = [
      ['case.opened', CASE_ID, { caseNumber: 'PLM-D01-261128-0001', source: 'manual', mrz, checklistVersion: '2026.1' }],
      ['case.travel_recorded', CASE_ID, { flight: 'AK 1305', travelDate: '2026-11-28', destinationAirport: 'KUL', destinationCountry: 'MYS' }],
      ['case.answers_recorded', CASE_ID, { answers: { purpose: 'work', officer_observation: ['coached'] } }],
      ['case.decided', CASE_ID, { outcome: 'passport_action', reasons: ['NO_CONSENT'], legalGround: 'PERMENKUMHAM_8_2014_SUSPECT', note: 'n', riskLevel: 'high', suggestedOutcome: 'refer_imigrasi', contactConsent: null }],
      ['case.countersigned', CASE_ID, {}],
      ['case.amended', CASE_ID, { field: 'note', from: 'n', to: 'm', reason: 'typo' }],
      ['slip.printed', CASE_ID, { layout: 'A5', copies: 1, reprint: false, officerName: 'Agus' }],
      ['reference.imported', null, { kind: 'watch_list', version: '2026-11' }],
    ] as const;
    v1.forEach(([type, caseId, payload], i) => insert.run(`00000000-0000-4000-8000-00000000000${i}`, 'desk-1', i + 1, type, caseId, 'IMI-1', AT, JSON.stringify(payload)));
    old.close();

    const db = openDatabase(file);
    const rows = db.prepare('SELECT * FROM events ORDER BY device_seq').all() as EventRow[];
    const parsed = rows.map(eventFromRow);
    expect(parsed.map((p) => p.ok && [p.event.type, p.event.schemaVersion])).toEqual(v1.map(([type]) => [type, 1]));
    // The print without toPdf was on paper.
    expect(new EventStore(db, 'desk-1').ofCase(CASE_ID, 'slip.printed')[0]?.payload).toMatchObject({ toPdf: false });
    db.close();
  });

  it('refuses, unchanged, a database holding an event that no version of its type explains', () => {
    const file = freshFile();
    const old = openDatabase(file, migrations.slice(0, 3));
    old
      .prepare('INSERT INTO events (id, device_id, device_seq, type, case_id, officer_number, at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run('00000000-0000-4000-8000-000000000001', 'desk-1', 1, 'case.decided', CASE_ID, 'IMI-1', AT, JSON.stringify({ outcome: 'deport' }));
    old.close();
    expect(() => openDatabase(file)).toThrow(DatabaseRefusedError);
    expect(() => openDatabase(file)).toThrow(/00000000-0000-4000-8000-000000000001 \(case\.decided\)/);
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(3);
    expect(after.prepare("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'schema_version'").pluck().get()).toBe(0);
    after.close();
  });

  it('receives an event once, and refuses one that differs from the event held under its id or sequence', () => {
    const db = openDatabase(freshFile());
    const store = new EventStore(db, 'this-desk');
    const raw = { id: CASE_ID, deviceId: 'other-desk', deviceSeq: 1, type: 'case.opened', schemaVersion: 2, caseId: CASE_ID, officerNumber: 'BP-1', at: AT, payload: opening };
    const event = parseEvent(raw);
    if (!event.ok) throw new Error(event.problem);
    expect(db.transaction(() => store.receive(event.event))()).toBe(true);
    expect(db.transaction(() => store.receive(event.event))()).toBe(false);
    const altered = parseEvent({ ...raw, payload: { ...opening, deskName: 'Meja palsu' } });
    if (!altered.ok) throw new Error(altered.problem);
    expect(() => db.transaction(() => store.receive(altered.event))()).toThrow(EventRefusedError);
    const reusedSeq = parseEvent({ ...raw, id: '11111111-1111-4111-8111-111111111111' });
    if (!reusedSeq.ok) throw new Error(reusedSeq.problem);
    expect(() => db.transaction(() => store.receive(reusedSeq.event))()).toThrow(EventRefusedError);
    expect(count(db, 'events')).toBe(1);
    db.close();
  });

  it('refuses an envelope that is not one: no id, a sequence of zero, a time without a zone or with an offset', () => {
    const base = { id: CASE_ID, deviceId: 'd', deviceSeq: 1, type: 'case.countersigned', schemaVersion: 2, caseId: CASE_ID, officerNumber: 'S', at: AT, payload: { officerName: 'S' } };
    expect(parseEvent(base).ok).toBe(true);
    expect(parseEvent({ ...base, id: 'not-a-uuid' }).ok).toBe(false);
    expect(parseEvent({ ...base, deviceSeq: 0 }).ok).toBe(false);
    expect(parseEvent({ ...base, at: '2026-11-28 08:00' }).ok).toBe(false);
    // The same instant as AT written with an offset: it would sort before '2026-11-28T08:…Z' events and fall on
    // another report day by its text, so the catalogue takes UTC only.
    expect(parseEvent({ ...base, at: '2026-11-28T15:00:00.000+07:00' }).ok).toBe(false);
    expect(parseEvent({ ...base, at: '2026-11-28T08:00:00Z' }).ok).toBe(true);
    expect(parseEvent({ ...base, schemaVersion: 3 })).toMatchObject({ ok: false, problem: 'case.countersigned has no version 3' });
  });
});
