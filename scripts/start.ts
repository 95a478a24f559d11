// Owns `npm start`: build what is stale, then run the desk in Electron where its binary runs, else in the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LaunchOptionError, parseLaunchOptions } from '../electron/core/launch-options';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary, if the electron package has one and it starts; never tries to download it. */
function workingElectron(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return null;
  const probe = spawnSync(binary, ['--version'], { timeout: 15_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return probe.status === 0 ? binary : null;
}

let options;
try {
  options = parseLaunchOptions(args, process.env);
} catch (error) {
  console.error(error instanceof LaunchOptionError ? error.message : error);
  process.exit(1);
}

const rendererIndex = join(root, 'dist', 'renderer', 'index.html');
const sourcesChanged = () =>
  Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared'))) > statSync(rendererIndex).mtimeMs;
if (!existsSync(rendererIndex) || sourcesChanged()) run('npx', ['vite', 'build', '--logLevel', 'warn']);

const electron = options.web ? null : workingElectron();
if (electron) {
  run('npx', ['tsx', 'scripts/build-electron.ts']);
  const child = spawn(electron, ['.', ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!options.web) {
    console.log('Electron binary not available here (it is downloaded separately; see README): starting the browser host.');
  }
  const child = spawn('npx', ['tsx', 'electron/host/cli.ts', ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
