// Owns the cases and amendments tables: rows in, rows out, history and search queries. No rules here.
import type { AMENDABLE_FIELDS, CaseSummary, HistoryEntry } from '../../../shared/contract';
import type Database from 'better-sqlite3';
import type { Db } from '../db/connection';

type Statement = Database.Statement<unknown[]>;

export interface CaseRow {
  id: string;
  case_number: string;
  device_id: string;
  desk_name: string;
  opened_at: string;
  opened_by: string;
  opened_by_name: string;
  source: string;
  mrz: string;
  mrz_valid: number;
  document_code: string | null;
  document_number: string;
  issuing_state: string | null;
  nationality: string | null;
  primary_name: string;
  secondary_name: string;
  name_key: string;
  birth_date: string | null;
  sex: string | null;
  expiry_date: string | null;
  flight: string | null;
  travel_date: string | null;
  destination_airport: string | null;
  destination_country: string | null;
  checklist_version: string;
  answers: string;
  risk: string;
  status: 'open' | 'decided' | 'awaiting_countersignature';
  decision: string | null;
  reasons: string;
  legal_ground: string | null;
  note: string;
  decided_at: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_by_agency: string | null;
  countersigned_by: string | null;
  countersigned_by_name: string | null;
  countersigned_at: string | null;
  contact_phone: string | null;
  contact_address: string | null;
  contact_consent: number | null;
  // The supervisor's review (migration 6), written only by the review events' projections.
  signed_off_at: string | null;
  signed_off_by: string | null;
  signed_off_by_name: string | null;
  /** Which event the sign-off came from, so that every desk keeps the same one whatever order events arrive in. */
  signed_off_event_id: string | null;
  traveller_outcome: string | null;
  traveller_outcome_happened_at: string | null;
  traveller_outcome_note: string | null;
  traveller_outcome_recorded_at: string | null;
  traveller_outcome_by: string | null;
  traveller_outcome_by_name: string | null;
  traveller_outcome_event_id: string | null;
  origin_province: string | null;
  origin_regency: string | null;
}

/**
 * Columns the database keeps from others by its own triggers (migration 11: the risk's level and indicator ids, for
 * the report's index). A row read back carries them; a row the service means to write does not set them.
 */
export const KEPT_BY_DATABASE = ['risk_level', 'indicator_ids'] as const;

/** The column each amendable field corrects. */
export const AMENDMENT_COLUMNS = {
  flight: 'flight',
  travelDate: 'travel_date',
  destinationAirport: 'destination_airport',
  destinationCountry: 'destination_country',
  note: 'note',
  reasons: 'reasons',
  legalGround: 'legal_ground',
  contactPhone: 'contact_phone',
  contactAddress: 'contact_address',
} as const satisfies Record<(typeof AMENDABLE_FIELDS)[number], keyof CaseRow>;

/** The fields that are the decision itself: only the deciding agency amends them (outcome is never amended). */
export const DECISION_SUBSTANCE_FIELDS: ReadonlySet<(typeof AMENDABLE_FIELDS)[number]> = new Set(['note', 'reasons', 'legalGround']);

export interface AmendmentRow {
  field: string;
  old_value: string;
  new_value: string;
  reason: string;
  author: string;
  author_name: string;
  at: string;
}

export interface SupervisorNoteRow {
  author: string;
  author_name: string;
  at: string;
  note: string;
}

export type ConflictKind = 'decided_twice' | 'concurrent_amendments';

export interface CaseConflictView {
  kind: ConflictKind;
  /** The amended field, for concurrent amendments. */
  field: string | null;
  detectedAt: string;
  /** Both sides, the earlier first: who, when, and the value each recorded. */
  sides: { at: string; officerNumber: string; value: string | null }[];
}

/** An amendment of one field with the desk it was made at. */
export interface FieldAmendment {
  event_id: string;
  old_value: string;
  new_value: string;
  at: string;
  device_id: string;
}

export interface SearchFilter {
  documentNumber?: string;
  name?: string;
  from?: string;
  to?: string;
  decision?: string;
  desk?: string;
  status?: string;
  limit: number;
}

/** Upper case, letters and digits only, single spaces: the form names are compared in. */
export function nameKey(primary: string, secondary: string): string {
  return `${primary} ${secondary}`.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
}

export function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    openedAt: row.opened_at,
    deskName: row.desk_name,
    officerName: row.decided_by_name ?? row.opened_by_name,
    officerNumber: row.decided_by ?? row.opened_by,
    status: row.status,
    decision: row.decision as CaseSummary['decision'],
    reasons: JSON.parse(row.reasons) as string[],
    documentNumber: row.document_number,
    name: [row.primary_name, row.secondary_name].filter(Boolean).join(', '),
    birthDate: row.birth_date,
    nationality: row.nationality,
  };
}

const SUMMARY_COLUMNS = `id, case_number, desk_name, opened_at, opened_by, opened_by_name, status, decision, reasons, document_number,
  primary_name, secondary_name, birth_date, nationality, decided_by, decided_by_name`;

export class CaseRepository {
  /** Statements by their SQL: the projector and the tamper check run these for every event of every case. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  byId(id: string): CaseRow | undefined {
    return this.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  }

  byNumber(caseNumber: string): CaseRow | undefined {
    return this.prepare('SELECT * FROM cases WHERE case_number = ?').get(caseNumber) as CaseRow | undefined;
  }

  /** Case ids in id order after `after`: up to and including `upTo`, or the first `limit` of them. */
  /**
   * Empties the case tables of a throwaway in-memory copy (the tamper check rebuilds cases there, a page at a time).
   * Refused on a database file: a desk's cases are never deleted.
   */
  emptyScratchCopy(): void {
    if (!this.db.memory) throw new Error('only an in-memory scratch copy of the case tables may be emptied');
    for (const table of ['amendments', 'supervisor_notes', 'case_conflicts', 'cases']) this.prepare(`DELETE FROM ${table}`).run();
  }

  idsAfter(after: string, bound: { upTo: string } | { limit: number }): string[] {
    return 'upTo' in bound
      ? (this.prepare('SELECT id FROM cases WHERE id > ? AND id <= ? ORDER BY id').pluck().all(after, bound.upTo) as string[])
      : (this.prepare('SELECT id FROM cases WHERE id > ? ORDER BY id LIMIT ?').pluck().all(after, bound.limit) as string[]);
  }

  /** The highest case number that starts with `prefix` (digits and capitals sort below '~'), if any. */
  highestNumberStartingWith(prefix: string): string | undefined {
    return this
      .prepare('SELECT case_number FROM cases WHERE case_number >= ? AND case_number < ? ORDER BY case_number DESC LIMIT 1')
      .pluck()
      .get(prefix, `${prefix}~`) as string | undefined;
  }

  insert(row: CaseRow): void {
    const columns = Object.keys(row);
    this
      .prepare(`INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
      .run(row);
  }

  update(id: string, changes: Partial<CaseRow>): void {
    const columns = Object.keys(changes);
    if (columns.length === 0) return;
    this.prepare(`UPDATE cases SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...changes, id });
  }

  amendments(caseId: string): AmendmentRow[] {
    return this
      .prepare('SELECT field, old_value, new_value, reason, author, author_name, at FROM amendments WHERE case_id = ? ORDER BY at, id')
      .all(caseId) as AmendmentRow[];
  }

  hasAmendment(eventId: string): boolean {
    return this.prepare('SELECT 1 FROM amendments WHERE event_id = ?').get(eventId) !== undefined;
  }

  insertAmendment(caseId: string, eventId: string, amendment: AmendmentRow): void {
    this
      .prepare(
        'INSERT INTO amendments (case_id, event_id, field, old_value, new_value, reason, author, author_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(caseId, eventId, amendment.field, amendment.old_value, amendment.new_value, amendment.reason, amendment.author, amendment.author_name, amendment.at);
  }

  /** A field's amendments by time (then desk and sequence, so every desk sees one order), with the desk of each. */
  fieldAmendments(caseId: string, field: string): FieldAmendment[] {
    return this
      .prepare(
        `SELECT a.event_id, a.old_value, a.new_value, a.at, e.device_id FROM amendments a JOIN events e ON e.id = a.event_id
         WHERE a.case_id = ? AND a.field = ? ORDER BY a.at, e.device_id, e.device_seq`,
      )
      .all(caseId, field) as FieldAmendment[];
  }

  /** Records that an event conflicts with an earlier one; the same pair again adds nothing. */
  insertConflict(caseId: string, kind: ConflictKind, eventId: string, otherEventId: string, detectedAt: string): void {
    this
      .prepare('INSERT OR IGNORE INTO case_conflicts (case_id, kind, event_id, other_event_id, detected_at) VALUES (?, ?, ?, ?, ?)')
      .run(caseId, kind, eventId, otherEventId, detectedAt);
  }

  /** The conflicts of one case, oldest first, each side read from its event's payload. */
  conflicts(caseId: string): CaseConflictView[] {
    const rows = this
      .prepare(
        `SELECT c.kind, c.detected_at, o.at AS first_at, o.officer_number AS first_by, o.type AS first_type, o.payload AS first_payload,
                e.at AS second_at, e.officer_number AS second_by, e.payload AS second_payload
         FROM case_conflicts c JOIN events e ON e.id = c.event_id JOIN events o ON o.id = c.other_event_id
         WHERE c.case_id = ? ORDER BY c.id`,
      )
      .all(caseId) as {
      kind: ConflictKind;
      detected_at: string;
      first_at: string;
      first_by: string;
      first_payload: string;
      second_at: string;
      second_by: string;
      second_payload: string;
    }[];
    const valueOf = (kind: ConflictKind, payload: string): string | null => {
      const parsed = JSON.parse(payload) as { outcome?: string; to?: string | null };
      return kind === 'decided_twice' ? (parsed.outcome ?? null) : (parsed.to ?? null);
    };
    return rows.map((row) => ({
      kind: row.kind,
      field: row.kind === 'concurrent_amendments' ? ((JSON.parse(row.second_payload) as { field: string }).field ?? null) : null,
      detectedAt: row.detected_at,
      sides: [
        { at: row.first_at, officerNumber: row.first_by, value: valueOf(row.kind, row.first_payload) },
        { at: row.second_at, officerNumber: row.second_by, value: valueOf(row.kind, row.second_payload) },
      ],
    }));
  }

  supervisorNotes(caseId: string): SupervisorNoteRow[] {
    return this.prepare('SELECT author, author_name, at, note FROM supervisor_notes WHERE case_id = ? ORDER BY at, id').all(caseId) as SupervisorNoteRow[];
  }

  /** Stores a supervisor's note once per event: applying the event again adds nothing. */
  insertSupervisorNote(caseId: string, eventId: string, note: SupervisorNoteRow): void {
    this
      .prepare('INSERT OR IGNORE INTO supervisor_notes (case_id, event_id, author, author_name, at, note) VALUES (?, ?, ?, ?, ?, ?)')
      .run(caseId, eventId, note.author, note.author_name, note.at, note.note);
  }

  /** Earlier encounters: the same document number, or the same name and birth date, newest first. */
  history(excludeId: string, documentNumber: string, key: string, birthDate: string | null, limit = 20): HistoryEntry[] {
    const byDocument = this
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM cases WHERE document_number = ? AND id != ? ORDER BY opened_at DESC LIMIT ?`)
      .all(documentNumber, excludeId, limit) as CaseRow[];
    const byName =
      birthDate && key
        ? (this
            .prepare(`SELECT ${SUMMARY_COLUMNS} FROM cases WHERE name_key = ? AND birth_date = ? AND id != ? ORDER BY opened_at DESC LIMIT ?`)
            .all(key, birthDate, excludeId, limit) as CaseRow[])
        : [];
    const seen = new Set<string>();
    const entries: HistoryEntry[] = [];
    for (const [rows, matchedBy] of [
      [byDocument, 'document'],
      [byName, 'name_birth'],
    ] as const) {
      for (const row of rows) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        entries.push({ ...toSummary(row), matchedBy });
      }
    }
    return entries.sort((a, b) => b.openedAt.localeCompare(a.openedAt)).slice(0, limit);
  }

  search(filter: SearchFilter): CaseSummary[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit };
    if (filter.documentNumber) {
      where.push('document_number = @documentNumber');
      params.documentNumber = filter.documentNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');
    }
    if (filter.name) {
      // A prefix range on the indexed key, rather than LIKE, so the index serves it whatever the collation.
      const prefix = nameKey(filter.name, '');
      where.push('name_key >= @namePrefix AND name_key < @nameEnd');
      params.namePrefix = prefix;
      params.nameEnd = `${prefix}\uffff`;
    }
    if (filter.from) {
      where.push('opened_at >= @from');
      params.from = filter.from;
    }
    if (filter.to) {
      where.push('opened_at < @to');
      params.to = `${filter.to}\uffff`;
    }
    if (filter.decision === 'undecided') where.push('decision IS NULL');
    else if (filter.decision) {
      where.push('decision = @decision');
      params.decision = filter.decision;
    }
    if (filter.status) {
      where.push('status = @status');
      params.status = filter.status;
    }
    if (filter.desk) {
      where.push('desk_name = @desk');
      params.desk = filter.desk;
    }
    // The newest matching row ids come from the index alone; only those rows are then read from the table.
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM cases WHERE rowid IN (SELECT rowid FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at DESC LIMIT @limit) ORDER BY opened_at DESC`;
    return (this.prepare(sql).all(params) as CaseRow[]).map(toSummary);
  }
}
