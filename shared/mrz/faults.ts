// Owns which of the engine's errors are faults of the document rather than of the text: a state code no
// issuer uses, and a field that no document may hold (a date that does not exist, a document code its format
// does not allow, a sex other than M, F, X or <). In text whose check digits hold and that was read surely,
// such a fault is printed on the document: the officer inspects it, and nothing done at a camera lifts it.
import type { MrzIssue } from './types';

export const DOCUMENT_FAULTS = ['unknown_state', 'impossible_field'] as const;
export type DocumentFault = (typeof DOCUMENT_FAULTS)[number];

const STATE_FIELDS: ReadonlySet<string> = new Set(['issuingState', 'nationality']);
/** Fields whose value is judged beyond its characters' classes (the check digit errors are the text's). */
const CONTENT_FIELDS: ReadonlySet<string> = new Set(['documentCode', 'birthDate', 'expiryDate', 'issueDate', 'sex']);

/** The value is one of DOCUMENT_FAULTS (a camera refusal or hint of the same name). */
export function isDocumentFault(value: string | null): value is DocumentFault {
  return (DOCUMENT_FAULTS as readonly (string | null)[]).includes(value);
}

/** The kind of document fault an engine error is, or null when it says the text is wrong. */
export function documentFaultOf(issue: MrzIssue): DocumentFault | null {
  if (STATE_FIELDS.has(issue.field)) return 'unknown_state';
  if (CONTENT_FIELDS.has(issue.field)) return 'impossible_field';
  return null;
}
