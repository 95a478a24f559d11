// Owns the app's own origin, app://desk, and the one test of whether a URL or origin belongs to it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for `app://desk`, `app://desk/` and any URL under it. Parsed rather than prefix-matched so that
 * look-alikes (`app://desk.evil/`, `app://desk@evil/`, `app://desk:1/`) are refused. Chromium reports
 * origins sometimes with and sometimes without the trailing slash, so both are accepted.
 */
export function isAppUrl(value: string | null | undefined): boolean {
  if (typeof value !== 'string' || value === '') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
