// Owns the checklist shipped with the desk: the JSON in data/, validated when the module loads so that a
// broken file stops the build's tests rather than a live interview.
import data from './data/default-checklist.json' with { type: 'json' };
import type { Checklist } from './types';
import { validateChecklist } from './validate';

function load(): Checklist {
  const result = validateChecklist(data);
  if (!result.ok) throw new Error(`shared/checklist/data/default-checklist.json is invalid:\n${result.problems.join('\n')}`);
  return result.checklist;
}

export const DEFAULT_CHECKLIST: Checklist = load();
