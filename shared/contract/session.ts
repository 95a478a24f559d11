// Owns the contract of the desk session: signing in and out, locking, taking over, and the officer's unsaved
// place (where they were and the decision form as typed), stashed in the core's session so that unlocking returns
// them to it. A draft is never stored on disk, never handed to another officer.
import { z } from 'zod';
import { EVERY_ROLE, done, none, procedure } from './define';
import { NOTE_MAX_LENGTH, OUTCOMES } from './cases';
import { officerNumberSchema, officerSchema } from './officers';

/** After maxFailedAttempts wrong passwords in a row an account locks for lockoutMinutes. */
export const SIGN_IN_POLICY = { maxFailedAttempts: 5, lockoutMinutes: 15 } as const;

export const sessionViewSchema = z.object({
  officer: officerSchema,
  locked: z.boolean(),
  signedInAt: z.string(),
  /** When the desk locks if nothing happens before (ISO time). */
  lockAt: z.string(),
  idleLockMinutes: z.number(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** The screens a draft can return to; the rest are one click from home. */
export const DRAFT_SCREENS = ['case', 'slip'] as const;

export const decisionDraftSchema = z
  .object({
    outcome: z.enum(OUTCOMES).nullable(),
    /** Reasons the officer ticked beyond, or unticked from, those the interview raised. */
    reasonsAdded: z.array(z.string().max(64)).max(60),
    reasonsRemoved: z.array(z.string().max(64)).max(60),
    legalGround: z.string().max(64),
    note: z.string().max(NOTE_MAX_LENGTH),
    phone: z.string().max(40),
    address: z.string().max(500),
    consent: z.boolean(),
  })
  .strict();
export type DecisionDraft = z.infer<typeof decisionDraftSchema>;

export const deskDraftSchema = z
  .object({
    screen: z.enum(DRAFT_SCREENS),
    caseId: z.string().min(1).max(64),
    decision: decisionDraftSchema.nullable(),
  })
  .strict();
export type DeskDraft = z.infer<typeof deskDraftSchema>;

export const sessionProcedures = {
  'session.status': procedure({
    input: none,
    output: sessionViewSchema.nullable(),
    access: 'public',
    whileLocked: true,
  }),
  'session.signIn': procedure({
    // Signing in while the desk is locked is how another officer takes the desk over.
    input: z.object({ officerNumber: officerNumberSchema, password: z.string().min(1).max(200) }).strict(),
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
  'session.saveDraft': procedure({
    // null forgets the draft (the officer moved on).
    input: z.object({ draft: deskDraftSchema.nullable() }).strict(),
    output: done,
    access: EVERY_ROLE,
  }),
  'session.draft': procedure({
    input: none,
    output: deskDraftSchema.nullable(),
    access: EVERY_ROLE,
  }),
} as const;
