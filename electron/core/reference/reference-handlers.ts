// Owns the handlers of the reference.* procedures: the checklist, country rules and watch list in force, and imports.
import { fail, ok } from '../../../shared/contract';
import { callingOfficer, type CoreContext, type HandlerSlice } from '../core-context';

export function referenceHandlers(ctx: CoreContext): HandlerSlice<'reference'> {
  const { reference, now } = ctx;
  return {
    'reference.current': () =>
      ok({
        checklist: reference.checklist(),
        countryRules: reference.countryRules(),
        versions: {
          checklist: reference.checklist().version,
          countryRules: reference.countryRules().version,
          watchList: reference.watchListVersion(),
        },
      }),
    'reference.checklist': (input) => ok(reference.checklistFor(input.version)),
    'reference.import': (input) => {
      const result = reference.import(input.kind, input.content, callingOfficer(ctx).officerNumber, now().toISOString());
      if (!result.ok) {
        return fail('invalid_input', `The file was refused: ${result.problems.join('; ')}`, {
          field: 'content',
          reason: 'referenceFileRefused',
          problems: result.problems,
        });
      }
      return ok({ kind: input.kind, version: result.version });
    },
  };
}
