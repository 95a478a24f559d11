// The import rules of ARCHITECTURE.md are mechanical: the project's own lint configuration refuses a wrong import.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleErrors(rule: string, file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}
const importErrors = (file: string, source: string) => ruleErrors('no-restricted-imports', file, source);
const cycleErrors = (file: string, source: string) => ruleErrors('import-x/no-cycle', file, source);
const zoneErrors = (file: string, source: string) => ruleErrors('import-x/no-restricted-paths', file, source);

describe('import rules', () => {
  it.each([
    ['shared/contract/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/mrz/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import { useState } from 'react';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/core/x.ts', "import { App } from '../../renderer/src/app/App';"],
    ['electron/host/x.ts', "import { App } from '../../renderer/src/app/App';"],
    ['electron/preload/x.ts', "import { openCore } from '../core';"],
    ['renderer/src/x.ts', "import { readFileSync } from 'fs';"],
    ['renderer/src/x.ts', "import { openCore } from '../../electron/core';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['server/x.ts', "import { openCore } from '../electron/core';"],
  ])('refuses in %s: %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['shared/contract/x.ts', "import { z } from 'zod';"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';\nimport { ok } from '../../shared/contract';"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { openCore } from '../core';"],
    ['renderer/src/x.ts', "import { ok } from '../../shared/contract';"],
  ])('allows in %s: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});

// The cycle rule follows real files on disk: each source below stands in for the named file's text.
describe('import cycles', () => {
  it.each([
    // The index joins every domain file, so a domain file importing the index closes a loop.
    ['shared/contract/define.ts', "import { procedures } from './index';\nexport const all = procedures;"],
    // The contract reads the checklist's schemas; the checklist reaching back into the contract closes a loop.
    ['shared/checklist/types.ts', "import { OUTCOMES } from '../contract';\nexport const outcomes = OUTCOMES;"],
  ])('refuses in %s: %s', async (file, source) => {
    expect(await cycleErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['shared/contract/cases.ts', "import { z } from 'zod';\nimport { procedure } from './define';\nexport const x = [z, procedure];"],
    ['shared/slips/slip-model.ts', "import { SLIP_LAYOUTS } from '../contract';\nexport const layouts = SLIP_LAYOUTS;"],
  ])('allows in %s: %s', async (file, source) => {
    expect(await cycleErrors(file, source)).toEqual([]);
  });
});

// The renderer's zones follow real files on disk too: each import below names a file that exists.
describe('renderer zones', () => {
  it.each([
    // One feature reaching into another (as the daily review and the home screen once did).
    ['renderer/src/features/home/x.tsx', "import { AuditScreen } from '../audit/AuditScreen';"],
    ['renderer/src/features/daily-review/x.tsx', "import { OriginPanel } from '../case/OriginPanel';"],
    // Shared pieces never depend on a feature, and nothing but main reaches into the app shell.
    ['renderer/src/components/x.tsx', "import { HomeScreen } from '../features/home/HomeScreen';"],
    ['renderer/src/lib/x.ts', "import { EMPTY_DECISION } from '../features/case/decision-draft';"],
    ['renderer/src/features/settings/x.tsx', "import { SyncStatus } from '../../app/SyncStatus';"],
  ])('refuses in %s: %s', async (file, source) => {
    expect(await zoneErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/features/case/x.tsx', "import { DecisionForm } from './DecisionForm';\nimport { OriginPicker } from '../../components/OriginPicker';\nimport { call } from '../../lib/client';"],
    ['renderer/src/features/daily-review/x.tsx', "import { OriginPicker } from '../../components/OriginPicker';"],
    ['renderer/src/app/x.tsx', "import { HomeScreen } from '../features/home/HomeScreen';\nimport { syncSummary } from '../lib/sync-summary';"],
  ])('allows in %s: %s', async (file, source) => {
    expect(await zoneErrors(file, source)).toEqual([]);
  });
});
