// Owns joining the domains' handler slices into the one table dispatch answers from. Each slice lives beside its
// service and answers every procedure of its domain; the type below fails to compile if a procedure has no handler.
// Authorisation has already happened in dispatch; handlers check only what depends on the data.
import { auditHandlers } from './audit/audit-handlers';
import { caseHandlers } from './cases/case-handlers';
import type { CoreContext, Handlers } from './core-context';
import { deskHandlers } from './desk/desk-handlers';
import { officerHandlers } from './officers/officer-handlers';
import { referenceHandlers } from './reference/reference-handlers';
import { reviewHandlers } from './review/review-handlers';
import { sessionHandlers } from './session/session-handlers';
import { settingsHandlers } from './settings/settings-handlers';
import { slipHandlers } from './slips/slip-handlers';
import { syncHandlers } from './sync/sync-handlers';

export function createHandlers(ctx: CoreContext): Handlers {
  return {
    ...deskHandlers(ctx),
    ...sessionHandlers(ctx),
    ...officerHandlers(ctx),
    ...settingsHandlers(ctx),
    ...auditHandlers(ctx),
    ...caseHandlers(ctx),
    ...slipHandlers(ctx),
    ...syncHandlers(ctx),
    ...reviewHandlers(ctx),
    ...referenceHandlers(ctx),
  };
}
