// Owns how a launch is configured: command-line flags first, then environment variables, then defaults.

export interface LaunchOptions {
  /** The data folder; an empty string means "the shell's default" (Electron: userData). */
  dataDir: string;
  demo: boolean;
  kiosk: boolean;
  /** Overrides the idle-lock setting for this launch, in minutes. */
  idleLockMinutes?: number;
  /** Force the browser host even where Electron runs. */
  web: boolean;
  /** Browser host port; 0 picks a free one. */
  port?: number;
  /** Open Chromium on the browser host's address. */
  open: boolean;
}

const USAGE = `Options:
  --data-dir=DIR        where the desk database lives (env MEJA_DATA_DIR)
  --demo                use a separate demo database with demo officers (env MEJA_DEMO=1)
  --kiosk               full-screen kiosk window (env MEJA_KIOSK=1)
  --idle-minutes=N      lock the desk after N idle minutes for this launch (env MEJA_IDLE_MINUTES)
  --web                 use the browser host even where Electron runs
  --port=N              browser host port (env MEJA_PORT; default 0 = any free port)
  --no-open             do not open Chromium; print the address instead`;

export class LaunchOptionError extends Error {}

export function launchUsage(): string {
  return USAGE;
}

export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else {
      const name = arg.slice(2);
      const next = argv[i + 1];
      // "--data-dir DIR" as well as "--data-dir=DIR" for the flags that take a value.
      if (['data-dir', 'idle-minutes', 'port'].includes(name) && next !== undefined && !next.startsWith('--')) {
        flags.set(name, next);
        i++;
      } else {
        flags.set(name, true);
      }
    }
  }
  const text = (flag: string, envName: string): string | undefined => {
    const value = flags.get(flag);
    if (typeof value === 'string') return value;
    if (value === true) throw new LaunchOptionError(`--${flag} needs a value.\n${USAGE}`);
    const fromEnv = env[envName];
    return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
  };
  const bool = (flag: string, envName: string): boolean =>
    flags.get(flag) === true || flags.get(flag) === 'true' || env[envName] === '1' || env[envName] === 'true';
  const number = (flag: string, envName: string, min: number, max: number): number | undefined => {
    const raw = text(flag, envName);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new LaunchOptionError(`--${flag} must be a number from ${min} to ${max}, got "${raw}".`);
    }
    return value;
  };

  const options: LaunchOptions = {
    dataDir: text('data-dir', 'MEJA_DATA_DIR') ?? '',
    demo: bool('demo', 'MEJA_DEMO'),
    kiosk: bool('kiosk', 'MEJA_KIOSK'),
    web: bool('web', 'MEJA_WEB'),
    open: flags.get('no-open') !== true && env.MEJA_NO_OPEN !== '1',
  };
  const idle = number('idle-minutes', 'MEJA_IDLE_MINUTES', 0.05, 240);
  if (idle !== undefined) options.idleLockMinutes = idle;
  const port = number('port', 'MEJA_PORT', 0, 65535);
  if (port !== undefined) options.port = port;
  return options;
}
