// Owns the handlers of the review.* procedures (supervisors' daily review, report and export).
import { ok } from '../../../shared/contract';
import { callingOfficer, type CoreContext, type HandlerSlice } from '../core-context';

export function reviewHandlers(ctx: CoreContext): HandlerSlice<'review'> {
  const { review } = ctx;
  const officer = () => callingOfficer(ctx);
  return {
    'review.queue': (input) => ok(review.queue(input, officer())),
    'review.case': (input) => review.detail(input.caseId, officer()),
    'review.countersign': (input) => review.countersign(input.caseId, input.password, officer()),
    'review.recordOutcome': (input) => review.recordOutcome(input, officer()),
    'review.addNote': (input) => review.addNote(input, officer()),
    'review.signOff': (input) => review.signOff(input.caseId, officer()),
    'review.exportCsv': (input) => review.exportCsv(input, officer()),
    'review.report': (input) => ok(review.report(input, officer())),
    'review.exportReportPdf': (input) => review.exportReportPdf(input, officer()),
    'review.reportPdfSaved': (input) => review.reportPdfSaved(input.exportId, input.savedAs, officer()),
    'review.csvSaved': (input) => review.csvSaved(input.exportId, input.savedAs, officer()),
  };
}
