// Owns the browser host: the built renderer and the contract served on 127.0.0.1 only, for one launch,
// behind a per-launch secret and Host/Origin checks (so other sites and other local users' pages cannot call it).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fail, type CallResult } from '../../shared/contract';
import type { DeskCore } from '../core';
import { loadRendererFile } from '../core/renderer-serving';

export const SECRET_HEADER = 'x-desk-secret';
const MAX_BODY_BYTES = 2 * 1024 * 1024;


export interface BrowserHostOptions {
  core: DeskCore;
  /** The folder holding the built renderer (index.html). */
  rendererDir: string;
  port?: number;
}

export interface BrowserHost {
  /**
   * An address to open: each read mints a one-time launch token (in the fragment, so never in a request line)
   * that the page exchanges for the secret on its first load; the token is dead after that. The secret itself
   * so never appears on a command line (`ps` shows every process's arguments to every local user).
   */
  readonly launchUrl: string;
  /**
   * The same, for a browser this host starts as account `uid`: the token is exchanged only over a connection that
   * account owns, so another local user who reads it from `ps` while Chromium starts is refused (and the token
   * stays good for Chromium). Linux only (the owner is read from /proc/net/tcp); elsewhere such a token is refused.
   */
  launchUrlFor(uid: number): string;
  origin: string;
  secret: string;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, fail('forbidden', message));
}

/** A percent-decoded path, or null when its encoding is malformed (`/%`), which is the caller's error, not ours. */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The request target as a URL, or null when it is none. */
function parseTarget(target: string, base: string): URL | null {
  try {
    return new URL(target, base);
  } catch {
    return null;
  }
}

/**
 * The account that owns the client end of a connection to this host over 127.0.0.1, as Linux lists it in
 * /proc/net/tcp (local and remote ports, owner uid), or null where that cannot be told.
 */
export function connectionOwner(clientPort: number, serverPort: number, table = '/proc/net/tcp'): number | null {
  let text: string;
  try {
    text = readFileSync(table, 'utf8');
  } catch {
    return null;
  }
  const hex = (port: number) => `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const line of text.split('\n').slice(1)) {
    const [, local, remote, , , , , uid] = line.trim().split(/\s+/);
    if (local?.endsWith(hex(clientPort)) && remote?.endsWith(hex(serverPort)) && uid !== undefined) return Number(uid);
  }
  return null;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { core, rendererDir } = options;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${join(rendererDir, 'index.html')} is missing). Run "npm run build:renderer".`);
  }
  const secret = randomBytes(32).toString('base64url');
  /** Launch tokens issued and not yet exchanged, each with the account it is for (null: any); each opens one page once. */
  const launchTokens = new Map<string, number | null>();
  let origin = '';
  let expectedHost = '';
  let port = 0;
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The browser host failed to answer.'));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page from another name that resolves to 127.0.0.1 still sends its own Host.
    if (req.headers.host !== expectedHost) return refuse(res, 421, 'Wrong Host header.');
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) return refuse(res, 403, 'Requests from other origins are refused.');
    // A request target such as `//[` is no address at all (it reads as an authority): the caller's error too.
    const url = parseTarget(req.url ?? '/', origin);
    if (url === null) return sendJson(res, 400, fail('invalid_input', 'The address is not valid.'));
    const path = decodePath(url.pathname);
    if (path === null) return sendJson(res, 400, fail('invalid_input', 'The address is not valid percent-encoding.'));

    if (path === '/launch') {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
      if (requestOrigin === undefined) return refuse(res, 403, 'Origin header required.');
      const body = await readBody(req);
      let token: unknown;
      try {
        token = (JSON.parse(body ?? '') as { token?: unknown }).token;
      } catch {
        return sendJson(res, 400, fail('invalid_input', 'The request body is not valid JSON.'));
      }
      const known = typeof token === 'string' ? [...launchTokens.keys()].find((issued) => sameSecret(token as string, issued)) : undefined;
      if (!known) return refuse(res, 403, 'This launch address was already used or is unknown; start the desk again.');
      const account = launchTokens.get(known);
      if (account !== null && account !== undefined && connectionOwner(req.socket.remotePort ?? 0, port) !== account) {
        // Not consumed: the browser it was made for still opens the desk with it.
        return refuse(res, 403, 'This launch address is for another account.');
      }
      launchTokens.delete(known);
      return sendJson(res, 200, { secret });
    }

    if (path.startsWith('/rpc/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
      // Browsers always send Origin on a POST; its absence means the caller is not our page.
      if (requestOrigin === undefined) return refuse(res, 403, 'Origin header required.');
      if (!sameSecret(req.headers[SECRET_HEADER] as string | undefined, secret)) return refuse(res, 403, 'Missing or wrong desk secret.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Send JSON.');
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, fail('invalid_input', 'The request is too large.'));
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, 400, fail('invalid_input', 'The request body is not valid JSON.'));
      }
      const result: CallResult<unknown> = await core.dispatch(path.slice(5), input);
      return sendJson(res, 200, result);
    }

    if (path === '/events') {
      // EventSource cannot send headers, so the secret travels in the query of a same-origin request.
      if (!sameSecret(url.searchParams.get('k') ?? undefined, secret)) return refuse(res, 403, 'Missing or wrong desk secret.');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    // The same guard and headers as Electron's app:// protocol: one set of rules for both shells.
    const answer = await loadRendererFile(rendererDir, url.pathname, req.method ?? 'GET');
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body ?? undefined);
  }

  const unsubscribe = core.subscribe((event) => {
    const frame = `event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  // Keeps proxies and idle timers from closing the stream.
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  expectedHost = `127.0.0.1:${port}`;

  const mintLaunchUrl = (account: number | null) => {
    const token = randomBytes(32).toString('base64url');
    launchTokens.set(token, account);
    return `${origin}/#t=${token}`;
  };

  return {
    get launchUrl() {
      return mintLaunchUrl(null);
    },
    launchUrlFor: (uid) => mintLaunchUrl(uid),
    origin,
    secret,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Open pages hold keep-alive connections; closing the host ends them rather than waiting for the browser.
      server.closeAllConnections();
      await closed;
    },
  };
}
