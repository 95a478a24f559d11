// Owns the cross-airport part of a case's history: asking the hub, beside the case and never before it, for the
// document's encounters at other airports that this desk does not hold yet, and auditing that read like a
// showing of the case (the answer names where and when a possibly trafficked person was held).
import { fail, ok, type CallResult, type HubHistory, type Officer } from '../../../shared/contract';
import type { AuditLog } from '../audit/audit-log';
import type { SyncEngine } from '../sync/sync-engine';
import type { CaseService } from './case-service';

export async function hubHistory(caseId: string, viewer: Officer, deps: { cases: CaseService; sync: SyncEngine; audit: AuditLog }): Promise<CallResult<HubHistory>> {
  const row = deps.cases.repository.byId(caseId);
  if (!row) return fail('not_found', 'This desk has no such case.', { field: 'caseId', reason: 'caseNotHere' });
  const lookup = await deps.sync.historyElsewhere({ documentNumber: row.document_number, issuingState: row.issuing_state });
  if (lookup.state === 'not_enrolled') return ok(lookup);
  // Encounters this desk already holds (pulled since) are in the case's own history, with more detail.
  const encounters = lookup.encounters.filter((encounter) => encounter.caseId !== row.id && !deps.cases.repository.byId(encounter.caseId));
  deps.audit.append(viewer.officerNumber, 'case.hub_history_read', {
    caseId: row.id,
    caseNumber: row.case_number,
    answer: lookup.state,
    encounters: encounters.length,
  });
  return ok({ state: lookup.state, encounters });
}
