// Owns the watch-list file's rules (recruiters' and sponsors' names, numbers and companies): one schema for the
// desk's import and the hub's acceptance of a file that a desk sends to every other desk.
import { z } from 'zod';

export const watchListFileSchema = z
  .object({
    version: z.string().min(1),
    entries: z.array(
      z
        .object({
          kind: z.enum(['name', 'document', 'phone', 'company']),
          value: z.string().trim().min(2).max(200),
          note: z.string().max(1000).default(''),
          source: z.string().min(1).max(300),
        })
        .strict(),
    ),
  })
  .strict();
export type WatchListFile = z.infer<typeof watchListFileSchema>;

export type WatchListValidation = { ok: true; list: WatchListFile } | { ok: false; problems: string[] };

export function validateWatchList(json: unknown): WatchListValidation {
  const result = watchListFileSchema.safeParse(json);
  if (result.success) return { ok: true, list: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`) };
}
