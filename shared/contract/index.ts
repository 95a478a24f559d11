// Owns the whole contract: it joins each domain's slice of procedures into the one table both shells and the
// renderer's client are typed from, and re-exports every domain's schemas. A domain's schemas and procedures
// live in its own file (session.ts, cases.ts, …); add a procedure there, never here.
import type { z } from 'zod';
import { appProcedures } from './app';
import { auditProcedures } from './audit';
import { caseProcedures } from './cases';
import { officerProcedures } from './officers';
import { referenceProcedures } from './reference';
import { sessionProcedures } from './session';
import { settingsProcedures } from './settings';
import { slipProcedures } from './slips';
import { reviewProcedures } from './review';
import { syncProcedures } from './sync';

export * from './result';
export { AGENCIES, LANGUAGES, ROLES, type Access, type Agency, type Language, type Role } from './define';
export * from './app';
export * from './session';
export * from './officers';
export * from './settings';
export * from './audit';
export * from './cases';
export * from './slips';
export * from './reference';
export * from './events';
export * from './review';
export { SYNC_PROBLEMS, hubUrlSchema, syncStateSchema, syncProcedures, type SyncProblem, type SyncState } from './sync';

export const procedures = {
  ...appProcedures,
  ...sessionProcedures,
  ...officerProcedures,
  ...settingsProcedures,
  ...auditProcedures,
  ...caseProcedures,
  ...slipProcedures,
  ...referenceProcedures,
  ...syncProcedures,
  ...reviewProcedures,
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type InputOf<N extends ProcedureName> = z.input<Procedures[N]['input']>;
export type ParsedInputOf<N extends ProcedureName> = z.output<Procedures[N]['input']>;
export type OutputOf<N extends ProcedureName> = z.output<Procedures[N]['output']>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(procedures, name);
}

/** The names the Electron preload and IPC wiring agree on. */
export const IPC_INVOKE_CHANNEL = 'desk:invoke';
export const IPC_EVENT_CHANNEL = 'desk:event';
