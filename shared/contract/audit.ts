// Owns the contract of the audit log: its entries, the chain check, and who may read them.
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

/** The desk's tamper check (chain, head file, append-only triggers, case tables against their events). */
export const integrityReportSchema = z.object({
  state: z.enum(['pending', 'ok', 'failed']),
  checkedAt: z.string().nullable(),
  problems: z.array(z.string()),
});
export type IntegrityReport = z.infer<typeof integrityReportSchema>;

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
} as const;
