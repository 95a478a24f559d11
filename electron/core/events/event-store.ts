// Owns the event table: each step of a case as an immutable event with a UUID, this desk's device id and
// a per-device sequence number, so the hub can take them idempotently and in order.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';

export interface StoredEvent {
  id: string;
  deviceSeq: number;
  type: string;
  at: string;
}

export class EventStore {
  private readonly nextSeq;
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly deviceId: string,
  ) {
    this.nextSeq = db.prepare('SELECT coalesce(max(device_seq), 0) + 1 FROM events WHERE device_id = ?').pluck();
    this.insert = db.prepare(
      'INSERT INTO events (id, device_id, device_seq, type, case_id, officer_number, at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Appends one event. Must run inside the transaction that updates the tables the screens read. */
  append(type: string, caseId: string | null, officerNumber: string, at: string, payload: unknown): StoredEvent {
    if (!this.db.inTransaction) throw new Error('events are written only inside the transaction of their change');
    const id = randomUUID();
    const deviceSeq = this.nextSeq.get(this.deviceId) as number;
    this.insert.run(id, this.deviceId, deviceSeq, type, caseId, officerNumber, at, JSON.stringify(payload));
    return { id, deviceSeq, type, at };
  }
}
