// Owns the desks a hub knows: one-time enrollment codes, binding a desk to its device with a credential kept
// only as a hash, checking that credential on every request, revocation, and the admin's list of desks.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { CREDENTIAL_PATTERN, airportCodeSchema, deskCodeSchema, hubDeskNameSchema, type EnrollRequest, type EnrollResponse } from '../../shared/contract/sync';
import { HubError } from '../http/hub-error';
import { transaction } from '../db/transaction';
import { claimPrefixes, deskCodeTaken, holderOf } from './desk-claims';

/** The desk a request speaks for, once its credential checked out. */
export interface AuthenticatedDesk {
  id: number;
  deviceId: string;
  airportCode: string;
  deskCode: string;
}

export interface DeskListing {
  airportCode: string;
  deskCode: string;
  name: string;
  deviceId: string | null;
  state: 'awaiting_enrollment' | 'enrolled' | 'revoked';
  lastSyncAt: string | null;
  /** Events this desk pushed (its highest contiguous sequence number). */
  lastSeq: number;
  /** Other desks' events this desk has not yet pulled. */
  pendingPull: number;
  auditMismatchSince: string | null;
  refusedPushes: number;
}

// No 0/O, 1/I/L: a code is read aloud or typed from a note.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;
export const DEFAULT_CODE_HOURS = 72;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
function newCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export class DeskRegistry {
  constructor(private readonly pool: Pool) {}

  /** A new desk and its first code. Refuses a desk code already given at that airport (case numbers carry it). */
  async createDesk(airportCode: string, deskCode: string, name: string, validHours = DEFAULT_CODE_HOURS): Promise<{ code: string; expiresAt: string }> {
    // The desk's own settings take exactly these codes (shared/contract/desk-codes.ts): a code it could not write
    // into a case number would enroll a desk that cannot record.
    const airport = airportCodeSchema.safeParse(airportCode);
    const desk = deskCodeSchema.safeParse(deskCode);
    if (!airport.success || !desk.success) {
      throw new HubError('invalid_request', `Airport code ${JSON.stringify(airportCode)} or desk code ${JSON.stringify(deskCode)} is not allowed: the airport is three capital letters (IATA), the desk two to four capital letters or digits.`);
    }
    // A desk's name is shown on every desk's screens and the admin's list: a desk's rule for names (no control
    // characters, no bidi overrides) applies to the one the admin gives.
    const given = hubDeskNameSchema.safeParse(name);
    if (!given.success) {
      throw new HubError('invalid_request', `The desk name ${JSON.stringify(name)} is not allowed: one to 60 characters, without line breaks, tabs, other control characters or bidi overrides.`);
    }
    name = given.data;
    return transaction(this.pool, async (client) => {
      const inserted = await client.query<{ id: number }>(
        'INSERT INTO desks (airport_code, desk_code, name) VALUES ($1, $2, $3) ON CONFLICT (airport_code, desk_code) DO NOTHING RETURNING id',
        [airportCode, deskCode, name],
      );
      const desk = inserted.rows[0];
      if (!desk) {
        throw new HubError('device_taken', `Desk code ${deskCode} is already in use at ${airportCode}; case numbers depend on it. Choose another desk code (or --reissue for that same desk).`);
      }
      // A code some device has already numbered cases with (before its enrolment as another desk, say) is its own.
      const holder = await holderOf(client, airportCode, deskCode);
      if (holder) throw deskCodeTaken([holder], `Desk code ${airportCode}-${deskCode} is already used in case numbers`);
      return this.issueCode(client, desk.id, validHours);
    });
  }

  /** A fresh code for a desk that exists: the same device after a lost credential or a revocation. */
  async reissueCode(airportCode: string, deskCode: string, validHours = DEFAULT_CODE_HOURS): Promise<{ code: string; expiresAt: string }> {
    return transaction(this.pool, async (client) => {
      const desk = await this.deskByCode(client, airportCode, deskCode);
      return this.issueCode(client, desk.id, validHours);
    });
  }

  async revoke(airportCode: string, deskCode: string): Promise<void> {
    const result = await this.pool.query(
      'UPDATE desks SET revoked_at = coalesce(revoked_at, now()) WHERE airport_code = $1 AND desk_code = $2',
      [airportCode, deskCode],
    );
    if (result.rowCount === 0) throw new HubError('not_found', `No desk ${airportCode}-${deskCode} on this hub.`);
  }

  async enroll(request: EnrollRequest, hubId: string): Promise<EnrollResponse> {
    return transaction(this.pool, async (client) => {
      const found = await client.query<{ desk_id: number; device_id: string | null; airport_code: string; desk_code: string; name: string }>(
        `SELECT c.desk_id, d.device_id, d.airport_code, d.desk_code, d.name FROM enrollment_codes c JOIN desks d ON d.id = c.desk_id
          WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > now() FOR UPDATE OF c, d`,
        [sha256(normaliseCode(request.code))],
      );
      const code = found.rows[0];
      if (!code) throw new HubError('bad_code', 'This enrollment code is unknown, already used or expired. Ask the hub admin for a new one.');
      if (code.device_id !== null && code.device_id !== request.deviceId) {
        throw new HubError('device_taken', `Desk ${code.airport_code}-${code.desk_code} belongs to another device; a replacement PC needs a new desk code.`);
      }
      const elsewhere = await client.query('SELECT 1 FROM desks WHERE device_id = $1 AND id <> $2', [request.deviceId, code.desk_id]);
      if (elsewhere.rowCount) throw new HubError('device_taken', 'This device is already enrolled as another desk on this hub.');
      // The desk's code and every prefix its own cases already carry become this device's, unless another holds one:
      // then nothing is claimed, the code stays unused, and the desk is told which of its cases and which desk.
      const taken = await claimPrefixes(client, request.deviceId, code.desk_id, [`${code.airport_code}-${code.desk_code}`, ...(request.caseNumberPrefixes ?? [])]);
      if (taken.length > 0) throw deskCodeTaken(taken, `Desk ${code.airport_code}-${code.desk_code} cannot be enrolled on this device: codes in use by another desk`);
      const credential = `${request.deviceId}.${randomBytes(32).toString('base64url')}`;
      // The hub keeps the name its admin gave the desk (enroll --name, else its codes) and the desk takes it: every
      // desk starts as "Meja 1", so the desk's own name would name two desks alike.
      await client.query('UPDATE desks SET device_id = $2, credential_hash = $3, enrolled_at = now(), revoked_at = NULL WHERE id = $1', [
        code.desk_id,
        request.deviceId,
        sha256(credential),
      ]);
      await client.query('UPDATE enrollment_codes SET used_at = now() WHERE code_hash = $1', [sha256(normaliseCode(request.code))]);
      return { deviceId: request.deviceId, credential, airportCode: code.airport_code, deskCode: code.desk_code, hubId, deskName: code.name.slice(0, 60) };
    });
  }

  /** Checks `Authorization: Bearer <deviceId>.<secret>`. Unknown or forged: 401; revoked: 403. */
  async authenticate(authorization: string | undefined): Promise<AuthenticatedDesk> {
    const credential = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!credential || !CREDENTIAL_PATTERN.test(credential)) {
      throw new HubError('unauthenticated', 'This request carries no valid desk credential. Enroll the desk with a code from the hub admin.');
    }
    const deviceId = credential.slice(0, credential.indexOf('.'));
    const row = (
      await this.pool.query<{ id: number; credential_hash: string | null; revoked_at: Date | null; airport_code: string; desk_code: string }>(
        'SELECT id, credential_hash, revoked_at, airport_code, desk_code FROM desks WHERE device_id = $1',
        [deviceId],
      )
    ).rows[0];
    const presented = Buffer.from(sha256(credential), 'hex');
    const stored = Buffer.from(row?.credential_hash ?? '0'.repeat(64), 'hex');
    if (!row || !timingSafeEqual(presented, stored)) {
      throw new HubError('unauthenticated', 'This desk credential is not known to this hub. Enroll the desk again with a new code.');
    }
    if (row.revoked_at) throw new HubError('revoked', `The hub admin revoked this desk on ${row.revoked_at.toISOString()}. Enroll again with a new code.`);
    return { id: row.id, deviceId, airportCode: row.airport_code, deskCode: row.desk_code };
  }

  async hubId(): Promise<string> {
    return (await this.pool.query<{ hub_id: string }>('SELECT hub_id FROM hub WHERE id = 1')).rows[0]!.hub_id;
  }

  async list(): Promise<DeskListing[]> {
    const rows = await this.pool.query<{
      airport_code: string;
      desk_code: string;
      name: string;
      device_id: string | null;
      enrolled_at: Date | null;
      revoked_at: Date | null;
      last_sync_at: Date | null;
      last_seq: number;
      pending: number;
      mismatch_since: Date | null;
      refused: number;
    }>(`
      SELECT d.airport_code, d.desk_code, d.name, d.device_id, d.enrolled_at, d.revoked_at, d.last_sync_at, d.last_seq,
        CASE WHEN d.device_id IS NULL THEN 0 ELSE (SELECT count(*) FROM events e
          WHERE (e.tx, e.hub_seq) > (d.pull_tx, d.pull_seq) AND e.device_id <> d.device_id) END AS pending,
        (SELECT min(m.at) FROM audit_mismatches m WHERE m.desk_id = d.id) AS mismatch_since,
        (SELECT count(*) FROM push_refusals r WHERE r.desk_id = d.id) AS refused
      FROM desks d ORDER BY d.airport_code, d.desk_code`);
    return rows.rows.map((row) => ({
      airportCode: row.airport_code,
      deskCode: row.desk_code,
      name: row.name,
      deviceId: row.device_id,
      state: row.revoked_at ? 'revoked' : row.enrolled_at ? 'enrolled' : 'awaiting_enrollment',
      lastSyncAt: row.last_sync_at?.toISOString() ?? null,
      lastSeq: row.last_seq,
      pendingPull: row.pending,
      auditMismatchSince: row.mismatch_since?.toISOString() ?? null,
      refusedPushes: row.refused,
    }));
  }

  private async deskByCode(client: PoolClient, airportCode: string, deskCode: string): Promise<{ id: number }> {
    const desk = (await client.query<{ id: number }>('SELECT id FROM desks WHERE airport_code = $1 AND desk_code = $2 FOR UPDATE', [airportCode, deskCode])).rows[0];
    if (!desk) throw new HubError('not_found', `No desk ${airportCode}-${deskCode} on this hub.`);
    return desk;
  }

  private async issueCode(client: PoolClient, deskId: number, validHours: number): Promise<{ code: string; expiresAt: string }> {
    const code = newCode();
    const expires = await client.query<{ expires_at: Date }>(
      `INSERT INTO enrollment_codes (code_hash, desk_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING expires_at`,
      [sha256(normaliseCode(code)), deskId, validHours],
    );
    return { code, expiresAt: expires.rows[0]!.expires_at.toISOString() };
  }
}
