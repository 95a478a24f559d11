// Owns the contract of officers: who they are, the rules for numbers, names and passwords, first-admin setup and
// the admin's officer management.
import { z } from 'zod';
import { ADMIN, AGENCIES, ROLES, done, none, procedure } from './define';
import { airportCodeSchema, deskCodeSchema } from './desk-codes';

export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(200);
export const officerNumberSchema = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9.\-/]+$/, 'letters, digits, dot, dash or slash only');
/** A name as accounts carry it; accounts made before names were checked (below) may hold any character. */
export const personNameSchema = z.string().trim().min(2).max(120);
/**
 * What a name may not hold: control characters (line breaks, tabs, escapes), line and paragraph separators, and the
 * bidirectional overrides and isolates that make a name read otherwise than it is stored. A name is printed on slips,
 * shown in lists and written into the CSV; Arabic script and the marks it needs (ZWJ, ZWNJ, LRM, RLM) stay allowed.
 */
const NOT_IN_A_NAME = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** A name as it is given (an account's, a desk's): refused with a reason the screens say in both languages. */
export function givenName(schema: z.ZodString) {
  return schema.refine((name) => !NOT_IN_A_NAME.test(name), {
    message: 'a name has no line breaks, tabs or other control characters',
    params: { reason: 'nameControlCharacters' },
  });
}
const personName = givenName(personNameSchema);

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

export const officerProcedures = {
  'setup.createFirstAdmin': procedure({
    // The desk's codes are set here, with its first admin, and never defaulted: case numbers carry them
    // (PLM-D01-…), so two desks that both took a default would number their cases alike.
    input: z
      .object({
        name: personName,
        officerNumber: officerNumberSchema,
        agency: z.enum(AGENCIES),
        password: passwordSchema,
        airportCode: airportCodeSchema,
        deskCode: deskCodeSchema,
      })
      .strict(),
    output: officerSchema,
    access: 'public',
  }),
  'officers.list': procedure({
    input: none,
    output: z.array(officerSchema),
    access: ADMIN,
  }),
  'officers.create': procedure({
    input: z
      .object({ name: personName, officerNumber: officerNumberSchema, agency: z.enum(AGENCIES), role: z.enum(ROLES), password: passwordSchema })
      .strict(),
    output: officerSchema,
    access: ADMIN,
  }),
  'officers.resetPassword': procedure({
    input: z.object({ officerId: z.number().int().positive(), password: passwordSchema }).strict(),
    output: done,
    access: ADMIN,
  }),
  'officers.setActive': procedure({
    input: z.object({ officerId: z.number().int().positive(), active: z.boolean() }).strict(),
    output: officerSchema,
    access: ADMIN,
  }),
} as const;
