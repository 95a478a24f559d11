// The import rules of ARCHITECTURE.md are mechanical: the project's own lint configuration refuses a wrong import.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

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
