// Owns the hub's HTTP(S) front: reading bounded JSON bodies, authenticating, answering every refusal with the
// protocol's error body (4xx for what the desk must change, 503 when the database is away, 500 only for the
// hub's own faults), and one log line per request without personal data.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { SYNC_LIMITS, SYNC_PATHS } from '../../shared/contract/sync';
import type { HubLogger } from '../logger';
import { HubError } from './hub-error';
import { POST_ROUTES, health, type HubServices } from './routes';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > SYNC_LIMITS.maxBodyBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > SYNC_LIMITS.maxBodyBytes) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** PostgreSQL error classes that mean "the database is away" rather than "this request is wrong". */
function isDatabaseAway(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'].includes(code) ||
    (error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(error.message));
}

/** Class 22 (data exception): a value PostgreSQL cannot hold, such as a NUL character in a text field. */
function isBadValue(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code.startsWith('22');
}

function toHubError(error: unknown): HubError {
  if (error instanceof HubError) return error;
  if (error instanceof BodyTooLarge) return new HubError('too_large', `The request is larger than ${SYNC_LIMITS.maxBodyBytes} bytes; send fewer events at once.`);
  if (isBadValue(error)) return new HubError('invalid_request', 'A value in this request cannot be stored (for example a NUL character in a text).');
  if (isDatabaseAway(error)) return new HubError('unavailable', 'The hub cannot reach its database right now; try again shortly.');
  return new HubError('internal', 'The hub failed on this request; it is logged there.');
}

async function answer(services: HubServices, req: IncomingMessage): Promise<{ status: number; body: unknown; deskId: number | null }> {
  const path = (req.url ?? '/').split('?')[0]!;
  if (path === SYNC_PATHS.health) {
    if (req.method !== 'GET') throw new HubError('method_not_allowed', 'Use GET for /health.');
    return { status: 200, body: await health(services), deskId: null };
  }
  const route = POST_ROUTES[path];
  if (!route) throw new HubError('not_found', `No endpoint ${path} on this hub.`);
  if (req.method !== 'POST') throw new HubError('method_not_allowed', `Use POST for ${path}.`);
  // The credential is checked before the body is read, so an unknown caller cannot make the hub parse 4 MiB.
  const desk = route.authenticated ? await services.desks.authenticate(req.headers.authorization) : null;
  const text = await readBody(req);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HubError('invalid_request', 'The body is not JSON.');
  }
  const parsed = route.schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 50).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    throw new HubError('invalid_request', 'The body does not match the protocol.', { problems });
  }
  return { status: 200, body: await route.run(services, parsed.data, desk), deskId: desk?.id ?? null };
}

export function createHubServer(services: HubServices, logger: HubLogger, tls: TlsFiles | null): Server {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const route = (req.url ?? '/').split('?')[0]!.slice(0, 64);
    const send = (status: number, body: unknown, deskId: number | null, error?: unknown) => {
      const text = JSON.stringify(body);
      const headers: Record<string, string | number> = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' };
      // An unread oversized body would otherwise keep arriving on this connection.
      if (status === 413) headers.connection = 'close';
      if (!res.headersSent) res.writeHead(status, headers);
      res.end(text);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const entry = { method: req.method, route, status, ms: Math.round(ms * 10) / 10, desk: deskId };
      if (status >= 500) logger.error({ ...entry, err: error instanceof Error ? { name: error.name, message: error.message, code: (error as { code?: unknown }).code } : String(error) }, 'request failed');
      else if (status >= 400) logger.warn(entry, 'request refused');
      else logger.debug(entry, 'request');
    };
    answer(services, req).then(
      ({ status, body, deskId }) => send(status, body, deskId),
      (error: unknown) => {
        const refusal = toHubError(error);
        send(refusal.status, refusal.body(), null, error);
      },
    );
  };
  const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, handle) : createHttpServer(handle);
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  server.keepAliveTimeout = 30_000;
  return server;
}
