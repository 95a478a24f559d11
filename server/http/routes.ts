// Owns the hub's endpoints: which path takes which schema, who must be authenticated, and which service answers.
import type { z } from 'zod';
import {
  SYNC_PATHS,
  SYNC_PROTOCOL_VERSION,
  auditRequestSchema,
  enrollRequestSchema,
  historyRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  referencePullRequestSchema,
  referencePushRequestSchema,
  type HealthResponse,
} from '../../shared/contract/sync';
import type { AdminLog } from '../audit/admin-log';
import type { AuditHeads } from '../audit/audit-heads';
import type { DatabaseKind } from '../db/database';
import type { AuthenticatedDesk, DeskRegistry } from '../desks/desk-registry';
import { historyElsewhere } from '../events/encounters';
import type { EventLog } from '../events/event-log';
import type { OfficerAccounts } from '../reference/officer-accounts';
import type { ReferenceLog } from '../reference/reference-log';
import type { Pool } from 'pg';
import { HubError } from './hub-error';

export interface HubServices {
  pool: Pool;
  database: DatabaseKind;
  hubId: string;
  desks: DeskRegistry;
  events: EventLog;
  reference: ReferenceLog;
  audit: AuditHeads;
  officers: OfficerAccounts;
  adminLog: AdminLog;
}

interface Route<S extends z.ZodType> {
  schema: S;
  /** Enroll is the only call made before the desk has a credential. */
  authenticated: boolean;
  run(services: HubServices, input: z.output<S>, desk: AuthenticatedDesk | null): Promise<unknown>;
}

function route<S extends z.ZodType>(spec: Route<S>): Route<S> {
  return spec;
}

/** Every POST endpoint. Only enroll runs without a desk; the others get the authenticated desk. */
export const POST_ROUTES: Record<string, Route<z.ZodType>> = {
  [SYNC_PATHS.enroll]: route({ schema: enrollRequestSchema, authenticated: false, run: (s, input) => s.desks.enroll(input, s.hubId) }),
  [SYNC_PATHS.push]: route({ schema: pushRequestSchema, authenticated: true, run: (s, input, desk) => s.events.push(desk!, input.events) }),
  [SYNC_PATHS.pull]: route({ schema: pullRequestSchema, authenticated: true, run: (s, input, desk) => s.events.pull(desk!, input) }),
  [SYNC_PATHS.referencePush]: route({
    schema: referencePushRequestSchema,
    authenticated: true,
    run: (s, input, desk) => s.reference.push(desk!.deviceId, input.items),
  }),
  [SYNC_PATHS.referencePull]: route({ schema: referencePullRequestSchema, authenticated: true, run: (s, input) => s.reference.pull(input) }),
  [SYNC_PATHS.audit]: route({ schema: auditRequestSchema, authenticated: true, run: (s, input, desk) => s.audit.compare(desk!, input) }),
  [SYNC_PATHS.history]: route({
    schema: historyRequestSchema,
    authenticated: true,
    run: async (s, input, desk) => ({ encounters: await historyElsewhere(s.pool, desk!, input) }),
  }),
};

export async function health(services: HubServices): Promise<HealthResponse> {
  try {
    await services.pool.query('SELECT 1');
  } catch {
    throw new HubError('unavailable', 'The hub cannot reach its database.');
  }
  return { ok: true, protocol: SYNC_PROTOCOL_VERSION, database: services.database, hubId: services.hubId };
}
