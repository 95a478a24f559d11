// Owns the hub's copy of every desk's events: idempotent pushes (by event id and by device sequence, gaps
// refused, changed replays refused and recorded) and pulls of other desks' events by stream cursor.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { SYNC_LIMITS, type PulledEvent, type PullRequest, type PullResponse, type PushResponse, type SyncEvent } from '../../shared/contract/sync';
import type { AuthenticatedDesk } from '../desks/desk-registry';
import { HubError } from '../http/hub-error';
import { transaction } from '../db/transaction';
import { indexEncounters } from './encounters';
import { afterPosition, decodeCursor, encodeCursor } from './stream-cursor';
import { checkEventPayloads } from './event-payloads';
import { CASE_NUMBER_PATTERN, deskKeyOf } from '../../shared/cases/case-number';
import { claimPrefixes } from '../desks/desk-claims';

/** JSON with object keys sorted, so that the same content always hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function contentHash(event: SyncEvent, payload: string): string {
  const envelope = [event.id, event.deviceId, event.deviceSeq, event.type, event.caseId, event.officerNumber, event.at, event.schemaVersion, payload];
  return createHash('sha256').update(JSON.stringify(envelope)).digest('hex');
}

const UNIQUE_VIOLATION = '23505';

export class EventLog {
  constructor(private readonly pool: Pool) {}

  async push(desk: AuthenticatedDesk, events: readonly SyncEvent[]): Promise<PushResponse> {
    this.checkBatch(desk, events);
    // The hash is over canonical JSON (a replay in another key order is the same event); the row keeps the payload
    // in the desk's own key order, so that every desk projects it into the very text the recording desk wrote.
    const hashes = events.map((event) => contentHash(event, canonicalJson(event.payload)));
    try {
      return await transaction(this.pool, async (client) => {
        // One push per device at a time: parallel pushes of the same desk queue here.
        const lastSeq = (await client.query<{ last_seq: number }>('SELECT last_seq FROM desks WHERE id = $1 FOR UPDATE', [desk.id])).rows[0]!.last_seq;
        // Two index lookups (an OR of both would scan the table): the batch's ids, and its sequence numbers the
        // hub already holds (none, in an ordinary push).
        const stored = await client.query<{ id: string; device_id: string; device_seq: number; content_hash: string }>(
          `SELECT id, device_id, device_seq, content_hash FROM events WHERE id = ANY($1::uuid[])
           UNION SELECT id, device_id, device_seq, content_hash FROM events WHERE device_id = $2 AND device_seq = ANY($3::bigint[])`,
          [events.map((e) => e.id), desk.deviceId, events.filter((e) => e.deviceSeq <= lastSeq).map((e) => e.deviceSeq)],
        );
        const byId = new Map(stored.rows.map((row) => [row.id, row]));
        const bySeq = new Map(stored.rows.filter((row) => row.device_id === desk.deviceId).map((row) => [row.device_seq, row]));
        const changed: string[] = [];
        const fresh: number[] = [];
        events.forEach((event, i) => {
          const atSeq = bySeq.get(event.deviceSeq);
          const withId = byId.get(event.id);
          if (atSeq || withId) {
            if (atSeq?.id !== event.id || withId?.content_hash !== hashes[i]) changed.push(event.id);
          } else fresh.push(i);
        });
        if (changed.length > 0) {
          throw new HubError('event_changed', `${changed.length} event(s) the hub already holds came back with other content; nothing of this push was stored.`, {
            eventIds: changed,
          });
        }
        let expected = lastSeq + 1;
        for (const i of fresh) {
          if (events[i]!.deviceSeq !== expected) {
            throw new HubError('sequence_gap', `The hub holds this desk's events up to ${lastSeq}; push from ${lastSeq + 1} without a gap.`, {
              expectedSeq: lastSeq + 1,
            });
          }
          expected++;
        }
        const newEvents = fresh.map((i) => events[i]!);
        const kept = await this.withheldCases(client, desk, newEvents);
        const withheld = newEvents.map((e) => e.caseId !== null && kept.cases.has(e.caseId));
        if (newEvents.length > 0) {
          await client.query(
            `INSERT INTO events (id, device_id, device_seq, desk_id, type, case_id, officer_number, at, schema_version, payload, content_hash, withheld)
             SELECT id, device_id, device_seq, $4, type, case_id, officer_number, at, schema_version, payload, content_hash, withheld
             FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[], $11::text[], $12::boolean[])
               AS t (id, device_id, device_seq, type, case_id, officer_number, at, schema_version, payload, content_hash, withheld)`,
            [
              newEvents.map((e) => e.id),
              newEvents.map((e) => e.deviceId),
              newEvents.map((e) => e.deviceSeq),
              desk.id,
              newEvents.map((e) => e.type),
              newEvents.map((e) => e.caseId),
              newEvents.map((e) => e.officerNumber),
              newEvents.map((e) => e.at),
              newEvents.map((e) => e.schemaVersion),
              fresh.map((i) => JSON.stringify(events[i]!.payload)),
              fresh.map((i) => hashes[i]!),
              withheld,
            ],
          );
          await indexEncounters(client, desk, newEvents.filter((_, i) => !withheld[i]));
        }
        await client.query('UPDATE desks SET last_seq = $2, last_sync_at = now() WHERE id = $1', [desk.id, expected - 1]);
        const answer: PushResponse = { accepted: newEvents.length, duplicates: events.length - newEvents.length, lastSeq: expected - 1 };
        return kept.opened.length > 0 ? { ...answer, withheld: kept.opened } : answer;
      });
    } catch (error) {
      const refusal =
        error instanceof HubError && error.code === 'event_changed'
          ? error
          : isUniqueViolation(error)
            ? new HubError('event_changed', 'An event id of this push is already held by the hub for another event; nothing of this push was stored.', {
                eventIds: events.map((e) => e.id),
              })
            : null;
      if (!refusal) throw error;
      await this.pool.query('INSERT INTO push_refusals (desk_id, event_ids, detail) VALUES ($1, $2, $3)', [desk.id, refusal.extra.eventIds ?? [], refusal.message]);
      throw refusal;
    }
  }

  /**
   * The cases among a push's new events the hub keeps back (stored, served to no other desk): a case opening under
   * an airport-desk prefix another device holds (claimed, else another desk's code), and every later event of a case
   * kept back before. A free prefix becomes this device's. The openings kept back are recorded among refused pushes.
   */
  private async withheldCases(client: PoolClient, desk: AuthenticatedDesk, events: readonly SyncEvent[]): Promise<{ cases: Set<string>; opened: { caseNumber: string; heldBy: string }[] }> {
    const openings = events.flatMap((event) =>
      event.type === 'case.opened' && event.caseId !== null && typeof event.payload.caseNumber === 'string' && CASE_NUMBER_PATTERN.test(event.payload.caseNumber)
        ? [{ event, caseNumber: event.payload.caseNumber }]
        : [],
    );
    // The desk's own code is its own since its enrolment: only a case under another prefix costs the claim's queries.
    const own = `${desk.airportCode}-${desk.deskCode}`;
    const others = openings.map((o) => deskKeyOf(o.caseNumber)).filter((prefix) => prefix !== own);
    const taken = new Map((await claimPrefixes(client, desk.deviceId, desk.id, others)).map((t) => [t.prefix, t]));
    const caseIds = [...new Set(events.flatMap((e) => (e.caseId === null ? [] : [e.caseId])))];
    const before = caseIds.length === 0 ? [] : (await client.query<{ case_id: string }>('SELECT case_id FROM withheld_cases WHERE case_id = ANY($1::text[])', [caseIds])).rows;
    const cases = new Set(before.map((row) => row.case_id));
    const opened: { caseNumber: string; heldBy: string }[] = [];
    for (const { event, caseNumber } of openings) {
      const holder = taken.get(deskKeyOf(caseNumber));
      if (!holder || cases.has(event.caseId!)) continue;
      cases.add(event.caseId!);
      const heldBy = `${holder.heldBy}${holder.heldByName ? ` "${holder.heldByName}"` : ''}`;
      opened.push({ caseNumber, heldBy });
      await client.query('INSERT INTO withheld_cases (case_id, desk_id, case_number, held_by) SELECT $1, $2, $3, device_id FROM desk_code_claims WHERE airport_code = $4 AND desk_code = $5 ON CONFLICT DO NOTHING', [
        event.caseId,
        desk.id,
        caseNumber,
        ...deskKeyOf(caseNumber).split('-'),
      ]);
      await client.query('INSERT INTO push_refusals (desk_id, event_ids, detail) VALUES ($1, $2, $3)', [
        desk.id,
        [event.id],
        `case ${caseNumber} kept back: its number's desk code ${deskKeyOf(caseNumber)} is held by ${heldBy}`,
      ]);
    }
    return { cases, opened };
  }

  async pull(desk: AuthenticatedDesk, request: PullRequest): Promise<PullResponse> {
    const from = decodeCursor(request.cursor);
    const limit = request.limit ?? SYNC_LIMITS.maxPullLimit;
    // Reading one row past the page tells whether more waits. The desk's own events are read (to move the
    // cursor past them) but not sent back.
    const rows = await this.pool.query<{
      tx: string;
      hub_seq: number;
      id: string;
      device_id: string;
      device_seq: number;
      type: string;
      case_id: string | null;
      officer_number: string;
      at: string;
      schema_version: number;
      payload: string;
      airport_code: string;
      desk_code: string;
      withheld: boolean;
    }>(
      `SELECT e.tx::text AS tx, e.hub_seq, e.id, e.device_id, e.device_seq, e.type, e.case_id, e.officer_number, e.at, e.schema_version, e.payload,
              d.airport_code, d.desk_code, e.withheld
         FROM events e JOIN desks d ON d.id = e.desk_id
        WHERE ${afterPosition('e', 'hub_seq')}
        ORDER BY e.tx, e.hub_seq LIMIT $3`,
      [from.tx, from.seq, limit + 1],
    );
    const page = rows.rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = last ? encodeCursor({ tx: last.tx, seq: last.hub_seq }) : request.cursor;
    // What the desk asks from is what it has applied: the admin's pending count starts there.
    await this.pool.query('UPDATE desks SET pull_tx = $2::xid8, pull_seq = $3, last_sync_at = now() WHERE id = $1', [desk.id, from.tx, from.seq]);
    const events: PulledEvent[] = page
      // Rows kept back (a case under another device's desk code) move the cursor too but are served to no one.
      .filter((row) => row.device_id !== desk.deviceId && !row.withheld)
      .map((row) => ({
        id: row.id,
        deviceId: row.device_id,
        deviceSeq: row.device_seq,
        type: row.type,
        caseId: row.case_id,
        officerNumber: row.officer_number,
        at: row.at,
        schemaVersion: row.schema_version,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        airportCode: row.airport_code,
        deskCode: row.desk_code,
      }));
    return { events, nextCursor, more: rows.rows.length > limit };
  }

  private checkBatch(desk: AuthenticatedDesk, events: readonly SyncEvent[]): void {
    const foreign = events.filter((event) => event.deviceId !== desk.deviceId);
    if (foreign.length > 0) {
      throw new HubError('wrong_device', `This desk may push only its own events; ${foreign.length} belong to another device.`, {
        eventIds: foreign.map((e) => e.id),
      });
    }
    const problems: string[] = [];
    events.forEach((event, i) => {
      if (i > 0 && event.deviceSeq <= events[i - 1]!.deviceSeq) problems.push(`events.${i}.deviceSeq: not above the one before`);
      if (JSON.stringify(event.payload).length > SYNC_LIMITS.maxEventPayloadChars) problems.push(`events.${i}.payload: larger than ${SYNC_LIMITS.maxEventPayloadChars} characters`);
    });
    problems.push(...checkEventPayloads(events));
    if (problems.length > 0) throw new HubError('invalid_request', 'Some events are malformed; nothing of this push was stored.', { problems });
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === UNIQUE_VIOLATION;
}
