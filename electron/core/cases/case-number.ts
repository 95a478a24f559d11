// Owns case numbers: AIRPORT-DESK-YYMMDD-NNNN, short enough to read aloud and unique across desks
// because each desk has its own code and counts its own cases per day.
import type { Db } from '../db/connection';

function localDateStamp(at: Date): string {
  const yy = String(at.getFullYear() % 100).padStart(2, '0');
  const mm = String(at.getMonth() + 1).padStart(2, '0');
  const dd = String(at.getDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

/** The next number for this desk and day. Call inside the transaction that inserts the case. */
export function nextCaseNumber(db: Db, airportCode: string, deskCode: string, at: Date): string {
  const prefix = `${airportCode}-${deskCode}-${localDateStamp(at)}-`;
  const last = db
    .prepare('SELECT case_number FROM cases WHERE case_number >= ? AND case_number < ? ORDER BY case_number DESC LIMIT 1')
    .pluck()
    .get(prefix, `${prefix}~`) as string | undefined;
  const counter = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(counter).padStart(4, '0')}`;
}
