// Owns the handlers of the sync.* procedures.
import { ok } from '../../../shared/contract';
import { callingOfficer, type CoreContext, type HandlerSlice } from '../core-context';

export function syncHandlers(ctx: CoreContext): HandlerSlice<'sync'> {
  const { sync } = ctx;
  return {
    'sync.status': () => ok(sync.status()),
    'sync.now': async () => ok(await sync.syncNow()),
    'sync.refusalsSeen': () => ok(sync.refusalsSeen(callingOfficer(ctx).officerNumber)),
    'sync.enroll': (input) => sync.enroll(input.hubUrl, input.code, callingOfficer(ctx).officerNumber),
  };
}
