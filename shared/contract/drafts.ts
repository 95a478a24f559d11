// Owns the contract of the officer's unsaved place: where they were and the decision form as typed, stashed in
// the core's session so that unlocking (after a manual or idle lock) returns them to it. Never stored on disk,
// never handed to another officer.
import { z } from 'zod';
import { EVERY_ROLE, done, none, procedure } from './define';
import { NOTE_MAX_LENGTH, OUTCOMES } from './cases';

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

export const draftProcedures = {
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
