// Owns the contract of the desk's settings: what an admin may set and how each value is bounded.
import { z } from 'zod';
import { airportCodeSchema, deskCodeSchema } from './desk-codes';
import { ADMIN, EVERY_ROLE, LANGUAGES, none, procedure } from './define';
import { givenName } from './officers';
import { SLIP_LAYOUTS } from './slips';

export const settingsSchema = z.object({
  deskName: z.string().trim().min(1).max(60),
  /** Case numbers start with airport and desk code, so they are unique across desks without coordination. */
  airportCode: airportCodeSchema,
  deskCode: deskCodeSchema,
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

export const settingsProcedures = {
  'settings.get': procedure({
    input: none,
    output: settingsSchema,
    access: EVERY_ROLE,
  }),
  'settings.update': procedure({
    // A desk's name is shown in every list and exported: given anew, it takes a name's rule (one kept from before is
    // still read as it is).
    input: settingsSchema.partial().extend({ deskName: givenName(settingsSchema.shape.deskName).optional() }).strict(),
    output: settingsSchema,
    access: ADMIN,
  }),
} as const;
