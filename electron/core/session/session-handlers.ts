// Owns the handlers of the session.* procedures; the session service decides, these only relay.
import { ok } from '../../../shared/contract';
import type { CoreContext, HandlerSlice } from '../core-context';

export function sessionHandlers({ session, sessions }: CoreContext): HandlerSlice<'session'> {
  return {
    'session.status': () => ok(session.view()),
    'session.signIn': (input) => sessions.signIn(input.officerNumber, input.password),
    'session.unlock': (input) => sessions.unlock(input.password),
    'session.touch': () => ok(session.view()!),
    'session.lock': () => sessions.lock(),
    'session.saveDraft': (input) => {
      session.saveDraft(input.draft);
      return ok({ done: true as const });
    },
    'session.draft': () => ok(session.draft()),
    'session.signOut': () => sessions.signOut(),
  };
}
