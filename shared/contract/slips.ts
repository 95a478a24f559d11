// Owns the contract of referral slips: the layouts, what a slip says (as the core builds it), the print record,
// and the procedures to fetch a slip and record a print.
import { z } from 'zod';
import { EVERY_ROLE, bilingualTextSchema, procedure } from './define';

export const SLIP_LAYOUTS = ['A5', 'A4', 'ROLL80'] as const;
export type SlipLayout = (typeof SLIP_LAYOUTS)[number];

/** What a referral slip says, bilingual (Indonesian first), ready for any layout to print. */
export const slipSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  /** What the QR code holds: the case number, which any desk can look up. */
  qrText: z.string(),
  issuedAt: z.string(),
  /** issuedAt as the airport's clock shows it, with its zone (03/12/2026 17.05 WIB): what the slip prints. */
  issuedAtLocal: z.string(),
  offices: z.array(z.string()),
  title: bilingualTextSchema,
  travellerName: z.string(),
  documentNumber: z.string(),
  decision: bilingualTextSchema,
  awaitingCountersignature: z.boolean(),
  reasons: z.array(bilingualTextSchema),
  ground: z.object({ title: bilingualTextSchema, citation: z.string() }).nullable(),
  note: z.string(),
  nextSteps: bilingualTextSchema,
  bring: z.array(bilingualTextSchema),
  // Never empty: until an admin sets the office and hotline, the slip gives the national call centre (slip-model.ts).
  bp3miAddress: z.string().trim().min(1),
  bp3miHotline: z.string().trim().min(1),
  officer: z.object({ name: z.string(), agency: bilingualTextSchema }),
  countersignedBy: z.string().nullable(),
});
export type SlipModel = z.infer<typeof slipSchema>;

export const printRecordSchema = z.object({
  at: z.string(),
  officerNumber: z.string(),
  officerName: z.string(),
  layout: z.enum(SLIP_LAYOUTS),
  copies: z.number().int(),
  reprint: z.boolean(),
  toPdf: z.boolean(),
});
export type PrintRecord = z.infer<typeof printRecordSchema>;

/** What the shell reported for a print: only 'printed' and 'saved' are recorded as a print. */
export const SHELL_PRINT_OUTCOMES = ['printed', 'saved', 'cancelled'] as const;
export type ShellPrintOutcome = (typeof SHELL_PRINT_OUTCOMES)[number];

export const slipProcedures = {
  'slips.get': procedure({
    input: z.object({ caseId: z.string().min(1).max(64) }).strict(),
    output: z.object({
      slip: slipSchema,
      layout: z.enum(SLIP_LAYOUTS),
      copies: z.number().int(),
      prints: z.array(printRecordSchema),
    }),
    access: EVERY_ROLE,
  }),
  'slips.print': procedure({
    // Where the shell can print (Electron), the core asks it and records the print only once it has happened;
    // where it cannot (the browser host), the print is recorded and the browser's print window does the rest.
    // toPdf: saved as a PDF file instead of paper; counted like a print, since it is one more copy of the slip.
    input: z
      .object({ caseId: z.string().uuid(), layout: z.enum(SLIP_LAYOUTS), copies: z.number().int().min(1).max(5), toPdf: z.boolean().default(false) })
      .strict(),
    output: z.object({
      caseNumber: z.string(),
      prints: z.array(printRecordSchema),
      /** True when the shell printed or saved (or was cancelled): the renderer must not print again. */
      printedByShell: z.boolean(),
      /** What the shell reported; null when the renderer prints. */
      shellOutcome: z.enum(SHELL_PRINT_OUTCOMES).nullable(),
    }),
    access: EVERY_ROLE,
  }),
} as const;
