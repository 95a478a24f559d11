// The Electron shell only relays: its main process and preload name no procedure (#13 item 5). A shell that names
// one (as ipc.ts once did with slips.print, casting its input and patching its answer) holds a rule the core should.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { procedures } from '../../shared/contract';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHELL_FOLDERS = ['electron/main', 'electron/preload'];

/** The procedures a source names in a string literal of any quote. */
function namedProcedures(source: string): string[] {
  return Object.keys(procedures).filter((name) => ['"', "'", '`'].some((quote) => source.includes(`${quote}${name}${quote}`)));
}

describe('the Electron shell', () => {
  it('names no procedure in its main process or preload', async () => {
    const sources: string[] = [];
    for (const folder of SHELL_FOLDERS) {
      for (const file of await readdir(path.join(ROOT, folder))) {
        if (!file.endsWith('.ts')) continue;
        sources.push(`${folder}/${file}`);
        const named = namedProcedures(await readFile(path.join(ROOT, folder, file), 'utf8'));
        expect(named, `${folder}/${file}`).toEqual([]);
      }
    }
    expect(sources).toContain('electron/main/ipc.ts');
  });

  it('would notice one', () => {
    expect(namedProcedures(`if (name === 'slips.print') input = patch(input);`)).toEqual(['slips.print']);
  });
});
