// Owns which airport-desk prefixes (PLM-D01) each device has used in its case numbers: a printed number is never
// changed, so a prefix once used is that device's for good. Claimed at enrolment and by a pushed case opening under a
// free prefix; refused (desk_code_taken) when another device holds it or another desk is given that code.
import type { PoolClient } from 'pg';
import { DESK_KEY_PATTERN } from '../../shared/cases/case-number';
import { HubError } from '../http/hub-error';

/** A prefix another device (or desk) holds, and which desk that is, as the refusal names it. */
export interface TakenPrefix {
  prefix: string;
  /** The holding desk's codes (PLM-D02), or its device id where no desk of this hub carries it. */
  heldBy: string;
  heldByName: string;
}

function split(prefix: string): [string, string] {
  const dash = prefix.indexOf('-');
  return [prefix.slice(0, dash), prefix.slice(dash + 1)];
}

/**
 * Claims `prefixes` for `deviceId` in the caller's transaction and returns those held elsewhere: claimed by another
 * device, or the code of another desk (`deskId` is the one being enrolled or pushing, whose own code is its own).
 * Sorted, so two transactions claiming overlapping sets wait on each other instead of deadlocking; a claim another
 * transaction is inserting waits for it to end, so of two enrolments racing for one prefix exactly one wins.
 */
export async function claimPrefixes(client: PoolClient, deviceId: string, deskId: number, prefixes: readonly string[]): Promise<TakenPrefix[]> {
  const wanted = [...new Set(prefixes.filter((prefix) => DESK_KEY_PATTERN.test(prefix)))].sort();
  if (wanted.length === 0) return [];
  const airports = wanted.map((prefix) => split(prefix)[0]);
  const desks = wanted.map((prefix) => split(prefix)[1]);
  // Another desk of this hub given that code holds it even before its device enrolls (its code is made for it).
  const otherDesks = await client.query<{ airport_code: string; desk_code: string; name: string }>(
    `SELECT d.airport_code, d.desk_code, d.name FROM desks d JOIN unnest($1::text[], $2::text[]) AS t (airport_code, desk_code)
       ON d.airport_code = t.airport_code AND d.desk_code = t.desk_code
      WHERE d.id <> $3 AND (d.device_id IS NULL OR d.device_id <> $4)`,
    [airports, desks, deskId, deviceId],
  );
  await client.query(
    `INSERT INTO desk_code_claims (airport_code, desk_code, device_id)
     SELECT airport_code, desk_code, $3 FROM unnest($1::text[], $2::text[]) AS t (airport_code, desk_code)
     ON CONFLICT DO NOTHING`,
    [airports, desks, deviceId],
  );
  const claimedElsewhere = await client.query<{ airport_code: string; desk_code: string; holder_airport: string | null; holder_desk: string | null; holder_name: string | null; device_id: string }>(
    `SELECT c.airport_code, c.desk_code, d.airport_code AS holder_airport, d.desk_code AS holder_desk, d.name AS holder_name, c.device_id
       FROM desk_code_claims c JOIN unnest($1::text[], $2::text[]) AS t (airport_code, desk_code)
         ON c.airport_code = t.airport_code AND c.desk_code = t.desk_code
       LEFT JOIN desks d ON d.device_id = c.device_id
      WHERE c.device_id <> $3`,
    [airports, desks, deviceId],
  );
  const taken = new Map<string, TakenPrefix>();
  for (const row of claimedElsewhere.rows) {
    const prefix = `${row.airport_code}-${row.desk_code}`;
    taken.set(prefix, {
      prefix,
      heldBy: row.holder_airport ? `${row.holder_airport}-${row.holder_desk}` : row.device_id,
      heldByName: row.holder_name ?? '',
    });
  }
  for (const row of otherDesks.rows) {
    const prefix = `${row.airport_code}-${row.desk_code}`;
    if (!taken.has(prefix)) taken.set(prefix, { prefix, heldBy: prefix, heldByName: row.name });
  }
  return [...taken.values()].sort((a, b) => (a.prefix < b.prefix ? -1 : 1));
}

/** The refusal of an enrolment or a new desk code that another device or desk holds. */
export function deskCodeTaken(taken: readonly TakenPrefix[], what: string): HubError {
  const list = taken.map((t) => `${t.prefix} (held by ${t.heldBy}${t.heldByName ? ` "${t.heldByName}"` : ''})`).join(', ');
  return new HubError('desk_code_taken', `${what}: ${list}. Case numbers carry these codes and are never changed; nothing was changed.`, {
    claims: taken.map(({ prefix, heldBy, heldByName }) => ({ prefix, heldBy, heldByName })),
  });
}

/** Who holds an airport-desk code, if any device does (for making a new desk's code). */
export async function holderOf(client: PoolClient, airportCode: string, deskCode: string): Promise<TakenPrefix | null> {
  const row = (
    await client.query<{ device_id: string; holder_airport: string | null; holder_desk: string | null; holder_name: string | null }>(
      `SELECT c.device_id, d.airport_code AS holder_airport, d.desk_code AS holder_desk, d.name AS holder_name
         FROM desk_code_claims c LEFT JOIN desks d ON d.device_id = c.device_id
        WHERE c.airport_code = $1 AND c.desk_code = $2`,
      [airportCode, deskCode],
    )
  ).rows[0];
  if (!row) return null;
  return { prefix: `${airportCode}-${deskCode}`, heldBy: row.holder_airport ? `${row.holder_airport}-${row.holder_desk}` : row.device_id, heldByName: row.holder_name ?? '' };
}
