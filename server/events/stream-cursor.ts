// Owns the hub's stream positions (for events and reference data alike): a cursor is (transaction id, row
// number), and a page serves only rows of transactions older than every transaction still running. A row
// whose transaction commits after a later one is therefore never jumped over: until it commits, nothing at
// or after its transaction is served; a plain serial id would have been.
import { HubError } from '../http/hub-error';

export interface StreamPosition {
  /** xid8 as a decimal string (64-bit). */
  tx: string;
  seq: number;
}

export const STREAM_START: StreamPosition = { tx: '0', seq: 0 };

export function encodeCursor(position: StreamPosition): string {
  return `${position.tx}-${position.seq}`;
}

export function decodeCursor(cursor: string | null): StreamPosition {
  if (cursor === null) return STREAM_START;
  const match = /^(\d{1,20})-(\d{1,16})$/.exec(cursor);
  if (!match) throw new HubError('invalid_request', 'This cursor was not made by this hub; start again with cursor null.', { problems: ['cursor'] });
  return { tx: match[1]!, seq: Number(match[2]) };
}

/**
 * The WHERE clause of a page over `table` (columns `tx` and `seqColumn`) after the position in parameters $1 (tx)
 * and $2 (seq). Rows of transactions not older than the snapshot's xmin wait for a later page.
 */
export function afterPosition(table: string, seqColumn: string): string {
  return `(${table}.tx, ${table}.${seqColumn}) > ($1::xid8, $2::bigint) AND ${table}.tx < pg_snapshot_xmin(pg_current_snapshot())`;
}
