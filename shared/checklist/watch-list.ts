// Owns the watch-list file's rules (recruiters' and sponsors' names, numbers and companies): one schema for the
// desk's import and the hub's acceptance of a file that a desk sends to every other desk.
import { z } from 'zod';

/** What a watch-list entry names. The watch_list table's CHECK (migration 2) repeats it; a test keeps them equal. */
export const WATCH_LIST_KINDS = ['name', 'document', 'phone', 'company'] as const;
export type WatchListKind = (typeof WATCH_LIST_KINDS)[number];

export const watchListFileSchema = z
  .object({
    version: z.string().min(1),
    entries: z.array(
      z
        .object({
          kind: z.enum(WATCH_LIST_KINDS),
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
