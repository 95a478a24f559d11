// Owns the database schema history: numbered migrations, applied in order, each once and in its own transaction.
// Never edit a migration that has shipped: add a new one. The checksum check refuses a database whose
// history disagrees with this list.
import { unparseableEvents } from '../events/event-store';
import type { Db } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Run after the SQL, in the same transaction: a reason to refuse the database (left unchanged), or null. */
  refusal?: (db: Db) => string | null;
}

// Migration 13's text is made by the three declarations below: never edit them (a new migration gets its own).
const OUTCOME_LIST = ['clear', 'tunda', 'refer_bp3mi', 'refer_police', 'refer_imigrasi', 'passport_action'];
const HOLD_LIST = ['tunda', 'refer_bp3mi', 'refer_police', 'refer_imigrasi', 'passport_action'];
const REPORT_DAYS_COLUMNS = [
  'decision', 'opened_at', 'case_number', 'desk_name', 'decided_by', 'decided_by_name', 'opened_by', 'opened_by_name',
  'decided_by_agency', 'destination_country', 'origin_regency', 'indicator_ids',
];
function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}
/** The (day, breakdown, key) rows that the decided cases of `row` (a table, or NEW/OLD in a trigger) count under. */
function reportDaysKeys(row: string): string {
  const from = row === 'cases' ? ' FROM cases' : '';
  const day = `substr(${row}.opened_at, 1, 10)`;
  const held = `WHERE ${row}.decision IN (${sqlList(HOLD_LIST)})`;
  const keyed = (breakdown: string, key: string) => `SELECT ${day} AS day, '${breakdown}' AS breakdown, ${key} AS key${from} ${held}`;
  const known = (column: string) => `coalesce(':' || ${row}.${column}, '')`;
  return [
    `SELECT ${day} AS day, 'decided' AS breakdown, '' AS key${from} WHERE ${row}.decision IN (${sqlList(OUTCOME_LIST)})`,
    keyed('decision', `':' || ${row}.decision`),
    keyed('destination', known('destination_country')),
    keyed('agency', known('decided_by_agency')),
    keyed('desk', `json_array(substr(${row}.case_number, 1, length(${row}.case_number) - 12), ${row}.desk_name)`),
    keyed('hour', `substr(${row}.opened_at, 12, 2)`),
    keyed('regency', known('origin_regency')),
    keyed('officer', `json_array(coalesce(${row}.decided_by, ${row}.opened_by), coalesce(${row}.decided_by_name, ${row}.opened_by_name))`),
    // indicator_ids holds each id once (migration 11's json_group_array(DISTINCT …)): a hold counts once under each.
    `SELECT ${day} AS day, 'indicator' AS breakdown, coalesce(':' || indicator.value, '') AS key FROM ${row === 'cases' ? 'cases, ' : ''}json_each(${row}.indicator_ids) AS indicator ${held}`,
  ].join('\n        UNION ALL ');
}
/** The statements a trigger runs to add (sign 1) or take away (sign -1) the counts of the row image NEW or OLD. */
function reportDaysChange(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const upsert = `INSERT INTO report_days (day, breakdown, key, cases)
        SELECT day, breakdown, key, ${sign} FROM (${reportDaysKeys(row)}) WHERE true
        ON CONFLICT (day, breakdown, key) DO UPDATE SET cases = cases + excluded.cases;`;
  return sign === 1 ? upsert : `${upsert}\n        DELETE FROM report_days WHERE day = substr(OLD.opened_at, 1, 10) AND cases = 0;`;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'desk, officers, audit log',
    sql: `
      CREATE TABLE desk (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        demo INTEGER NOT NULL CHECK (demo IN (0, 1)),
        created_at TEXT NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE officers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        officer_number TEXT NOT NULL COLLATE NOCASE UNIQUE,
        agency TEXT NOT NULL CHECK (agency IN ('BP3MI', 'IMIGRASI')),
        role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      -- The log is append-only for the application: raw edits must go around these triggers,
      -- and the hash chain catches those that do.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'events, cases, amendments, reference data, watch list',
    sql: `
      -- The outbox and the record: every step of a case, never updated, never deleted.
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        case_id TEXT,
        officer_number TEXT NOT NULL,
        at TEXT NOT NULL,
        payload TEXT NOT NULL,
        UNIQUE (device_id, device_seq)
      );
      CREATE INDEX events_case ON events (case_id);
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;

      -- What the screens read, kept in the same transaction as the events that produce it.
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        case_number TEXT NOT NULL UNIQUE,
        device_id TEXT NOT NULL,
        desk_name TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        opened_by_name TEXT NOT NULL,
        source TEXT NOT NULL,
        mrz TEXT NOT NULL,
        mrz_valid INTEGER NOT NULL,
        document_code TEXT,
        document_number TEXT NOT NULL,
        issuing_state TEXT,
        nationality TEXT,
        primary_name TEXT NOT NULL,
        secondary_name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        birth_date TEXT,
        sex TEXT,
        expiry_date TEXT,
        flight TEXT,
        travel_date TEXT,
        destination_airport TEXT,
        destination_country TEXT,
        checklist_version TEXT NOT NULL,
        answers TEXT NOT NULL DEFAULT '{}',
        risk TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'decided', 'awaiting_countersignature')),
        decision TEXT,
        reasons TEXT NOT NULL DEFAULT '[]',
        legal_ground TEXT,
        note TEXT NOT NULL DEFAULT '',
        decided_at TEXT,
        decided_by TEXT,
        decided_by_name TEXT,
        decided_by_agency TEXT,
        countersigned_by TEXT,
        countersigned_by_name TEXT,
        countersigned_at TEXT,
        contact_phone TEXT,
        contact_address TEXT,
        contact_consent INTEGER
      );
      CREATE INDEX cases_document ON cases (document_number, opened_at);
      CREATE INDEX cases_name_birth ON cases (name_key, birth_date);
      CREATE INDEX cases_opened ON cases (opened_at);
      CREATE INDEX cases_decision ON cases (decision, opened_at);
      CREATE INDEX cases_status ON cases (status, opened_at);

      CREATE TABLE amendments (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        event_id TEXT NOT NULL REFERENCES events (id),
        field TEXT NOT NULL,
        old_value TEXT NOT NULL,
        new_value TEXT NOT NULL,
        reason TEXT NOT NULL,
        author TEXT NOT NULL,
        author_name TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX amendments_case ON amendments (case_id);

      -- Imported reference files; the newest good one of each kind is in use.
      CREATE TABLE reference_data (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('checklist', 'country_rules', 'watch_list')),
        version TEXT NOT NULL,
        content TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
      );

      CREATE TABLE watch_list (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('name', 'document', 'phone', 'company')),
        match_key TEXT NOT NULL,
        value TEXT NOT NULL,
        note TEXT NOT NULL,
        source TEXT NOT NULL
      );
      CREATE INDEX watch_list_key ON watch_list (kind, match_key);
    `,
  },
  {
    version: 3,
    name: 'name index ordered by opening time',
    // Name search and history by name read the newest cases first; with opened_at in the index they no
    // longer sort every match (bench:cases: prefix search p95 130 ms -> 6 ms on 1,000,000 cases).
    sql: `
      DROP INDEX cases_name_birth;
      CREATE INDEX cases_name_birth_opened ON cases (name_key, birth_date, opened_at);
    `,
  },
  {
    version: 4,
    name: 'event schema versions',
    // Every event type has versioned payload schemas in shared/events/catalogue.ts; rows written before this
    // migration are version 1. A desk whose stored events do not all parse is refused here, unchanged, rather
    // than started on a record the hub and the other desks could not read.
    sql: `
      ALTER TABLE events ADD COLUMN schema_version INTEGER NOT NULL DEFAULT 1;
      -- One amendment per event, so that applying an event twice cannot add it twice.
      CREATE UNIQUE INDEX amendments_event ON amendments (event_id);
    `,
    refusal(db) {
      const problems = unparseableEvents(db);
      return problems.length === 0 ? null : `The database holds events this app cannot read: ${problems.join('; ')}.`;
    },
  },
  {
    version: 5,
    name: 'sync with the hub: enrollment, progress, held-back events, case conflicts',
    // One row while the desk is enrolled. The device credential is not here: the shell keeps it (Electron's
    // safeStorage, or a file only the desk's user can read), so a copy of the database does not carry it.
    sql: `
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_url TEXT NOT NULL,
        hub_id TEXT NOT NULL,
        airport_code TEXT NOT NULL,
        desk_code TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        -- Every own event up to this sequence is held by the hub.
        pushed_seq INTEGER NOT NULL DEFAULT 0,
        -- The hub's opaque cursors, stored in the transaction that applied the page they end.
        pull_cursor TEXT,
        reference_cursor TEXT,
        last_sync_at TEXT,
        offline_since TEXT,
        problem_code TEXT,
        problem TEXT,
        revoked_at TEXT,
        -- The audit-chain head the hub recorded for this desk, and a mismatch it reported.
        audit_hub_seq INTEGER,
        audit_hub_hash TEXT,
        audit_mismatch TEXT
      );
      -- Events pulled from the hub that could not be applied yet (a step whose case has not arrived, an old
      -- version without the whole step, a record that differs from the one held here): kept, retried, shown.
      CREATE TABLE sync_held_back (
        event_id TEXT PRIMARY KEY,
        event TEXT NOT NULL,
        problem TEXT NOT NULL,
        held_at TEXT NOT NULL
      );
      -- Two desks changed the same case while apart: both changes are kept, the case is flagged for a supervisor.
      CREATE TABLE case_conflicts (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('decided_twice', 'concurrent_amendments')),
        event_id TEXT NOT NULL REFERENCES events (id),
        other_event_id TEXT NOT NULL REFERENCES events (id),
        detected_at TEXT NOT NULL,
        UNIQUE (event_id, other_event_id)
      );
      CREATE INDEX case_conflicts_case ON case_conflicts (case_id);
    `,
  },
  {
    version: 6,
    name: 'supervisor review: sign-off, traveller outcome, origin, supervisor notes',
    // Projections of the review events (case.signed_off, case.traveller_outcome_recorded, case.origin_recorded,
    // case.supervisor_noted), so the daily queue reads one table. The queue itself is served by cases_decision.
    sql: `
      ALTER TABLE cases ADD COLUMN signed_off_at TEXT;
      ALTER TABLE cases ADD COLUMN signed_off_by TEXT;
      ALTER TABLE cases ADD COLUMN signed_off_by_name TEXT;
      ALTER TABLE cases ADD COLUMN signed_off_event_id TEXT;
      ALTER TABLE cases ADD COLUMN traveller_outcome TEXT;
      ALTER TABLE cases ADD COLUMN traveller_outcome_happened_at TEXT;
      ALTER TABLE cases ADD COLUMN traveller_outcome_note TEXT;
      ALTER TABLE cases ADD COLUMN traveller_outcome_recorded_at TEXT;
      ALTER TABLE cases ADD COLUMN traveller_outcome_by TEXT;
      ALTER TABLE cases ADD COLUMN traveller_outcome_by_name TEXT;
      ALTER TABLE cases ADD COLUMN traveller_outcome_event_id TEXT;
      ALTER TABLE cases ADD COLUMN origin_province TEXT;
      ALTER TABLE cases ADD COLUMN origin_regency TEXT;
      CREATE TABLE supervisor_notes (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        event_id TEXT NOT NULL UNIQUE REFERENCES events (id),
        author TEXT NOT NULL,
        author_name TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT NOT NULL
      );
      CREATE INDEX supervisor_notes_case ON supervisor_notes (case_id, at);
    `,
  },
  {
    version: 7,
    name: 'reference data from the hub: officer change times, hub revisions, the reference outbox, refused items',
    // Reference data (checklist, country rules, watch list, officer accounts) flows through the hub: what this desk's
    // admins change waits in reference_outbox until the hub holds it; what the hub serves is applied with its cursor.
    // An officer account's changed_at orders changes made at different desks (the newer one stands everywhere).
    sql: `
      ALTER TABLE officers ADD COLUMN changed_at TEXT;
      UPDATE officers SET changed_at = created_at;
      -- The hub's revision of a file received from it; NULL for a file this desk's admin imported.
      ALTER TABLE reference_data ADD COLUMN hub_revision INTEGER;
      ALTER TABLE sync_state ADD COLUMN reference_synced_at TEXT;
      -- Reference items (as the protocol carries them) changed here and not yet held by the hub, oldest first.
      CREATE TABLE reference_outbox (
        id INTEGER PRIMARY KEY,
        item TEXT NOT NULL,
        queued_at TEXT NOT NULL
      );
      -- Items refused by this desk (received: breaks the rules, or a version held here with other content) or by
      -- the hub (sent): kept for a person to see, never applied.
      CREATE TABLE reference_refused (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('received', 'sent')),
        revision INTEGER,
        kind TEXT NOT NULL,
        item_key TEXT NOT NULL,
        problem TEXT NOT NULL,
        refused_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'a refused reference item stays open until an admin has seen it or a later revision overtakes it',
    // The header's notice counts the open refusals (electron/core/sync/reference-refusals.ts).
    sql: `
      ALTER TABLE reference_refused ADD COLUMN seen_at TEXT;
      ALTER TABLE reference_refused ADD COLUMN seen_by TEXT;
      ALTER TABLE reference_refused ADD COLUMN resolved_at TEXT;
    `,
  },
  {
    version: 9,
    name: 'a refused reference item keeps why as a code and placeholders, worded on screen in the officer language',
    // problem stays as the technical account (English). Rows stored before keep it and get the code their English
    // says where it is unmistakable (the sentences of electron/core at version 8), else 'unspecified'.
    sql: `
      ALTER TABLE reference_refused ADD COLUMN problem_code TEXT NOT NULL DEFAULT 'unspecified';
      ALTER TABLE reference_refused ADD COLUMN problem_params TEXT NOT NULL DEFAULT '{}';
      UPDATE reference_refused SET problem_code = 'hub_refused' WHERE direction = 'sent';
      UPDATE reference_refused SET problem_code = 'last_admin', problem_params = json_object('officer', item_key)
       WHERE direction = 'received' AND kind = 'officer' AND problem LIKE '%last active administrator: kept active here%';
      UPDATE reference_refused SET problem_code = 'password_hash'
       WHERE direction = 'received' AND kind = 'officer' AND problem LIKE 'passwordHash: not a password hash%';
      UPDATE reference_refused SET problem_code = 'version_clash'
       WHERE direction = 'received' AND problem LIKE '%is already known to this desk with other content%';
    `,
  },
  {
    version: 10,
    name: "the hub's word on an account this desk keeps as its last admin against it",
    // Null where the desk follows the hub. Set when the desk refused to deactivate or demote its last active admin:
    // the desk keeps the account active here, and whatever it sends of that account carries the hub's word
    // (electron/core/officers/officer-service.ts), so the desk's exception never reaches the other desks.
    sql: `
      ALTER TABLE officers ADD COLUMN hub_active INTEGER;
      ALTER TABLE officers ADD COLUMN hub_role TEXT;
    `,
  },
  {
    version: 11,
    name: 'the report reads holds from one narrow index: risk level and indicator ids kept beside the risk',
    // A month's report beside the month before reads some 13,000 holds of a million-case desk. Reading each row's
    // risk JSON for its level and indicators cost most of a second; the two are kept in their own columns by the
    // triggers below (in the writing statement's transaction, whoever writes: projector, sync, tools), and the
    // holds' report columns sit in one partial index ordered by opening time, so the report never reads a row.
    // Its WHERE lists the hold decisions exactly as ReviewRepository asks them (it names the index: a list that
    // drifts from HOLD_DECISIONS fails loudly there instead of slowly).
    sql: `
      ALTER TABLE cases ADD COLUMN risk_level TEXT;
      ALTER TABLE cases ADD COLUMN indicator_ids TEXT;
      -- A new row, and the rows already here (below), are written through the update trigger: one home for the rule.
      CREATE TRIGGER cases_risk_summary_insert AFTER INSERT ON cases BEGIN
        UPDATE cases SET risk = NEW.risk WHERE rowid = NEW.rowid;
      END;
      CREATE TRIGGER cases_risk_summary_update AFTER UPDATE OF risk ON cases BEGIN
        UPDATE cases SET
          risk_level = CASE WHEN json_valid(NEW.risk) THEN json_extract(NEW.risk, '$.level') END,
          indicator_ids = CASE WHEN json_valid(NEW.risk)
            THEN (SELECT json_group_array(DISTINCT json_extract(value, '$.id')) FROM json_each(NEW.risk, '$.indicators')) END
        WHERE rowid = NEW.rowid;
      END;
      UPDATE cases SET risk = risk;
      CREATE INDEX cases_report ON cases (
        opened_at, decision, desk_name, decided_by, decided_by_name, decided_by_agency, opened_by, opened_by_name,
        destination_country, origin_regency, status, signed_off_at, traveller_outcome, risk_level, indicator_ids
      ) WHERE decision IN ('tunda', 'refer_bp3mi', 'refer_police', 'refer_imigrasi', 'passport_action');
    `,
  },
  {
    version: 12,
    name: "the report's index carries the case number, which tells the case's desk",
    // Every desk starts as "Meja 1" and names itself, so a name does not tell two desks apart; the code does (the hub
    // gives each desk its own, and case numbers carry it: PLM-D01-261128-0042 is desk PLM-D01). The report counts
    // holds by desk from the case number, so the index made in 11 is made again with it and the report still reads no
    // row. (A generated desk-code column would not do: SQLite does not read one from a covering index.) Applied after
    // 13 on a desk that had 13 first: the two do not touch each other.
    sql: `
      DROP INDEX cases_report;
      CREATE INDEX cases_report ON cases (
        opened_at, decision, case_number, desk_name, decided_by, decided_by_name, decided_by_agency, opened_by, opened_by_name,
        destination_country, origin_regency, status, signed_off_at, traveller_outcome, risk_level, indicator_ids
      ) WHERE decision IN ('tunda', 'refer_bp3mi', 'refer_police', 'refer_imigrasi', 'passport_action');
    `,
  },
  {
    version: 13,
    name: "the report's counts per UTC day, kept by triggers on cases",
    // A month's report beside the month before read some 26,000 holds from cases_report, over 300 ms at p95 on a
    // loaded machine. report_days holds, per UTC day (the first ten characters of opened_at, which the report's
    // bounds compare as text), how many cases were decided and how many holds carry each key of each breakdown
    // (and each officer, for the filter list), so a month reads some 31 days' rows summed by SQLite. The triggers
    // keep it in the writing statement's transaction whoever writes (projector, sync, tools): each writes a row's
    // change as minus its old image plus its new one, so any order of writes, nested trigger updates included, sums
    // to the rows as they stand. Keys: '' for an unknown value, ':' and the value otherwise; the desk and the officer
    // as JSON arrays [code from the case number, name] and [number, name]. Rows that fall to zero are deleted.
    sql: `
      CREATE TABLE report_days (
        day TEXT NOT NULL,
        breakdown TEXT NOT NULL,
        key TEXT NOT NULL,
        cases INTEGER NOT NULL,
        PRIMARY KEY (day, breakdown, key)
      ) WITHOUT ROWID;
      CREATE TRIGGER cases_report_days_insert AFTER INSERT ON cases WHEN NEW.decision IN (${sqlList(OUTCOME_LIST)}) BEGIN
        ${reportDaysChange('NEW', 1)}
      END;
      CREATE TRIGGER cases_report_days_delete AFTER DELETE ON cases WHEN OLD.decision IN (${sqlList(OUTCOME_LIST)}) BEGIN
        ${reportDaysChange('OLD', -1)}
      END;
      CREATE TRIGGER cases_report_days_update AFTER UPDATE ON cases
      WHEN (OLD.decision IN (${sqlList(OUTCOME_LIST)}) OR NEW.decision IN (${sqlList(OUTCOME_LIST)})) AND (
        ${REPORT_DAYS_COLUMNS.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ')})
      BEGIN
        ${reportDaysChange('OLD', -1)}
        ${reportDaysChange('NEW', 1)}
      END;
      INSERT INTO report_days (day, breakdown, key, cases)
      SELECT day, breakdown, key, count(*) FROM (${reportDaysKeys('cases')}) GROUP BY day, breakdown, key;
    `,
  },
  {
    version: 14,
    name: 'a desk set up before desk codes were asked keeps the codes it used',
    // Desk codes had a default ('D01', airport 'PLM'), which first-run setup now asks for instead (no default: two
    // desks that both took it numbered their cases alike). A desk already set up (it has officers or events) numbered
    // its cases with the default unless its admin changed it: the default is stored here, so its numbers go on
    // unchanged. A desk not yet set up gets its codes at setup.
    sql: `
      INSERT OR IGNORE INTO settings (key, value)
        SELECT 'deskCode', '"D01"' WHERE EXISTS (SELECT 1 FROM officers) OR EXISTS (SELECT 1 FROM events);
      INSERT OR IGNORE INTO settings (key, value)
        SELECT 'airportCode', '"PLM"' WHERE EXISTS (SELECT 1 FROM officers) OR EXISTS (SELECT 1 FROM events);
    `,
  },
];

/** A stable fingerprint of a migration's SQL, so that an edited migration is noticed. */
export function migrationChecksum(migration: Migration, hash: (text: string) => string): string {
  return hash(migration.sql.replace(/\s+/g, ' ').trim());
}
