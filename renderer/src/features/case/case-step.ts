// Owns the shape of a step an officer takes on a case (travel, origin, countersignature, an amendment): a procedure
// that answers with the case as it now stands. The case screen runs every step through its one useAction, so a
// refusal lands in the case's banner and the answer is shown at once; the panels only say which step and with what.
import type { CallResult, CaseDetail, InputOf, OutputOf, ProcedureName } from '../../../../shared/contract';

export type CaseStepName = { [N in ProcedureName]: OutputOf<N> extends CaseDetail ? N : never }[ProcedureName];
export type CaseStep = <N extends CaseStepName>(name: N, input: InputOf<N>) => Promise<CallResult<CaseDetail>>;
