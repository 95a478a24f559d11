// Owns the one table of every procedure: each domain's slice joined. Both shells and the renderer's client are
// typed from it. Kept apart from the index so a bundle that needs only the channel names (the preload) drops it.
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
