// Owns the event table: each step of a case as an immutable event with a UUID, this desk's device id and
// a per-device sequence number, so the hub can take them idempotently and in order. A payload is written only
// if it parses with its type's current schema in the event catalogue; reading parses every version.
import { randomUUID } from 'node:crypto';
import {
  EVENT_CATALOGUE,
  isEventType,
  parseEvent,
  type CurrentEvent,
  type EventPayloadInput,
  type EventType,
  type RecordedEvent,
} from '../../../shared/events/catalogue';
import type { Db } from '../db/connection';

/** A payload that breaks its schema; thrown inside the change's transaction, so nothing of the change is written. */
export class EventRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventRefusedError';
  }
}

/** A row of the events table as SQLite returns it. */
export interface EventRow {
  id: string;
  device_id: string;
  device_seq: number;
  type: string;
  schema_version: number;
  case_id: string | null;
  officer_number: string;
  at: string;
  payload: string;
}

/** Parses a stored row with the catalogue; the problem names the event, for the person who has to look. */
export function eventFromRow(row: EventRow): { ok: true; event: RecordedEvent } | { ok: false; problem: string } {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    return { ok: false, problem: `event ${row.id} (${row.type}): payload is not JSON` };
  }
  const parsed = parseEvent({
    id: row.id,
    deviceId: row.device_id,
    deviceSeq: row.device_seq,
    type: row.type,
    schemaVersion: row.schema_version,
    caseId: row.case_id,
    officerNumber: row.officer_number,
    at: row.at,
    payload,
  });
  return parsed.ok ? parsed : { ok: false, problem: `event ${row.id} (${row.type}): ${parsed.problem}` };
}

export class EventStore {
  private readonly nextSeq;
  private readonly insert;
  private readonly ofCaseAndType;
  private readonly byIdOrSeq;
  private readonly ownMax;
  private readonly ownCountAfter;
  private readonly ownAfter;

  constructor(
    private readonly db: Db,
    private readonly deviceId: string,
  ) {
    this.nextSeq = db.prepare('SELECT coalesce(max(device_seq), 0) + 1 FROM events WHERE device_id = ?').pluck();
    this.insert = db.prepare(
      'INSERT INTO events (id, device_id, device_seq, type, schema_version, case_id, officer_number, at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.byIdOrSeq = db.prepare('SELECT * FROM events WHERE id = ? OR (device_id = ? AND device_seq = ?)');
    this.ofCaseAndType = db.prepare('SELECT * FROM events WHERE case_id = ? AND type = ? ORDER BY at, device_id, device_seq');
    this.ownMax = db.prepare('SELECT coalesce(max(device_seq), 0) FROM events WHERE device_id = ?').pluck();
    this.ownCountAfter = db.prepare('SELECT count(*) FROM events WHERE device_id = ? AND device_seq > ?').pluck();
    this.ownAfter = db.prepare('SELECT * FROM events WHERE device_id = ? AND device_seq > ? ORDER BY device_seq LIMIT ?');
  }

  /** The sequence number of this desk's newest event (0 before its first). */
  ownLastSeq(): number {
    return this.ownMax.get(this.deviceId) as number;
  }

  /** How many of this desk's events come after `afterSeq` (what the hub does not hold yet, given what it holds). */
  ownCountAfterSeq(afterSeq: number): number {
    return this.ownCountAfter.get(this.deviceId, afterSeq) as number;
  }

  /** This desk's events after `afterSeq`, oldest first, at most `limit`, as stored (the hub takes them as written). */
  ownRowsAfter(afterSeq: number, limit: number): EventRow[] {
    return this.ownAfter.all(this.deviceId, afterSeq, limit) as EventRow[];
  }

  /**
   * Appends one event in its type's current version and returns it as parsed (defaults applied, keys in schema
   * order), which is what the projector applies. Must run inside the transaction that updates the tables the
   * screens read; a payload that breaks its schema throws EventRefusedError and so rolls the change back.
   */
  append<T extends EventType>(type: T, caseId: string | null, officerNumber: string, at: string, payload: EventPayloadInput<T>): CurrentEvent<T> {
    if (!this.db.inTransaction) throw new Error('events are written only inside the transaction of their change');
    // A caller outside the type system (a cast, a plain JS caller) may name a type the catalogue does not have.
    if (!isEventType(type)) throw new EventRefusedError(`refused to record ${type}: unknown event type`);
    const schemaVersion = EVENT_CATALOGUE[type].current;
    const id = randomUUID();
    const deviceSeq = this.nextSeq.get(this.deviceId) as number;
    const parsed = parseEvent({ id, deviceId: this.deviceId, deviceSeq, type, schemaVersion, caseId, officerNumber, at, payload });
    if (!parsed.ok) throw new EventRefusedError(`refused to record ${type}: ${parsed.problem}`);
    this.insert.run(id, this.deviceId, deviceSeq, type, schemaVersion, caseId, officerNumber, at, JSON.stringify(parsed.event.payload));
    // parseEvent checked this type in its current version, which is what CurrentEvent<T> says.
    return parsed.event as CurrentEvent<T>;
  }

  /**
   * Stores an event recorded elsewhere (another desk, through the hub) exactly as it was recorded, and says whether
   * it is new here. Apply it with the projector only when it is, in the same transaction: that is what makes
   * receiving the same event twice change nothing. The same id or the same (device, sequence) with other content
   * is refused, since one of the two records has been altered.
   */
  receive(event: RecordedEvent): boolean {
    if (!this.db.inTransaction) throw new Error('events are received only inside the transaction that applies them');
    const payload = JSON.stringify(event.payload);
    const held = this.byIdOrSeq.get(event.id, event.deviceId, event.deviceSeq) as EventRow | undefined;
    if (held) {
      const same =
        held.id === event.id && held.device_id === event.deviceId && held.device_seq === event.deviceSeq && held.type === event.type &&
        held.schema_version === event.schemaVersion && held.case_id === event.caseId && held.officer_number === event.officerNumber &&
        held.at === event.at && held.payload === payload;
      if (!same) throw new EventRefusedError(`event ${event.id} (${event.deviceId} #${event.deviceSeq}) differs from the one this desk holds`);
      return false;
    }
    this.insert.run(event.id, event.deviceId, event.deviceSeq, event.type, event.schemaVersion, event.caseId, event.officerNumber, event.at, payload);
    return true;
  }

  /**
   * Empties the event table of a throwaway in-memory copy whose append-only triggers were dropped (the tamper
   * check's scratch). Refused on a database file, where the triggers would refuse it anyway.
   */
  emptyScratchCopy(): void {
    if (!this.db.memory) throw new Error('only an in-memory scratch copy of the events may be emptied');
    this.db.prepare('DELETE FROM events').run();
  }

  /**
   * Stores a row exactly as another database holds it, into a throwaway in-memory copy (the tamper check's scratch),
   * unchecked: receive's lookup and re-serialising made the check half as slow again. Refused on a database file.
   */
  copyIntoScratch(row: EventRow): void {
    if (!this.db.memory) throw new Error('rows are copied unchecked only into an in-memory scratch copy');
    this.insert.run(row.id, row.device_id, row.device_seq, row.type, row.schema_version, row.case_id, row.officer_number, row.at, row.payload);
  }

  /** The events of one type for one case, from every desk, in time order. */
  ofCase<T extends EventType>(caseId: string, type: T): Extract<RecordedEvent, { type: T }>[] {
    return (this.ofCaseAndType.all(caseId, type) as EventRow[]).map((row) => {
      const parsed = eventFromRow(row);
      if (!parsed.ok) throw new EventRefusedError(parsed.problem);
      return parsed.event as Extract<RecordedEvent, { type: T }>;
    });
  }
}

/** Reads stored rows case by case, as they are (for a check that must see what is stored, not what parses). */
export class EventRows {
  private readonly caseIds;
  private readonly ofCaseStatement;

  constructor(db: Db) {
    this.caseIds = db.prepare('SELECT DISTINCT case_id FROM events WHERE case_id > ? ORDER BY case_id LIMIT ?').pluck();
    this.ofCaseStatement = db.prepare('SELECT * FROM events WHERE case_id = ? ORDER BY rowid');
  }

  /** The ids of cases with events, in id order after `after`, at most `limit`. */
  caseIdsAfter(after: string, limit: number): string[] {
    return this.caseIds.all(after, limit) as string[];
  }

  /** A case's rows in the order they were stored. */
  ofCase(caseId: string): EventRow[] {
    return this.ofCaseStatement.all(caseId) as EventRow[];
  }
}

/** Every stored event that does not parse with the catalogue (none on a sound desk), at most `limit` of them. */
export function unparseableEvents(db: Db, limit = 20): string[] {
  const problems: string[] = [];
  for (const row of db.prepare('SELECT * FROM events ORDER BY device_id, device_seq').iterate() as IterableIterator<EventRow>) {
    const parsed = eventFromRow(row);
    if (!parsed.ok) problems.push(parsed.problem);
    if (problems.length >= limit) break;
  }
  return problems;
}
