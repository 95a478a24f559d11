// Owns the contract of the reference data behind a case (checklist, country rules, watch list): what is in force
// and how an admin imports a new file.
import { z } from 'zod';
import { checklistSchema, countryRulesSchema } from '../checklist';
import { ADMIN, EVERY_ROLE, procedure } from './define';

export const REFERENCE_KINDS = ['checklist', 'country_rules', 'watch_list'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
const referenceKinds = z.enum(REFERENCE_KINDS);

export const referenceProcedures = {
  'reference.current': procedure({
    input: z.object({}).strict(),
    output: z.object({
      checklist: checklistSchema,
      countryRules: countryRulesSchema,
      versions: z.object({ checklist: z.string(), countryRules: z.string(), watchList: z.string() }),
    }),
    access: EVERY_ROLE,
  }),
  /** The checklist a case was opened under, so an older case shows its own questions. */
  'reference.checklist': procedure({
    input: z.object({ version: z.string().min(1).max(100) }).strict(),
    output: checklistSchema,
    access: EVERY_ROLE,
  }),
  'reference.import': procedure({
    input: z.object({ kind: referenceKinds, content: z.string().min(1).max(5_000_000) }).strict(),
    output: z.object({ kind: referenceKinds, version: z.string() }),
    access: ADMIN,
  }),
} as const;
