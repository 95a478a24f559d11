// Owns how app://desk/ URLs map onto the built renderer's files and which headers every response carries.
// Free of Electron imports so the path rules can be tested under plain Node.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAppUrl } from './app-origin';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../core/renderer-serving';

export { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../core/renderer-serving';

/** Headers on every response, errors included, so no document of ours ever runs without the policy. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // The bundle changes with every release; stale assets after an update would be worse than re-reading a local file.
    'Cache-Control': 'no-cache',
  };
}

/**
 * The file under `root` that `requestUrl` names, or null when the URL is not ours or tries to leave `root`.
 * Decoding happens once, here, and every check runs on the decoded text: `%2e%2e%2f` and `..%5c` are the
 * same attack as `../`, and Windows treats a backslash as a separator.
 */
export function resolveRendererPath(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const rawPath = new URL(requestUrl).pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');

  const base = path.resolve(root);
  const resolved = path.resolve(base, relative);
  const fromBase = path.relative(base, resolved);
  if (fromBase === '' || fromBase.startsWith('..') || path.isAbsolute(fromBase)) return null;
  return resolved;
}

export interface RendererResponse {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD and for refusals. */
  body: Uint8Array | null;
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

function refusal(status: number): RendererResponse {
  return { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: null };
}

/**
 * Answers one request for the renderer. Paths without an extension that name no file get index.html, so a
 * reload on a client-side route still lands in the app; a missing asset is a plain 404.
 */
export async function loadRendererFile(root: string, requestUrl: string, method: string): Promise<RendererResponse> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405);
  let filePath = resolveRendererPath(root, requestUrl);
  if (filePath === null) return refusal(404);
  if (!(await isFile(filePath))) {
    if (path.extname(filePath) !== '') return refusal(404);
    filePath = path.join(path.resolve(root), 'index.html');
    if (!(await isFile(filePath))) return refusal(404);
  }
  const headers = { ...securityHeaders(), 'Content-Type': mimeTypeFor(filePath) };
  if (method === 'HEAD') return { status: 200, headers, body: null };
  return { status: 200, headers, body: await readFile(filePath) };
}
