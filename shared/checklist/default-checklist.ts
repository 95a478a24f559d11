// Owns the checklists shipped with the desk: one JSON file per version in data/checklists/, each validated when
// the module loads so that a broken file stops the build's tests rather than a live interview. Every shipped
// version stays here: a case keeps the version it was opened under, and is shown and judged with it.
import v2026_1 from './data/checklists/2026.1.json' with { type: 'json' };
import v2026_2 from './data/checklists/2026.2.json' with { type: 'json' };
import v2026_3 from './data/checklists/2026.3.json' with { type: 'json' };
import v2026_4 from './data/checklists/2026.4.json' with { type: 'json' };
import v2026_5 from './data/checklists/2026.5.json' with { type: 'json' };
import v2026_6 from './data/checklists/2026.6.json' with { type: 'json' };
import type { Checklist } from './types';
import { validateChecklist } from './validate';

function load(data: unknown, file: string): Checklist {
  const result = validateChecklist(data);
  if (!result.ok) throw new Error(`shared/checklist/data/checklists/${file} is invalid:\n${result.problems.join('\n')}`);
  return result.checklist;
}

/** Oldest first. */
export const SHIPPED_CHECKLISTS: readonly Checklist[] = [
  load(v2026_1, '2026.1.json'),
  load(v2026_2, '2026.2.json'),
  load(v2026_3, '2026.3.json'),
  load(v2026_4, '2026.4.json'),
  load(v2026_5, '2026.5.json'),
  load(v2026_6, '2026.6.json'),
];

/**
 * What a desk uses until an admin puts another version in use (Data referensi): 2026.6, the triage checklist with
 * the onward tickets (2026.3) whose suggested routes and thresholds name their sources (2026.4), which takes an
 * employer or placement agency behind a trip whose purpose is not work for a work signal (2026.5), and in which an
 * officer's observation counts on its own, whatever the traveller says in private, and earlier trouble abroad is asked
 * of every traveller in the triage (issue #18). A shipped file is never changed once it has landed: a change is a new
 * version, so that every case is judged by the rules it was decided under (tests/unit/checklist/shipped-data.test.ts
 * pins them).
 */
const IN_USE = '2026.6';

export const DEFAULT_CHECKLIST: Checklist = shippedChecklist(IN_USE) as Checklist;

export function shippedChecklist(version: string): Checklist | undefined {
  return SHIPPED_CHECKLISTS.find((c) => c.version === version);
}
