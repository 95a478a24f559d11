// Owns conflicts between desks on one case: two desks deciding the same case while apart, or amending the same
// field from different starting values. Both records are kept (events are never overwritten); the case shows the
// earliest decision and, per field, the latest amendment by time (not by arrival), and is flagged for a
// supervisor with both sides listed.
import type { RecordedEvent } from '../../../shared/events/catalogue';
import type { Db } from '../db/connection';
import type { EventStore } from '../events/event-store';
import type { Projector } from '../events/projector';
import { AMENDMENT_COLUMNS, type CaseRepository } from './case-repository';

export type ConflictKind = 'decided_twice' | 'concurrent_amendments';

export interface CaseConflictView {
  kind: ConflictKind;
  /** The amended field, for concurrent amendments. */
  field: string | null;
  detectedAt: string;
  /** Both sides, the earlier first: who, when, and the value each recorded. */
  sides: { at: string; officerNumber: string; value: string | null }[];
}

interface AmendmentRow {
  event_id: string;
  old_value: string;
  new_value: string;
  at: string;
  device_id: string;
}

export class CaseConflicts {
  private readonly record;

  constructor(
    private readonly db: Db,
    private readonly events: EventStore,
    private readonly projector: Projector,
    private readonly cases: CaseRepository,
    private readonly now: () => Date,
  ) {
    this.record = db.prepare(
      'INSERT OR IGNORE INTO case_conflicts (case_id, kind, event_id, other_event_id, detected_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

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
      if (other.deviceId !== first!.deviceId) this.record.run(caseId, 'decided_twice', other.id, first!.id, this.now().toISOString());
    }
    if (first!.schemaVersion === 2) this.projector.apply(first!);
  }

  private afterAmendment(caseId: string, field: keyof typeof AMENDMENT_COLUMNS): void {
    const rows = this.db
      .prepare(
        `SELECT a.event_id, a.old_value, a.new_value, a.at, e.device_id FROM amendments a JOIN events e ON e.id = a.event_id
         WHERE a.case_id = ? AND a.field = ? ORDER BY a.at, e.device_id, e.device_seq`,
      )
      .all(caseId, field) as AmendmentRow[];
    // Each amendment should start from the value the one before it (by time) left; one that does not, made at
    // another desk, was made without knowing the other.
    for (let i = 1; i < rows.length; i++) {
      const before = rows[i - 1]!;
      const row = rows[i]!;
      if (row.device_id !== before.device_id && row.old_value !== before.new_value) {
        this.record.run(caseId, 'concurrent_amendments', row.event_id, before.event_id, this.now().toISOString());
      }
    }
    // The field shows the latest amendment by time, whatever order they arrived in.
    const latest = rows.at(-1);
    if (latest) this.cases.update(caseId, { [AMENDMENT_COLUMNS[field]]: JSON.parse(latest.new_value) as string | null });
  }

  /** The conflicts of one case, oldest first. */
  of(caseId: string): CaseConflictView[] {
    const rows = this.db
      .prepare(
        `SELECT c.kind, c.detected_at, o.at AS first_at, o.officer_number AS first_by, o.type AS first_type, o.payload AS first_payload,
                e.at AS second_at, e.officer_number AS second_by, e.payload AS second_payload
         FROM case_conflicts c JOIN events e ON e.id = c.event_id JOIN events o ON o.id = c.other_event_id
         WHERE c.case_id = ? ORDER BY c.id`,
      )
      .all(caseId) as {
      kind: ConflictKind;
      detected_at: string;
      first_at: string;
      first_by: string;
      first_payload: string;
      second_at: string;
      second_by: string;
      second_payload: string;
    }[];
    const valueOf = (kind: ConflictKind, payload: string): string | null => {
      const parsed = JSON.parse(payload) as { outcome?: string; to?: string | null };
      return kind === 'decided_twice' ? (parsed.outcome ?? null) : (parsed.to ?? null);
    };
    return rows.map((row) => ({
      kind: row.kind,
      field: row.kind === 'concurrent_amendments' ? ((JSON.parse(row.second_payload) as { field: string }).field ?? null) : null,
      detectedAt: row.detected_at,
      sides: [
        { at: row.first_at, officerNumber: row.first_by, value: valueOf(row.kind, row.first_payload) },
        { at: row.second_at, officerNumber: row.second_by, value: valueOf(row.kind, row.second_payload) },
      ],
    }));
  }
}
