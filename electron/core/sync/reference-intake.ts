// Owns taking the hub's reference revisions into this desk: each page is applied in one transaction with the cursor
// that ends it (a desk killed mid-page repeats the page, and a repeat changes nothing), each item in its own savepoint.
// Files go through the reference service's import rules, accounts through the officer service (the newer change
// stands). An item this desk cannot take is refused alone: recorded in reference_refused, audited, never retried
// (the hub's order is final; a corrected file comes as a new version), and the rest of the page goes on; a later
// revision of the same item, taken, overtakes the refusal (reference-refusals.ts).
import { z } from 'zod';
import { referenceRevisionSchema } from '../../../shared/contract/sync';
import type { Officer, RefusalReason } from '../../../shared/contract';
import type { AuditLog } from '../audit/audit-log';
import type { Db } from '../db/connection';
import type { OfficerService } from '../officers/officer-service';
import type { ReferenceService } from '../reference/reference-service';
import { takePulledPage } from './pulled-page';
import type { ReferenceRefusals } from './reference-refusals';

export interface ReferenceIntakeResult {
  /** Items that changed something here. */
  applied: number;
  /** Items this desk already held (or held newer). */
  known: number;
  /** Items refused (see reference_refused). */
  refused: number;
}

/** An account changed by the hub, after its page committed: the session of a deactivated officer must end. */
export type OfficerChanged = (officer: Officer) => void;

/** The parts of an item that still say what it was when the item itself cannot be read. */
const itemLabel = z.object({
  revision: z.number().int().optional(),
  item: z.object({ kind: z.string().max(40), version: z.string().max(64).optional(), officerNumber: z.string().max(32).optional() }).partial().optional(),
});

export class ReferenceIntake {
  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
    private readonly officers: OfficerService,
    private readonly audit: AuditLog,
    private readonly refusals: ReferenceRefusals,
    private readonly officerChanged: OfficerChanged = () => {},
  ) {}

  /** Applies one page of revisions (as the hub sent them, unread) and stores `commit` (the cursor) with it. */
  takePage(items: readonly unknown[], commit: () => void): ReferenceIntakeResult {
    const changed: Officer[] = [];
    const result = takePulledPage(this.db, items, ['applied', 'known', 'refused'], (raw) => this.takeOne(raw, changed), commit);
    // Only after the commit: a session ended for a change that then rolled back would be ended for nothing.
    for (const officer of changed) this.officerChanged(officer);
    return result;
  }

  private takeOne(raw: unknown, changed: Officer[]): keyof ReferenceIntakeResult {
    const parsed = referenceRevisionSchema.safeParse(raw);
    if (!parsed.success) {
      const label = itemLabel.safeParse(raw);
      const revision = label.success ? (label.data.revision ?? null) : null;
      const item = label.success ? label.data.item : undefined;
      const issue = parsed.error.issues[0];
      const problem = `${issue?.path.join('.') || '(item)'}: ${issue?.message ?? 'unreadable'}`;
      return this.refused(revision, item?.kind ?? 'unknown', item?.version ?? item?.officerNumber ?? '?', { code: 'unreadable', problems: [problem] });
    }
    const { revision, item } = parsed.data;
    // A savepoint: a failed step leaves nothing half-applied, and the page goes on.
    return this.db.transaction((): keyof ReferenceIntakeResult => {
      if (item.kind === 'officer') {
        const received = this.officers.receive(item, revision);
        if (!received.ok) return this.refused(revision, item.kind, item.officerNumber, received);
        this.refusals.overtaken(item.kind, item.officerNumber, revision);
        if (!received.applied) return 'known';
        changed.push(received.officer, ...received.nowFollowingHub);
        return 'applied';
      }
      const received = this.reference.receive(item, revision);
      if (!received.ok) return this.refused(revision, item.kind, item.version, received);
      this.refusals.overtaken(item.kind, item.version, revision);
      if (!received.applied) return 'known';
      return 'applied';
    })();
  }

  private refused(revision: number | null, kind: string, key: string, reason: RefusalReason): 'refused' {
    this.refusals.record('received', revision, kind, key, reason);
    this.audit.append(null, 'reference.refused', { revision, kind, key, code: reason.code, problem: reason.problems.join('; ') });
    return 'refused';
  }
}
