// Owns referral slips in the core: the slip's content for a decided case, and each print or reprint
// as an event, so the case shows how many times and by whom.
import { fail, ok, type CallResult, type Officer, type OutputOf, type PrintRecord, type SlipLayout, type SlipModel } from '../../../shared/contract';
import { buildSlip } from '../../../shared/slips/slip-model';
import type { AuditLog } from '../audit/audit-log';
import type { CaseService } from '../cases/case-service';
import type { Db } from '../db/connection';
import type { EventStore } from '../events/event-store';
import type { SettingsService } from '../settings/settings-service';
import type { ShellCapabilities } from '../types';

export class SlipService {
  constructor(
    private readonly db: Db,
    private readonly events: EventStore,
    private readonly audit: AuditLog,
    private readonly cases: CaseService,
    private readonly settings: SettingsService,
    private readonly now: () => Date,
    private readonly shell: ShellCapabilities | null = null,
  ) {}

  get(caseIdOrNumber: string, viewer: Officer): CallResult<{ slip: SlipModel; layout: SlipLayout; copies: number; prints: PrintRecord[] }> {
    const detail = this.cases.peek(caseIdOrNumber);
    if (!detail) return fail('not_found', 'This desk has no such case.', { field: 'caseId', reason: 'caseNotHere' });
    const settings = this.settings.complete();
    const slip = buildSlip(detail, settings, this.now());
    if (!slip) return fail('conflict', 'A slip is printed once the case is decided.', { reason: 'slipBeforeDecision' });
    this.audit.append(viewer.officerNumber, 'slip.viewed', { caseId: detail.id, caseNumber: detail.caseNumber });
    return ok({ slip, layout: settings.slipLayout, copies: settings.slipCopies, prints: this.prints(detail.id) });
  }

  /**
   * Prints through the shell when it can and records the print only after the shell says it happened: a cancelled
   * save or print dialog leaves no record. Without a shell the print is recorded and the renderer prints.
   */
  async print(caseId: string, layout: SlipLayout, copies: number, toPdf: boolean, officer: Officer): Promise<CallResult<OutputOf<'slips.print'>>> {
    const detail = this.cases.peek(caseId);
    if (!detail) return fail('not_found', 'This desk has no such case.', { field: 'caseId', reason: 'caseNotHere' });
    if (!detail.decisionDetail) return fail('conflict', 'A slip is printed once the case is decided.', { reason: 'slipBeforeDecision' });
    if (!this.shell) {
      this.record(detail.id, detail.caseNumber, layout, copies, toPdf, officer);
      return ok({ caseNumber: detail.caseNumber, prints: this.prints(detail.id), printedByShell: false, shellOutcome: null });
    }
    const happened = toPdf
      ? await this.shell.savePagePdf(`${detail.caseNumber}.pdf`)
      : await this.shell.printSlip(layout, copies, this.settings.get().printerName);
    if (happened) this.record(detail.id, detail.caseNumber, layout, copies, toPdf, officer);
    const shellOutcome = !happened ? 'cancelled' : toPdf ? 'saved' : 'printed';
    return ok({ caseNumber: detail.caseNumber, prints: this.prints(detail.id), printedByShell: true, shellOutcome });
  }

  private record(caseId: string, caseNumber: string, layout: SlipLayout, copies: number, toPdf: boolean, officer: Officer): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const reprint = this.prints(caseId).length > 0;
      this.events.append('slip.printed', caseId, officer.officerNumber, at, { layout, copies, reprint, toPdf, officerName: officer.name });
      this.audit.append(officer.officerNumber, reprint ? 'slip.reprinted' : 'slip.printed', { caseId, caseNumber, layout, copies, toPdf });
    }).immediate();
  }

  private prints(caseId: string): PrintRecord[] {
    return this.events.ofCase(caseId, 'slip.printed').map(({ at, officerNumber, payload }) => ({ at, officerNumber, ...payload }));
  }
}
