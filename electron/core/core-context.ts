// Owns what every handler slice is given: the core's services, and the types that tie a slice to its procedures.
// Each domain declares its slice beside its service (`<domain>/<domain>-handlers.ts`); handlers.ts joins them.
import type { CallResult, DeskEvent, Officer, OutputOf, ParsedInputOf, ProcedureName } from '../../shared/contract';
import type { AuditLog } from './audit/audit-log';
import type { IntegrityMonitor } from './audit/integrity-check';
import type { CaseService } from './cases/case-service';
import type { Db } from './db/connection';
import type { DeskIdentity } from './desk/desk-identity';
import type { VolumeEncryption } from './desk/disk-encryption';
import type { OfficerService } from './officers/officer-service';
import type { ReferenceService } from './reference/reference-service';
import type { ReviewService } from './review/review-service';
import type { DeskSession } from './session/desk-session';
import type { SessionService } from './session/session-service';
import type { SettingsService } from './settings/settings-service';
import type { SlipService } from './slips/slip-service';
import type { SyncEngine } from './sync/sync-engine';

export interface CoreContext {
  db: Db;
  audit: AuditLog;
  officers: OfficerService;
  session: DeskSession;
  sessions: SessionService;
  settings: SettingsService;
  cases: CaseService;
  slips: SlipService;
  reference: ReferenceService;
  sync: SyncEngine;
  review: ReviewService;
  integrity: IntegrityMonitor;
  identity: DeskIdentity;
  dataDir: string;
  diskEncryption: VolumeEncryption;
  version: string;
  now: () => Date;
  emit: (event: DeskEvent) => void;
}

export type Handler<N extends ProcedureName> = (
  input: ParsedInputOf<N>,
) => Promise<CallResult<OutputOf<N>>> | CallResult<OutputOf<N>>;
export type Handlers = { [N in ProcedureName]: Handler<N> };

/** The handlers of every procedure named `<prefix>.*`: a slice must answer all of its domain's procedures. */
export type HandlerSlice<Prefix extends string> = { [N in Extract<ProcedureName, `${Prefix}.${string}`>]: Handler<N> };

/**
 * The officer making the call. Dispatch has checked that a signed-in, unlocked officer with an allowed role is
 * calling before any handler that asks for one runs.
 */
export function callingOfficer(ctx: Pick<CoreContext, 'session'>): Officer {
  const officer = ctx.session.officer;
  if (!officer) throw new Error('a handler that needs an officer ran without one; dispatch should have refused the call');
  return officer;
}
