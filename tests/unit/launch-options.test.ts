// Launch options: flags beat environment variables, values are checked, and bad values say what is wrong.
import { describe, expect, it } from 'vitest';
import { LaunchOptionError, parseLaunchOptions } from '../../electron/core/launch-options';

describe('parseLaunchOptions', () => {
  it('defaults to the shell default folder, real data, windowed, opening Chromium', () => {
    expect(parseLaunchOptions([], {})).toEqual({ dataDir: '', demo: false, kiosk: false, web: false, open: true });
  });

  it('reads flags in both spellings and prefers them over the environment', () => {
    const options = parseLaunchOptions(['--data-dir', '/srv/desk', '--demo', '--idle-minutes=2', '--no-open', '--port=8123'], {
      MEJA_DATA_DIR: '/elsewhere',
      MEJA_IDLE_MINUTES: '9',
    });
    expect(options).toMatchObject({ dataDir: '/srv/desk', demo: true, idleLockMinutes: 2, open: false, port: 8123 });
  });

  it('reads the environment when no flag is given', () => {
    expect(parseLaunchOptions([], { MEJA_DATA_DIR: '/var/desk', MEJA_DEMO: '1', MEJA_KIOSK: 'true' })).toMatchObject({
      dataDir: '/var/desk',
      demo: true,
      kiosk: true,
    });
  });

  it('refuses values out of range or missing', () => {
    expect(() => parseLaunchOptions(['--idle-minutes=abc'], {})).toThrow(LaunchOptionError);
    expect(() => parseLaunchOptions(['--port=70000'], {})).toThrow(/port/);
    expect(() => parseLaunchOptions(['--data-dir'], {})).toThrow(/needs a value/);
  });
});
