// Owns the contract of the desk as a whole: what the renderer needs before anyone signs in.
import { z } from 'zod';
import { LANGUAGES, none, procedure } from './define';
import { syncStateSchema } from './sync';

export const appProcedures = {
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
} as const;
