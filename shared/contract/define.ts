// Owns the building blocks of the contract: roles, agencies, languages, and how a procedure is declared.
import { z } from 'zod';

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const AGENCIES = ['BP3MI', 'IMIGRASI'] as const;
export type Agency = (typeof AGENCIES)[number];
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Who may call a procedure. 'public' needs no session (setup, sign-in, status);
 * a role list needs a signed-in, unlocked officer holding one of those roles.
 */
export type Access = 'public' | readonly Role[];
export const EVERY_ROLE = ROLES;
export const SUPERVISION = ['supervisor', 'admin'] as const satisfies readonly Role[];
export const ADMIN = ['admin'] as const satisfies readonly Role[];

export interface ProcedureSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** True for the few procedures a locked desk still answers (unlock, take over, sign out). */
  whileLocked?: boolean;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const none = z.object({}).strict();
/** User-facing text the core composes, Indonesian first. */
/**
 * Every time in an event is UTC with a 'Z' (what toISOString writes, and all any desk has ever written): events are
 * ordered and the report's days are cut by comparing these strings, which an offset such as +07:00 would make wrong.
 */
export const eventTimeSchema = z.iso.datetime();
export const bilingualTextSchema = z.object({ id: z.string(), en: z.string() });
export const done = z.object({ done: z.literal(true) });
