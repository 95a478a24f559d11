// Electron stays current (issue #16, finding 10): the project pins a caret range within one supported major, the
// lockfile holds the newest patch the registry has of that major (a security release fails this test until the lock
// is moved on: `npm install --save-dev electron@^<newest>`), and the Electron installed here is the locked one.
import { execFileSync } from 'node:child_process';
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

  it('is locked at the newest release of its major that the npm registry has', () => {
    const major = parse(locked)[0];
    // Through npm, so the machine's registry settings apply; the registry is reachable wherever `npm ci` ran.
    const answer = execFileSync('npm', ['view', `electron@${major}`, 'version', '--json'], { encoding: 'utf8', timeout: 60_000 });
    const published = ([] as string[]).concat(JSON.parse(answer) as string | string[]).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
    const newest = published.sort(compare).at(-1);
    expect(newest, 'the registry named no release of this major').toBeDefined();
    expect(compare(locked, newest!), `Electron ${newest} is out; the lockfile holds ${locked}: npm install --save-dev electron@^${newest}`).toBeGreaterThanOrEqual(0);
  });

  it('is installed at the newest patch the lockfile knows of, not older', () => {
    const installed = (json('node_modules/electron/package.json').version as string);
    expect(parse(installed)[0]).toBe(parse(locked)[0]);
    expect(compare(installed, locked), `installed Electron ${installed} is older than the locked ${locked}: run npm install`).toBeGreaterThanOrEqual(0);
  });
});
