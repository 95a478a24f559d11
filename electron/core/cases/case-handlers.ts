// Owns the handlers of the cases.* procedures.
import { ok } from '../../../shared/contract';
import { callingOfficer, type CoreContext, type HandlerSlice } from '../core-context';
import { hubHistory } from './hub-history';

export function caseHandlers(ctx: CoreContext): HandlerSlice<'cases'> {
  const { cases, sync, audit } = ctx;
  const officer = () => callingOfficer(ctx);
  return {
    'cases.open': (input) => cases.open(input, officer()),
    'cases.get': (input) => cases.get(input.caseId, officer()),
    'cases.hubHistory': (input) => hubHistory(input.caseId, officer(), { cases, sync, audit }),
    'cases.recordTravel': (input) => cases.recordTravel(input, officer()),
    'cases.recordOrigin': (input) => cases.recordOrigin(input, officer()),
    'cases.recordAnswers': (input) => cases.recordAnswers(input, officer()),
    'cases.decide': (input) => cases.decide(input, officer()),
    'cases.countersign': (input) => cases.countersign(input.caseId, officer()),
    'cases.amend': (input) => cases.amend(input, officer()),
    'cases.search': (input) => ok(cases.search(input, officer())),
  };
}
