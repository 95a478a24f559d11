// Owns the handlers of the audit.* procedures: the log, its chain, the tamper check and the desk's diagnostics.
import { ok } from '../../../shared/contract';
import type { CoreContext, HandlerSlice } from '../core-context';
import { diagnostics } from '../desk/diagnostics';

export function auditHandlers({ db, audit, integrity, dataDir, diskEncryption, version, reference, sync }: CoreContext): HandlerSlice<'audit'> {
  return {
    'audit.recent': (input) => ok(audit.recent(input.limit)),
    // Paged, so a long chain does not hold up the other calls while it is walked.
    'audit.verify': async () => ok(await audit.verifyInBackground(() => new Promise((resolve) => setImmediate(resolve)))),
    'audit.diagnostics': () =>
      ok(diagnostics({ db, audit, integrity, dataDir, diskEncryption, appVersion: version, reference: () => sync.referenceStatus(reference) })),
    'audit.integrity': () => ok(integrity.latest()),
  };
}
