// Owns the JSON object the CLI prints per document (also what tests and tools compare against).

import type { MrzCheckName, MrzFieldName, MrzResult } from './types';

const FIELD_KEYS: MrzFieldName[] = [
  'documentCode',
  'issuingState',
  'primaryIdentifier',
  'secondaryIdentifier',
  'documentNumber',
  'nationality',
  'birthDate',
  'sex',
  'expiryDate',
  'optionalData',
];

/**
 * `{format, valid, fields, checks, errors, notices, corrections, normalised}`: `valid` and `errors` judge
 * the reading (check digits, malformed fields, impossible dates, unknown state codes), `notices` are
 * facts about a document read correctly (expired, expires soon, minor, no state). Field values are the
 * display values (names with spaces, fillers stripped, dates YYYY-MM-DD with XX), null when a field is
 * absent from the format or too malformed to read. A check is null when the format has none.
 * Not-an-MRZ input gives only `{format: null, valid: false, errors}`.
 */
export function toCliJson(result: MrzResult): object {
  if (result.format === null) return { format: null, valid: false, errors: result.errors };
  const fields: Record<string, string | null> = {};
  for (const k of FIELD_KEYS) fields[k] = result.fields[k]?.value ?? null;
  if (result.format === 'TD1') fields.optionalData2 = result.fields.optionalData2?.value ?? null;
  if (result.format === 'FRENCH_ID') fields.issueDate = result.fields.issueDate?.value ?? null;
  const checks: Record<MrzCheckName, boolean | null> = {
    documentNumber: null,
    birthDate: null,
    expiryDate: null,
    optionalData: null,
    composite: null,
  };
  for (const c of result.checks) checks[c.name] = c.valid;
  return {
    format: result.format,
    valid: result.valid,
    fields,
    checks,
    errors: result.errors,
    notices: result.notices,
    corrections: result.corrections,
    normalised: result.normalised,
  };
}
