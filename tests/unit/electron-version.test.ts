// Electron stays current (issue #16, finding 10): the project pins a caret range within one supported major, so
// security patches arrive with `npm install`, and the Electron installed here is not older than the lockfile's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
const parse = (version: string) => version.split('.').map(Number) as [number, number, number];
const compare = (a: string, b: string) => {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
};

describe('the Electron version', () => {
  const range = (json('package.json').devDependencies as Record<string, string>).electron!;
  const locked = ((json('package-lock.json').packages as Record<string, { version: string }>)['node_modules/electron'])!.version;

  it('is a caret range within one major, never an exact pin that falls behind security releases', () => {
    expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
  });

  it('is locked to a release of that major at or above the range floor', () => {
    const floor = range.slice(1);
    expect(parse(locked)[0]).toBe(parse(floor)[0]);
    expect(compare(locked, floor)).toBeGreaterThanOrEqual(0);
  });

  it('is installed at the newest patch the lockfile knows of, not older', () => {
    const installed = (json('node_modules/electron/package.json').version as string);
    expect(parse(installed)[0]).toBe(parse(locked)[0]);
    expect(compare(installed, locked), `installed Electron ${installed} is older than the locked ${locked}: run npm install`).toBeGreaterThanOrEqual(0);
  });
});
