// Owns the columns of the review's CSV export (README "CSV export" lists them): one record per hold, codes as the
// contract spells them (decisions, states, outcomes), times as ISO 8601 instants in UTC, areas by code and name, and
// the document number masked as on the slip unless the supervisor asked for it in full.
import { maskDocumentNumber } from '../../../shared/slips/slip-model';
import { provinceName, regencyName } from '../../../shared/reference-data/areas';
import { toCsv } from './csv';
import type { ExportHold } from './review-repository';

type Column = readonly [header: string, value: (hold: ExportHold, fullNumbers: boolean) => string | null];

export const CSV_COLUMNS: readonly Column[] = [
  ['case_number', (h) => h.caseNumber],
  ['opened_at', (h) => h.openedAt],
  ['desk_code', (h) => h.deskCode],
  ['desk_name', (h) => h.deskName],
  ['officer_number', (h) => h.officerNumber],
  ['officer_name', (h) => h.officerName],
  ['agency', (h) => h.agency],
  ['decision', (h) => h.decision],
  ['risk_level', (h) => h.riskLevel],
  ['review_state', (h) => h.state],
  ['surname', (h) => h.surname],
  ['given_names', (h) => h.givenNames],
  ['nationality', (h) => h.nationality],
  ['birth_date', (h) => h.birthDate],
  ['document_number', (h, full) => (full ? h.documentNumber : maskDocumentNumber(h.documentNumber))],
  ['destination_country', (h) => h.destinationCountry],
  ['origin_province_code', (h) => h.originProvince],
  ['origin_province', (h) => provinceName(h.originProvince)],
  ['origin_regency_code', (h) => h.originRegency],
  ['origin_regency', (h) => regencyName(h.originRegency)],
  ['traveller_outcome', (h) => h.travellerOutcome],
  ['outcome_at', (h) => h.outcomeHappenedAt],
  ['signed_off_at', (h) => h.signedOffAt],
  ['signed_off_by', (h) => h.signedOffBy],
  ['signed_off_by_name', (h) => h.signedOffByName],
];

export function holdsCsv(holds: readonly ExportHold[], fullNumbers: boolean): string {
  return toCsv(
    CSV_COLUMNS.map(([header]) => header),
    holds.map((hold) => CSV_COLUMNS.map(([, value]) => value(hold, fullNumbers))),
  );
}
