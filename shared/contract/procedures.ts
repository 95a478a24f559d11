// Owns the list of every procedure the core offers: its name, input and output schemas, and who may call it.
// Both shells and the renderer's client are typed from this one table.
import { z } from 'zod';
import { ADMIN, AGENCIES, EVERY_ROLE, LANGUAGES, ROLES, SUPERVISION, done, none, procedure } from './define';
import { caseProcedures } from './cases';
import { draftProcedures } from './drafts';
import { SLIP_LAYOUTS } from '../slips/slip-model';

export { AGENCIES, LANGUAGES, ROLES, type Access, type Agency, type Language, type Role } from './define';

export const PASSWORD_MIN_LENGTH = 10;
/** After maxFailedAttempts wrong passwords in a row an account locks for lockoutMinutes. */
export const SIGN_IN_POLICY = { maxFailedAttempts: 5, lockoutMinutes: 15 } as const;
const password = z.string().min(PASSWORD_MIN_LENGTH).max(200);
const officerNumber = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9.\-/]+$/, 'letters, digits, dot, dash or slash only');
const personName = z.string().trim().min(2).max(120);

export const officerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  officerNumber: z.string(),
  agency: z.enum(AGENCIES),
  role: z.enum(ROLES),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Officer = z.infer<typeof officerSchema>;

export const sessionViewSchema = z.object({
  officer: officerSchema,
  locked: z.boolean(),
  signedInAt: z.string(),
  /** When the desk locks if nothing happens before (ISO time). */
  lockAt: z.string(),
  idleLockMinutes: z.number(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const syncStateSchema = z.object({
  state: z.enum(['not_configured', 'idle', 'syncing', 'offline', 'error']),
  lastSyncAt: z.string().nullable(),
  pending: z.number().int(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first sequence number where the chain breaks, when it does. */
  brokenAt: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const settingsSchema = z.object({
  deskName: z.string().trim().min(1).max(60),
  /** Case numbers start with airport and desk code, so they are unique across desks without coordination. */
  airportCode: z.string().regex(/^[A-Z]{3}$/, 'three capital letters (IATA)'),
  deskCode: z.string().regex(/^[A-Z0-9]{2,4}$/, 'two to four capital letters or digits'),
  idleLockMinutes: z.number().min(0.05).max(240),
  defaultLanguage: z.enum(LANGUAGES),
  /** Referral slips: who issues them, where the traveller goes, how they print. */
  issuingOffices: z.array(z.string().trim().min(1).max(120)).min(1).max(4),
  bp3miAddress: z.string().trim().max(300),
  bp3miHotline: z.string().trim().max(200),
  maskDocumentNumber: z.boolean(),
  slipLayout: z.enum(SLIP_LAYOUTS),
  /** Empty: the system's default printer. */
  printerName: z.string().trim().max(200),
  slipCopies: z.number().int().min(1).max(5),
});
export type DeskSettings = z.infer<typeof settingsSchema>;


export const procedures = {
  'app.info': procedure({
    input: none,
    output: z.object({
      setupNeeded: z.boolean(),
      demo: z.boolean(),
      deskId: z.string(),
      deskName: z.string(),
      version: z.string(),
      defaultLanguage: z.enum(LANGUAGES),
      sync: syncStateSchema,
    }),
    access: 'public',
    whileLocked: true,
  }),
  'setup.createFirstAdmin': procedure({
    input: z.object({ name: personName, officerNumber, agency: z.enum(AGENCIES), password }).strict(),
    output: officerSchema,
    access: 'public',
  }),
  'session.status': procedure({
    input: none,
    output: sessionViewSchema.nullable(),
    access: 'public',
    whileLocked: true,
  }),
  'session.signIn': procedure({
    // Signing in while the desk is locked is how another officer takes the desk over.
    input: z.object({ officerNumber, password: z.string().min(1).max(200) }).strict(),
    output: sessionViewSchema,
    access: 'public',
    whileLocked: true,
  }),
  'session.unlock': procedure({
    input: z.object({ password: z.string().min(1).max(200) }).strict(),
    output: sessionViewSchema,
    access: EVERY_ROLE,
    whileLocked: true,
  }),
  'session.touch': procedure({
    input: none,
    output: sessionViewSchema,
    access: EVERY_ROLE,
  }),
  'session.lock': procedure({
    input: none,
    output: sessionViewSchema,
    access: EVERY_ROLE,
  }),
  'session.signOut': procedure({
    input: none,
    output: done,
    access: EVERY_ROLE,
    whileLocked: true,
  }),
  'officers.list': procedure({
    input: none,
    output: z.array(officerSchema),
    access: ADMIN,
  }),
  'officers.create': procedure({
    input: z
      .object({ name: personName, officerNumber, agency: z.enum(AGENCIES), role: z.enum(ROLES), password })
      .strict(),
    output: officerSchema,
    access: ADMIN,
  }),
  'officers.resetPassword': procedure({
    input: z.object({ officerId: z.number().int().positive(), password }).strict(),
    output: done,
    access: ADMIN,
  }),
  'officers.setActive': procedure({
    input: z.object({ officerId: z.number().int().positive(), active: z.boolean() }).strict(),
    output: officerSchema,
    access: ADMIN,
  }),
  'settings.get': procedure({
    input: none,
    output: settingsSchema,
    access: EVERY_ROLE,
  }),
  'settings.update': procedure({
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
    access: ADMIN,
  }),
  'audit.recent': procedure({
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(auditEntrySchema),
    access: SUPERVISION,
  }),
  'audit.verify': procedure({
    input: none,
    output: auditVerificationSchema,
    access: SUPERVISION,
  }),
  ...draftProcedures,
  ...caseProcedures,
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type InputOf<N extends ProcedureName> = z.input<Procedures[N]['input']>;
export type ParsedInputOf<N extends ProcedureName> = z.output<Procedures[N]['input']>;
export type OutputOf<N extends ProcedureName> = z.output<Procedures[N]['output']>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(procedures, name);
}
