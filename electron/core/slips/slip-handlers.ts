// Owns the handlers of the slips.* procedures.
import { callingOfficer, type CoreContext, type HandlerSlice } from '../core-context';

export function slipHandlers(ctx: CoreContext): HandlerSlice<'slips'> {
  const { slips } = ctx;
  return {
    'slips.get': (input) => slips.get(input.caseId, callingOfficer(ctx)),
    'slips.print': (input) => slips.print(input.caseId, input.layout, input.copies, input.toPdf, callingOfficer(ctx)),
  };
}
