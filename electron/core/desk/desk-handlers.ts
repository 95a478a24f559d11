// Owns the handlers of the app.* procedures: what the renderer learns about this desk before anyone signs in.
import { ok } from '../../../shared/contract';
import type { CoreContext, HandlerSlice } from '../core-context';

export function deskHandlers({ officers, identity, settings, sync, version }: CoreContext): HandlerSlice<'app'> {
  return {
    'app.info': () =>
      ok({
        setupNeeded: officers.repository.count() === 0,
        demo: identity.demo,
        deskId: identity.deviceId,
        deskName: settings.get().deskName,
        version,
        defaultLanguage: settings.get().defaultLanguage,
        sync: sync.status(),
      }),
  };
}
