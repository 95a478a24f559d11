// The desk's words (issue #19): a Tunda is a delay, never a detention; the traveller has one name; nothing is left
// in English on the Indonesian screens; the audit screen has a label, in both languages, for every action the
// core records, so it never shows a raw code.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASON_CODES, SHIPPED_CHECKLISTS } from '../../shared/checklist';
import { catalogue } from '../../shared/i18n/catalogue';

/** Every Indonesian text of a value: an object with `id` and `en` strings is a bilingual text. */
function indonesianTexts(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => indonesianTexts(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.en === 'string') found.push(record.id);
    else Object.values(record).forEach((item) => indonesianTexts(item, found));
  }
  return found;
}

const INDONESIAN = [...Object.values(catalogue.id), ...indonesianTexts(REASON_CODES), ...indonesianTexts(SHIPPED_CHECKLISTS)];

/** The same in both languages on purpose: names, formats, and loanwords Indonesian uses as they are. */
const SAME_IN_BOTH = new Set(['agency.BP3MI', 'role.supervisor', 'role.admin', 'officers.status', 'scan.format', 'case.amendment', 'caseReview.print', 'slip.layout.A4', 'diagnostics.version.electron', 'diagnostics.version.node']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the desk speaks one vocabulary', () => {
  it('calls a Tunda a delay, never a detention, and the traveller only "pelaku perjalanan"', () => {
    expect(INDONESIAN.length).toBeGreaterThan(500);
    const wrong = INDONESIAN.filter((text) => /penahanan|ditahan|penumpang/i.test(text));
    expect(wrong).toEqual([]);
  });

  it('leaves nothing in English on the Indonesian screens', () => {
    const untranslated = Object.keys(catalogue.id).filter((key) => catalogue.id[key as keyof typeof catalogue.id] === catalogue.en[key as keyof typeof catalogue.en] && !SAME_IN_BOTH.has(key));
    expect(untranslated).toEqual([]);
  });

  it('has a label in both languages for every action the core writes to the audit log', () => {
    const actions = new Set<string>();
    for (const file of sourceFiles(join(process.cwd(), 'electron'))) {
      const source = readFileSync(file, 'utf8');
      // audit.append(actor, 'x.y', …) and the review service's map of event types to audit actions.
      for (const match of source.matchAll(/append\([^;]*?,\s*'([a-z_]+\.[a-z_]+)'/g)) actions.add(match[1]!);
      for (const match of source.matchAll(/'case\.[a-z_]+': '([a-z_]+\.[a-z_]+)'/g)) actions.add(match[1]!);
    }
    // The case service records its own event types for decisions and countersignatures.
    actions.add('case.decided').add('case.countersigned');
    expect(actions.size).toBeGreaterThan(20);
    const unlabelled = [...actions].filter((action) => !(`audit.action.${action}` in catalogue.id) || !(`audit.action.${action}` in catalogue.en));
    expect(unlabelled).toEqual([]);
  });
});
