// Owns `npm test`: typecheck every layer, lint, unit and integration tests, then end-to-end tests,
// and end with one summary line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'test-output';
mkdirSync(OUT, { recursive: true });
const LAYERS = ['shared', 'electron/core', 'electron/host', 'electron/main', 'electron/preload', 'renderer', 'server', 'tests', 'scripts'];

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(name: string, ok: boolean): void {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

for (const layer of LAYERS) {
  // A layer with no TypeScript yet (the hub, before it exists) has nothing to check.
  if (!readdirSync(layer, { recursive: true }).some((f) => String(f).endsWith('.ts') || String(f).endsWith('.tsx'))) continue;
  check(`typecheck ${layer}`, step(`typecheck ${layer}`, 'npx', ['tsc', '-p', join(layer, 'tsconfig.json')]));
}
check('lint', step('lint', 'npx', ['eslint', '.']));

const vitestJson = join(OUT, 'vitest.json');
const vitestOk = step('unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (report.numFailedTests > 0 || !vitestOk) failures.push('vitest');
  if (!vitestOk && report.numFailedTests === 0) failed++;
} else check('vitest', false);

check('build renderer', step('build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']));
const playwrightJson = join(OUT, 'playwright.json');
const e2eOk = step('end-to-end tests (Chromium against the browser host)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});
if (existsSync(playwrightJson)) {
  const { stats } = JSON.parse(readFileSync(playwrightJson, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
  skipped += stats.skipped;
  if (stats.unexpected + stats.flaky > 0 || !e2eOk) failures.push('playwright');
  if (!e2eOk && stats.unexpected === 0 && stats.flaky === 0) failed++;
} else check('playwright', false);

const electronBinary = join('node_modules', 'electron', 'path.txt');
console.log(
  existsSync(electronBinary)
    ? '\nElectron binary present: run the Electron shell by hand with `npm start` (no automated Electron run yet).'
    : '\nElectron end-to-end: not run. No Electron binary on this machine (it is downloaded separately, see README); the browser host was tested instead.',
);
if (failures.length > 0) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
