// Owns the project's one file-naming rule (ARCHITECTURE.md, Style): a `.tsx` file holds React components and is named
// in PascalCase after them (`DecisionForm.tsx`); every other source file and every folder is kebab-case
// (`decision-draft.ts`, `use-call.ts`, `case-number.test.ts`, `slip.css`). So a name alone says whether a module
// renders, and a newcomer never has to guess how to spell an import.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** Where the project's own code lives; generated output, dependencies and dot-folders are not ours to name. */
const SOURCE_ROOTS = ['electron', 'renderer', 'shared', 'server', 'tests', 'scripts', 'build'];
const SKIPPED = new Set(['node_modules', 'dist', 'dist-electron', 'release', 'test-output', 'test-results']);
const SOURCE_FILE = /\.(tsx?|[cm]?js|css)$/;

const KEBAB = '[a-z0-9]+(?:-[a-z0-9]+)*';
// Dotted parts name a role (`.test`, `.spec`, `.bench`, `.data`, `.config`), each kebab-case too.
const KEBAB_FILE = new RegExp(`^${KEBAB}(?:\\.${KEBAB})*\\.(?:ts|js|cjs|mjs|css)$`);
const PASCAL_FILE = /^[A-Z][A-Za-z0-9]*\.tsx$/;
const KEBAB_FOLDER = new RegExp(`^${KEBAB}$`);

/** Why a file's or folder's name breaks the rule, or null when it follows it. */
export function nameProblem(name: string, kind: 'file' | 'folder'): string | null {
  if (kind === 'folder') return KEBAB_FOLDER.test(name) ? null : 'folders are kebab-case';
  if (name.endsWith('.tsx')) return PASCAL_FILE.test(name) ? null : '.tsx files hold components and are PascalCase';
  return KEBAB_FILE.test(name) ? null : 'files other than .tsx are kebab-case (a component belongs in a PascalCase .tsx)';
}

function* walk(folder: string): Generator<{ path: string; name: string; kind: 'file' | 'folder' }> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      yield { path, name: entry.name, kind: 'folder' };
      yield* walk(path);
    } else if (SOURCE_FILE.test(entry.name)) yield { path, name: entry.name, kind: 'file' };
  }
}

describe('file names', () => {
  it.each([
    ['DecisionForm.tsx', 'file'],
    ['App.tsx', 'file'],
    ['decision-draft.ts', 'file'],
    ['use-call.ts', 'file'],
    ['case-number.test.ts', 'file'],
    ['idn-areas.data.ts', 'file'],
    ['electron-builder.config.cjs', 'file'],
    ['slip.css', 'file'],
    ['daily-review', 'folder'],
  ] as const)('allows %s (%s)', (name, kind) => {
    expect(nameProblem(name, kind)).toBeNull();
  });

  it.each([
    ['form.tsx', 'file'],
    ['officer-fields.tsx', 'file'],
    ['decisionForm.tsx', 'file'],
    ['DecisionDraft.ts', 'file'],
    ['useCall.ts', 'file'],
    ['use_call.ts', 'file'],
    ['Slip.css', 'file'],
    ['dailyReview', 'folder'],
  ] as const)('refuses %s (%s)', (name, kind) => {
    expect(nameProblem(name, kind)).not.toBeNull();
  });

  it('every source file and folder of the project follows the rule', () => {
    const problems = SOURCE_ROOTS.flatMap((root) => [...walk(join(ROOT, root))])
      .map((entry) => ({ path: relative(ROOT, entry.path), problem: nameProblem(entry.name, entry.kind) }))
      .filter((entry) => entry.problem !== null)
      .map((entry) => `${entry.path}: ${entry.problem}`);
    expect(problems).toEqual([]);
  });
});
