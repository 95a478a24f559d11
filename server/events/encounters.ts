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

/** Updates the index with a batch of one desk's new events, inside the push's transaction. */
export async function indexEncounters(client: PoolClient, desk: AuthenticatedDesk, events: readonly SyncEvent[]): Promise<void> {
  for (const event of events) {
    if (!event.caseId) continue;
    if (event.type === 'case.opened') {
      const document = documentOf(event.payload);
      if (!document || typeof event.payload.caseNumber !== 'string') continue;
      await client.query(
        `INSERT INTO encounters (case_id, desk_id, airport_code, desk_code, case_number, document_number, issuing_state, opened_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (case_id) DO NOTHING`,
        [event.caseId, desk.id, desk.airportCode, desk.deskCode, event.payload.caseNumber, document.documentNumber, document.issuingState, event.at],
      );
    } else if (event.type === 'case.decided' && typeof event.payload.outcome === 'string') {
      await recordDecision(client, event.caseId, event.payload.outcome, event.at);
    } else if (event.type === 'case.amended' && event.payload.field === 'decision' && typeof event.payload.to === 'string') {
      await recordDecision(client, event.caseId, event.payload.to, event.at);
    }
  }
}

/** The latest decision by its time wins in the index (the events themselves all stay). */
async function recordDecision(client: PoolClient, caseId: string, decision: string, at: string): Promise<void> {
  await client.query('UPDATE encounters SET decision = $2, decided_at = $3 WHERE case_id = $1 AND (decided_at IS NULL OR decided_at <= $3)', [caseId, decision, at]);
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
