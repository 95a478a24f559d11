// Owns how the built renderer is served, the same in both shells: the one guard that maps a request path onto
// the built files, the headers every answer carries (its Content-Security-Policy first) and the content types.
// Electron's app:// protocol and the browser host both answer through loadRendererFile.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** The renderer's policy. 'unsafe-inline' styles only: React sets style attributes; scripts stay strict. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  // Must be exact: WebAssembly.instantiateStreaming refuses any other type.
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

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
 * The file under `root` that the still percent-encoded URL path `rawPath` names, or null when it tries to leave
 * `root`. Decoding happens once, here, and every check runs on the decoded text: `%2e%2e%2f` and `..%5c` are the
 * same attack as `../`, and Windows treats a backslash as a separator.
 */
export function resolveRendererFile(root: string, rawPath: string): string | null {
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

export function rendererRefusal(status: number): RendererResponse {
  return { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: null };
}

/**
 * Answers one request for the renderer, given its percent-encoded path. Paths without an extension that name
 * no file get index.html, so a reload on a client-side route still lands in the app; a missing asset is a plain 404.
 */
export async function loadRendererFile(root: string, rawPath: string, method: string): Promise<RendererResponse> {
  if (method !== 'GET' && method !== 'HEAD') return rendererRefusal(405);
  let filePath = resolveRendererFile(root, rawPath);
  if (filePath === null) return rendererRefusal(404);
  if (!(await isFile(filePath))) {
    if (path.extname(filePath) !== '') return rendererRefusal(404);
    filePath = path.join(path.resolve(root), 'index.html');
    if (!(await isFile(filePath))) return rendererRefusal(404);
  }
  const headers = { ...securityHeaders(), 'Content-Type': mimeTypeFor(filePath) };
  if (method === 'HEAD') return { status: 200, headers, body: null };
  return { status: 200, headers, body: await readFile(filePath) };
}
