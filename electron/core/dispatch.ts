// Owns the single door into the core: validate the input, authorise against the core's own session,
// run the handler, check the output, and turn every failure into a coded error instead of a throw.
import type { z } from 'zod';
import { fail, isProcedureName, procedures, type CallResult, type ProcedureName } from '../../shared/contract';
import type { Handlers } from './core-context';
import type { DeskSession } from './session/desk-session';

/** The first problem of an input: its field, and the catalogue's reason when the contract's rule names one. */
export function describeInvalidInput(error: z.ZodError): { field: string; message: string; reason?: string } {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
  const reason = issue?.code === 'custom' && typeof issue.params?.reason === 'string' ? issue.params.reason : undefined;
  return { field, message: `${field}: ${issue?.message ?? 'invalid'}`, ...(reason ? { reason } : {}) };
}

export function createDispatch(handlers: Handlers, session: DeskSession, log: (error: unknown) => void) {
  return async function dispatch(name: string, input: unknown): Promise<CallResult<unknown>> {
    try {
      if (!isProcedureName(name)) return fail('unknown_procedure', `There is no procedure named "${name}".`);
      const spec = procedures[name];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const { field, message, reason } = describeInvalidInput(parsed.error);
        return fail('invalid_input', message, { field, ...(reason ? { reason } : {}) });
      }
      if (spec.access !== 'public') {
        const officer = session.officer;
        if (!officer) return fail('not_signed_in', 'Sign in first.');
        if (session.isLocked() && !spec.whileLocked) return fail('locked', 'The desk is locked; unlock it first.');
        if (!spec.access.includes(officer.role)) {
          return fail('forbidden', `"${name}" is not allowed for the ${officer.role} role.`);
        }
        // Any authorised call is activity at the desk.
        session.touch();
      }
      const handler = handlers[name] as (input: unknown) => Promise<CallResult<unknown>> | CallResult<unknown>;
      const result = await handler(parsed.data);
      if (!result.ok) return result;
      const checked = (spec.output as z.ZodType).safeParse(result.value);
      if (!checked.success) {
        log(new Error(`Output of ${name as ProcedureName} breaks the contract: ${checked.error.message}`));
        return fail('internal', 'The desk core produced an unexpected answer.');
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      log(error);
      return fail('internal', 'Something went wrong in the desk core. What was saved before is kept.');
    }
  };
}
