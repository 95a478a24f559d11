// Owns the handlers of the settings.* procedures.
import { fail, ok } from '../../../shared/contract';
import { callingOfficer, type CoreContext, type HandlerSlice } from '../core-context';

export function settingsHandlers(ctx: CoreContext): HandlerSlice<'settings'> {
  const { settings, sync, audit } = ctx;
  return {
    'settings.get': () => ok(settings.complete()),
    'settings.update': (input) => {
      // An enrolled desk's codes are the hub's: another desk may not share them, since case numbers carry them.
      const enrolled = sync.state.config();
      if (enrolled && ((input.airportCode && input.airportCode !== enrolled.airportCode) || (input.deskCode && input.deskCode !== enrolled.deskCode))) {
        return fail('conflict', `This desk is enrolled with the hub as ${enrolled.airportCode}-${enrolled.deskCode}; its codes are the hub's.`, {
          field: input.deskCode && input.deskCode !== enrolled.deskCode ? 'deskCode' : 'airportCode',
          reason: 'codesFromHub',
        });
      }
      const updated = settings.update(input);
      audit.append(callingOfficer(ctx).officerNumber, 'settings.updated', { changes: input });
      return ok(updated);
    },
  };
}
