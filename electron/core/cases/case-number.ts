// Owns counting case numbers: the next free counter of this desk and day, read in the transaction that inserts
// the case. What a case number looks like is shared/cases/case-number.ts.
import { caseNumber, caseNumberPrefix } from '../../../shared/cases/case-number';
import type { Db } from '../db/connection';

/** The next number for this desk and day. Call inside the transaction that inserts the case. */
export function nextCaseNumber(db: Db, airportCode: string, deskCode: string, at: Date): string {
  const prefix = caseNumberPrefix(airportCode, deskCode, at);
  const last = db
    .prepare('SELECT case_number FROM cases WHERE case_number >= ? AND case_number < ? ORDER BY case_number DESC LIMIT 1')
    .pluck()
    .get(prefix, `${prefix}~`) as string | undefined;
  const counter = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return caseNumber(prefix, counter);
}
