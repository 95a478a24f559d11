// Owns the handlers of the officers.* procedures and of first-run setup (which creates the first officer).
import { fail, ok } from '../../../shared/contract';
import { callingOfficer, type CoreContext, type HandlerSlice } from '../core-context';
import { publicOfficer } from './officer-repository';

export function officerHandlers(ctx: CoreContext): HandlerSlice<'officers' | 'setup'> {
  const { officers, session, settings, audit } = ctx;
  const actor = () => callingOfficer(ctx).officerNumber;
  return {
    'setup.createFirstAdmin': async ({ airportCode, deskCode, ...admin }) => {
      if (officers.repository.count() > 0) return fail('setup_done', 'This desk already has officers; sign in instead.');
      // The codes commit with the first admin or not at all: a desk with officers always has its desk code.
      return officers.createFirstAdmin(admin, (created) => {
        settings.setCodes(airportCode, deskCode);
        audit.append(created.officerNumber, 'settings.updated', { changes: { airportCode, deskCode } });
      });
    },
    'officers.list': () => ok(officers.repository.list().map(publicOfficer)),
    'officers.create': (input) => officers.create(input, actor()),
    'officers.resetPassword': (input) => officers.resetPassword(input.officerId, input.password, actor()),
    'officers.setActive': (input) => {
      const result = officers.setActive(input.officerId, input.active, callingOfficer(ctx));
      if (result.ok) session.refreshOfficer(result.value);
      return result;
    },
  };
}
