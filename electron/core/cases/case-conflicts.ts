// Owns conflicts between desks on one case: two desks deciding the same case while apart, or amending the same
// field from different starting values. Both records are kept (events are never overwritten); the case shows the
// earliest decision and, per field, the latest amendment by time (not by arrival), and is flagged for a
// supervisor with both sides listed.
import type { RecordedEvent } from '../../../shared/events/catalogue';
import type { EventStore } from '../events/event-store';
import type { Projector } from '../events/projector';
import { AMENDMENT_COLUMNS, type CaseConflictView, type CaseRepository } from './case-repository';

export type { CaseConflictView, ConflictKind } from './case-repository';

export class CaseConflicts {
  constructor(
    private readonly events: EventStore,
    private readonly projector: Projector,
    private readonly cases: CaseRepository,
    private readonly now: () => Date,
  ) {}

  /** Called in the transaction that applied an event from another desk. */
  afterApply(event: RecordedEvent): void {
    if (event.caseId === null) return;
    if (event.type === 'case.decided') this.afterDecision(event.caseId);
    else if (event.type === 'case.amended' && event.schemaVersion === 2) this.afterAmendment(event.caseId, event.payload.field);
  }

  private afterDecision(caseId: string): void {
    const decisions = this.events.ofCase(caseId, 'case.decided');
    if (decisions.length < 2) return;
    // ofCase is in time order: the first decision stands on the case; every later one is a conflict with it.
    const [first, ...later] = decisions;
    for (const other of later) {
      if (other.deviceId !== first!.deviceId) this.cases.insertConflict(caseId, 'decided_twice', other.id, first!.id, this.now().toISOString());
    }
    if (first!.schemaVersion === 2) this.projector.apply(first!);
  }

  private afterAmendment(caseId: string, field: keyof typeof AMENDMENT_COLUMNS): void {
    const rows = this.cases.fieldAmendments(caseId, field);
    // Each amendment should start from the value the one before it (by time) left; one that does not, made at
    // another desk, was made without knowing the other.
    for (let i = 1; i < rows.length; i++) {
      const before = rows[i - 1]!;
      const row = rows[i]!;
      if (row.device_id !== before.device_id && row.old_value !== before.new_value) {
        this.cases.insertConflict(caseId, 'concurrent_amendments', row.event_id, before.event_id, this.now().toISOString());
      }
    }
    // The field shows the latest amendment by time, whatever order they arrived in.
    const latest = rows.at(-1);
    if (latest) this.cases.update(caseId, { [AMENDMENT_COLUMNS[field]]: JSON.parse(latest.new_value) as string | null });
  }

  /** The conflicts of one case, oldest first. */
  of(caseId: string): CaseConflictView[] {
    return this.cases.conflicts(caseId);
  }
}
