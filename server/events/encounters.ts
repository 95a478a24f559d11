// Owns the hub's index of cases for the cross-airport history lookup: one row per case, kept from the case
// events as they are pushed, and the lookup of a travel document's encounters at other airports.
import type { Pool, PoolClient } from 'pg';
import { parseMrz } from '../../shared/mrz';
import type { HistoryRequest, HubEncounter, SyncEvent } from '../../shared/contract/sync';
import type { AuthenticatedDesk } from '../desks/desk-registry';

interface Document {
  documentNumber: string;
  issuingState: string | null;
}

/** The travel document of a case.opened payload: stated outright, or read from the MRZ lines it carries. */
function documentOf(payload: Record<string, unknown>): Document | null {
  if (typeof payload.documentNumber === 'string' && payload.documentNumber) {
    return { documentNumber: payload.documentNumber.toUpperCase(), issuingState: typeof payload.issuingState === 'string' ? payload.issuingState : null };
  }
  const mrz = payload.mrz;
  if (!Array.isArray(mrz) || !mrz.every((line) => typeof line === 'string')) return null;
  const parsed = parseMrz(mrz);
  if (!parsed.documentNumber) return null;
  return { documentNumber: parsed.documentNumber, issuingState: parsed.fields.issuingState?.value ?? null };
}

/** The decision an event records for its case, if it records one. */
function decisionOf(event: SyncEvent): string | null {
  if (event.type === 'case.decided' && typeof event.payload.outcome === 'string') return event.payload.outcome;
  if (event.type === 'case.amended' && event.payload.field === 'decision' && typeof event.payload.to === 'string') return event.payload.to;
  return null;
}

/** Updates the index with a batch of one desk's new events, inside the push's transaction, in two statements. */
export async function indexEncounters(client: PoolClient, desk: AuthenticatedDesk, events: readonly SyncEvent[]): Promise<void> {
  const opened: { caseId: string; caseNumber: string; document: Document; at: string }[] = [];
  // Per case only the latest decision of the batch; the UPDATE below keeps the latest against the table's.
  const decided = new Map<string, { decision: string; at: string }>();
  for (const event of events) {
    if (!event.caseId) continue;
    if (event.type === 'case.opened') {
      const document = documentOf(event.payload);
      if (document && typeof event.payload.caseNumber === 'string') opened.push({ caseId: event.caseId, caseNumber: event.payload.caseNumber, document, at: event.at });
    }
    const decision = decisionOf(event);
    const held = decided.get(event.caseId);
    if (decision && (!held || held.at <= event.at)) decided.set(event.caseId, { decision, at: event.at });
  }
  if (opened.length > 0) {
    await client.query(
      `INSERT INTO encounters (case_id, desk_id, airport_code, desk_code, case_number, document_number, issuing_state, opened_at)
       SELECT case_id, $1, $2, $3, case_number, document_number, issuing_state, opened_at
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t (case_id, case_number, document_number, issuing_state, opened_at)
       ON CONFLICT (case_id) DO NOTHING`,
      [
        desk.id,
        desk.airportCode,
        desk.deskCode,
        opened.map((o) => o.caseId),
        opened.map((o) => o.caseNumber),
        opened.map((o) => o.document.documentNumber),
        opened.map((o) => o.document.issuingState),
        opened.map((o) => o.at),
      ],
    );
  }
  if (decided.size > 0) {
    // The latest decision by its time wins in the index (the events themselves all stay).
    await client.query(
      `UPDATE encounters e SET decision = t.decision, decided_at = t.at
         FROM unnest($1::text[], $2::text[], $3::text[]) AS t (case_id, decision, at)
        WHERE e.case_id = t.case_id AND (e.decided_at IS NULL OR e.decided_at <= t.at)`,
      [[...decided.keys()], [...decided.values()].map((d) => d.decision), [...decided.values()].map((d) => d.at)],
    );
  }
}

/** A document's encounters at airports other than the asking desk's, newest first. */
export async function historyElsewhere(pool: Pool, desk: AuthenticatedDesk, request: HistoryRequest): Promise<HubEncounter[]> {
  const rows = await pool.query<{
    case_id: string;
    case_number: string;
    airport_code: string;
    desk_code: string;
    opened_at: string;
    decision: string | null;
    decided_at: string | null;
  }>(
    `SELECT case_id, case_number, airport_code, desk_code, opened_at, decision, decided_at FROM encounters
      WHERE document_number = $1 AND airport_code <> $2 AND ($3::text IS NULL OR issuing_state IS NULL OR issuing_state = $3)
      ORDER BY opened_at DESC LIMIT $4`,
    [request.documentNumber, desk.airportCode, request.issuingState ?? null, request.limit ?? 20],
  );
  return rows.rows.map((row) => ({
    caseId: row.case_id,
    caseNumber: row.case_number,
    airportCode: row.airport_code,
    deskCode: row.desk_code,
    openedAt: row.opened_at,
    decision: row.decision,
    decidedAt: row.decided_at,
  }));
}
