// Owns the browser host's command line: `tsx electron/host/cli.ts [options]`, used by npm start and the tests.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { LaunchOptionError, parseLaunchOptions } from '../core/launch-options';
import { runBrowserHost } from './run-browser-host';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
try {
  await runBrowserHost(parseLaunchOptions(process.argv.slice(2), process.env), join(projectRoot, 'dist', 'renderer'));
} catch (error) {
  console.error(error instanceof LaunchOptionError ? error.message : error);
  process.exit(1);
}
