// Owns the contract of the audit log and the desk's own trust: its entries, the chain and tamper checks, the
// diagnostics of the data folder, and who may read them.
import { z } from 'zod';
import { SUPERVISION, none, procedure } from './define';

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

/**
 * What the tamper check can find. The kind picks the sentence the officer reads in the app's language; the
 * subject names what is affected (an entry number, a trigger, a case number); the detail is the core's technical
 * account in English, for the IT officer.
 */
export const INTEGRITY_PROBLEM_KINDS = [
  'chain_broken',
  'head_missing',
  'tail_cut',
  'chain_rewritten',
  'trigger_missing',
  'case_without_events',
  'case_missing',
  'case_differs',
  'event_unreadable',
  'check_failed',
] as const;
export type IntegrityProblemKind = (typeof INTEGRITY_PROBLEM_KINDS)[number];

export const integrityProblemSchema = z.object({
  kind: z.enum(INTEGRITY_PROBLEM_KINDS),
  subject: z.string(),
  detail: z.string(),
});
export type IntegrityProblem = z.infer<typeof integrityProblemSchema>;

/** The desk's tamper check (chain, head file, append-only triggers, case tables against their events). */
export const integrityReportSchema = z.object({
  state: z.enum(['pending', 'ok', 'failed']),
  checkedAt: z.string().nullable(),
  problems: z.array(integrityProblemSchema),
});
export type IntegrityReport = z.infer<typeof integrityReportSchema>;

/**
 * Why a reference item was refused. The code picks the sentence an admin reads in the app's language (with `params`);
 * the problem text beside it is the core's technical account in English, for the IT officer. `unspecified`: a refusal
 * stored before codes were (its technical account is all there is).
 */
export const REFUSAL_PROBLEMS = ['unreadable', 'breaks_rules', 'version_clash', 'password_hash', 'last_admin', 'hub_refused', 'unspecified'] as const;
export type RefusalProblem = (typeof REFUSAL_PROBLEMS)[number];
/** A refusal as the core's rules give it: the code, its sentence's placeholders, and the technical problems. */
export interface RefusalReason {
  code: RefusalProblem;
  params?: Record<string, string | number>;
  problems: string[];
}

/** Reference data's sync: when it last reached the hub's end, what waits to be sent, what was refused and why. */
export const referenceSyncSchema = z.object({
  /** Whether this desk is enrolled with a hub (else reference data is this desk's own imports only). */
  enrolled: z.boolean(),
  /** When the last reference pull reached the end of the hub's stream (ISO time), or null. */
  lastSyncAt: z.string().nullable(),
  /** Items this desk's admins changed that the hub does not hold yet. */
  pending: z.number().int(),
  /** Versions in use now. */
  versions: z.object({ checklist: z.string(), countryRules: z.string(), watchList: z.string() }),
  /** Items refused, newest first (received: by this desk; sent: by the hub). */
  refused: z.array(
    z.object({
      direction: z.enum(['received', 'sent']),
      revision: z.number().int().nullable(),
      kind: z.string(),
      key: z.string(),
      problemCode: z.enum(REFUSAL_PROBLEMS),
      /** The sentence's placeholders (a count, an officer number). */
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      /** The technical account, in English. */
      problem: z.string(),
      at: z.string(),
      /** open: waits for an admin (the header says so); seen: an admin marked it seen; overtaken: a later revision of the item was taken. */
      state: z.enum(['open', 'seen', 'overtaken']),
      /** The admin who marked it seen, and when. */
      seenBy: z.string().nullable(),
      seenAt: z.string().nullable(),
    }),
  ),
});
export type ReferenceSync = z.infer<typeof referenceSyncSchema>;

/** What an admin or supervisor checks of the desk itself: where its data lives and how it is protected. */
export const diagnosticsSchema = z.object({
  dataDir: z.string(),
  /** Permission bits in octal ('700'); anything wider lets other users of the PC read the records. */
  dataDirMode: z.string(),
  files: z.array(z.object({ name: z.string(), mode: z.string() })),
  diskEncryption: z.enum(['encrypted', 'not_encrypted', 'unknown']),
  integrity: integrityReportSchema,
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  versions: z.object({ app: z.string(), electron: z.string().nullable(), node: z.string(), schema: z.number().int() }),
  reference: referenceSyncSchema,
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;

export const auditProcedures = {
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
  'audit.integrity': procedure({
    input: none,
    output: integrityReportSchema,
    access: SUPERVISION,
  }),
  // Read-only for supervisors and admins; an officer has no business with the desk's files.
  'audit.diagnostics': procedure({
    input: none,
    output: diagnosticsSchema,
    access: SUPERVISION,
  }),
} as const;
