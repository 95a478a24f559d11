// Owns the hub's schema history: numbered migrations applied in order, each once, under one advisory lock so
// that several hub processes starting together over one PostgreSQL agree. Never edit a shipped migration.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

export interface HubMigration {
  version: number;
  name: string;
  sql: string;
}

export const hubMigrations: readonly HubMigration[] = [
  {
    version: 1,
    name: 'desks, enrollment codes, events, encounters, reference data, audit heads',
    sql: `
      CREATE TABLE hub (
        id int PRIMARY KEY CHECK (id = 1),
        hub_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- A desk exists from the moment the admin makes its code; it is bound to a device at enrollment.
      -- Its desk code is in its case numbers, so a code once given at an airport is never given again.
      CREATE TABLE desks (
        id bigserial PRIMARY KEY,
        airport_code text NOT NULL CHECK (airport_code ~ '^[A-Z]{3}$'),
        desk_code text NOT NULL CHECK (desk_code ~ '^[A-Z0-9]{1,6}$'),
        name text NOT NULL,
        device_id uuid UNIQUE,
        credential_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        enrolled_at timestamptz,
        revoked_at timestamptz,
        last_seq bigint NOT NULL DEFAULT 0,
        last_sync_at timestamptz,
        pull_tx xid8 NOT NULL DEFAULT '0',
        pull_seq bigint NOT NULL DEFAULT 0,
        UNIQUE (airport_code, desk_code)
      );
      CREATE TABLE enrollment_codes (
        code_hash text PRIMARY KEY,
        desk_id bigint NOT NULL REFERENCES desks (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      -- Every desk's events. tx is the inserting transaction's id: pulls serve only rows of transactions older
      -- than every transaction still running, so a row that commits late is never jumped over.
      CREATE TABLE events (
        hub_seq bigserial PRIMARY KEY,
        tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
        id uuid NOT NULL UNIQUE,
        device_id uuid NOT NULL,
        device_seq bigint NOT NULL CHECK (device_seq >= 1),
        desk_id bigint NOT NULL REFERENCES desks (id),
        type text NOT NULL,
        case_id text,
        officer_number text NOT NULL,
        at text NOT NULL,
        schema_version int NOT NULL,
        payload text NOT NULL,
        content_hash text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (device_id, device_seq)
      );
      CREATE INDEX events_stream ON events (tx, hub_seq);
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
      CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_change();

      -- Pushes refused because an event came back changed: kept for the hub admin, never acted on silently.
      CREATE TABLE push_refusals (
        id bigserial PRIMARY KEY,
        desk_id bigint NOT NULL REFERENCES desks (id),
        at timestamptz NOT NULL DEFAULT now(),
        event_ids text[] NOT NULL,
        detail text NOT NULL
      );

      -- One row per case, for the cross-airport history lookup; built from case events as they arrive.
      CREATE TABLE encounters (
        case_id text PRIMARY KEY,
        desk_id bigint NOT NULL REFERENCES desks (id),
        airport_code text NOT NULL,
        desk_code text NOT NULL,
        case_number text NOT NULL,
        document_number text NOT NULL,
        issuing_state text,
        opened_at text NOT NULL,
        decision text,
        decided_at text
      );
      CREATE INDEX encounters_document ON encounters (document_number, opened_at DESC);

      CREATE TABLE reference_items (
        revision bigserial PRIMARY KEY,
        tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
        kind text NOT NULL,
        item_key text NOT NULL,
        item text NOT NULL,
        content_hash text NOT NULL,
        from_device_id uuid,
        stored_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX reference_stream ON reference_items (tx, revision);
      CREATE INDEX reference_key ON reference_items (kind, item_key, revision DESC);
      CREATE TRIGGER reference_immutable BEFORE UPDATE OR DELETE ON reference_items FOR EACH ROW EXECUTE FUNCTION refuse_change();

      CREATE TABLE audit_heads (
        desk_id bigint PRIMARY KEY REFERENCES desks (id),
        seq bigint NOT NULL,
        hash text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE audit_mismatches (
        id bigserial PRIMARY KEY,
        desk_id bigint NOT NULL REFERENCES desks (id),
        at timestamptz NOT NULL DEFAULT now(),
        detail text NOT NULL,
        reported_seq bigint NOT NULL,
        reported_hash text NOT NULL
      );
      CREATE TRIGGER audit_mismatches_immutable BEFORE UPDATE OR DELETE ON audit_mismatches FOR EACH ROW EXECUTE FUNCTION refuse_change();
    `,
  },
  {
    version: 2,
    name: 'the hub admin log',
    sql: `
      -- What the hub admin did from the command line (who, as the operating system knows them), append-only.
      CREATE TABLE admin_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        detail text NOT NULL
      );
      CREATE TRIGGER admin_log_immutable BEFORE UPDATE OR DELETE ON admin_log FOR EACH ROW EXECUTE FUNCTION refuse_change();
    `,
  },
  {
    version: 3,
    name: 'desk code claims, and cases kept back for a number another device holds',
    sql: `
      -- Which device has used which airport-desk prefix in its case numbers (PLM-D01 in PLM-D01-261128-0042): a
      -- printed number is never changed, so a prefix once used is that device's for good. Claimed at enrolment (the
      -- enrolled code and every prefix the desk's own cases carry) and by a pushed case that opens under a free one.
      CREATE TABLE desk_code_claims (
        airport_code text NOT NULL,
        desk_code text NOT NULL,
        device_id uuid NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (airport_code, desk_code)
      );
      CREATE INDEX desk_code_claims_device ON desk_code_claims (device_id);
      -- What a hub of the version before knew: each enrolled desk's own code, then the prefixes of the cases each
      -- device pushed, the first pusher of a prefix holding it.
      INSERT INTO desk_code_claims (airport_code, desk_code, device_id)
        SELECT airport_code, desk_code, device_id FROM desks WHERE device_id IS NOT NULL
        ON CONFLICT DO NOTHING;
      INSERT INTO desk_code_claims (airport_code, desk_code, device_id)
        SELECT DISTINCT ON (prefix[1], prefix[2]) prefix[1], prefix[2], device_id FROM (
          SELECT regexp_match(payload::jsonb ->> 'caseNumber', '^([A-Z]{3})-([A-Z0-9]{2,4})-[0-9]{6}-[0-9]{4}$') AS prefix, device_id, hub_seq
            FROM events WHERE type = 'case.opened') opened
         WHERE prefix IS NOT NULL ORDER BY prefix[1], prefix[2], hub_seq
        ON CONFLICT DO NOTHING;

      -- A case pushed under a prefix another device holds: its events are kept (nothing pushed is lost) but served
      -- to no other desk, whose own case may carry that very number; the hub admin sees it among refused pushes.
      ALTER TABLE events ADD COLUMN withheld boolean NOT NULL DEFAULT false;
      CREATE TABLE withheld_cases (
        case_id text PRIMARY KEY,
        desk_id bigint NOT NULL REFERENCES desks (id),
        case_number text NOT NULL,
        held_by uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

function checksum(migration: HubMigration): string {
  return createHash('sha256').update(migration.sql.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Lock key for migrations: any constant shared by every hub process. */
const MIGRATION_LOCK = 7_140_001;

/** Applies what is missing; refuses a database whose history differs from this list or is newer. */
export async function migrate(pool: Pool): Promise<{ applied: number[] }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS hub_migrations (version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = (await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM hub_migrations ORDER BY version')).rows;
    const known = new Map(hubMigrations.map((m) => [m.version, m]));
    for (const row of done) {
      const migration = known.get(row.version);
      if (!migration) throw new Error(`The hub database has migration ${row.version}, which this hub does not know: it was written by a newer hub.`);
      if (checksum(migration) !== row.checksum) throw new Error(`Migration ${row.version} of the hub database differs from this hub's: refusing to run.`);
    }
    const applied: number[] = [];
    for (const migration of hubMigrations) {
      if (done.some((row) => row.version === migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO hub_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, checksum(migration)]);
      applied.push(migration.version);
    }
    await client.query('INSERT INTO hub (id, hub_id) VALUES (1, gen_random_uuid()) ON CONFLICT (id) DO NOTHING');
    await client.query('COMMIT');
    return { applied };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
