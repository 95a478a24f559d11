// Owns counting case numbers: the next free counter of this desk and day, read in the transaction that inserts
// the case. What a case number looks like is shared/cases/case-number.ts.
import { caseNumber, caseNumberPrefix } from '../../../shared/cases/case-number';
import type { CaseRepository } from './case-repository';

/** The next number for this desk and day. Call inside the transaction that inserts the case. */
export function nextCaseNumber(cases: CaseRepository, airportCode: string, deskCode: string, at: Date): string {
  const prefix = caseNumberPrefix(airportCode, deskCode, at);
  const last = cases.highestNumberStartingWith(prefix);
  const counter = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return caseNumber(prefix, counter);
}
