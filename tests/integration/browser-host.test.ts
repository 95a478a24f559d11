// The browser host over real HTTP: it answers its own page with the secret, and refuses other origins,
// wrong Host headers, missing secrets and escapes from the app folder.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER, type BrowserHost } from '../../electron/host/browser-host';
import { loadRendererFile } from '../../electron/main/renderer-files';
import { openTestDesk, type TestDesk } from './core-harness';
import { startTestHost, type TestHost } from './host-harness';

let desk: TestDesk;
let testHost: TestHost;
let host: BrowserHost;

beforeAll(async () => {
  desk = await openTestDesk();
  testHost = await startTestHost(desk.core);
  host = testHost.host;
});
afterAll(async () => {
  await testHost.close();
  desk.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(url.port), method, path, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        data += chunk;
        // The event stream never ends by itself: stop at the first event.
        if (path.startsWith('/events') && data.includes('\n\n')) {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data });
          req.destroy();
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const ownHeaders = () => ({
  host: new URL(host.origin).host,
  origin: host.origin,
  'content-type': 'application/json',
  [SECRET_HEADER]: host.secret,
});

describe('browser host', () => {
  it('listens on 127.0.0.1 only and hands the secret for a one-time launch token, never in the address', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const launchUrl = host.launchUrl;
    expect(launchUrl).toMatch(new RegExp(`^${host.origin}/#t=[A-Za-z0-9_-]{43}$`));
    expect(launchUrl).not.toContain(host.secret);
    const token = launchUrl.split('#t=')[1]!;
    const { [SECRET_HEADER]: _secret, ...page } = ownHeaders();
    const first = await send('POST', '/launch', page, JSON.stringify({ token }));
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ secret: host.secret });
    // Dead once used: whoever read the address from `ps` afterwards gets nothing.
    const again = await send('POST', '/launch', page, JSON.stringify({ token }));
    expect(again.status).toBe(403);
    expect(again.body).not.toContain(host.secret);
    const guessed = await send('POST', '/launch', page, JSON.stringify({ token: 'A'.repeat(43) }));
    expect(guessed.status).toBe(403);
    const { origin: _origin, ...noOrigin } = page;
    expect((await send('POST', '/launch', noOrigin, JSON.stringify({ token: host.launchUrl.split('#t=')[1] }))).status).toBe(403);
  });

  it("refuses a launch token made for another account's browser, and keeps it for that browser", async () => {
    const { [SECRET_HEADER]: _secret, ...page } = ownHeaders();
    const ours = process.getuid!();
    // A token on the command line of a browser run as another account, read from ps by this one.
    const theirs = host.launchUrlFor(ours + 1).split('#t=')[1]!;
    const stolen = await send('POST', '/launch', page, JSON.stringify({ token: theirs }));
    expect(stolen.status).toBe(403);
    expect(stolen.body).not.toContain(host.secret);
    // This account's own browser exchanges its token.
    const own = await send('POST', '/launch', page, JSON.stringify({ token: host.launchUrlFor(ours).split('#t=')[1] }));
    expect([own.status, JSON.parse(own.body)]).toEqual([200, { secret: host.secret }]);
  });

  it('answers malformed percent-encoding with 400, not 500', async () => {
    const hostHeader = { host: new URL(host.origin).host };
    expect((await send('GET', '/%', hostHeader)).status).toBe(400);
    expect((await send('GET', '/assets/%E0%A4%A', hostHeader)).status).toBe(400);
    // Targets that do not parse as an address at all (a leading `//` reads as a host name).
    for (const target of ['//[', '//%', '//%zz']) expect([target, (await send('GET', target, hostHeader)).status]).toEqual([target, 400]);
    const rpc = await send('POST', '/rpc/%', ownHeaders(), '{}');
    expect(rpc.status).toBe(400);
    expect(JSON.parse(rpc.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers its own page: a contract call returns the core result', async () => {
    const reply = await send('POST', '/rpc/app.info', ownHeaders(), '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { setupNeeded: true, sync: { state: 'not_configured' } } });
  });

  it('passes invalid input through as a coded error naming the field', async () => {
    const reply = await send('POST', '/rpc/session.signIn', ownHeaders(), JSON.stringify({ officerNumber: 'A1' }));
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const garbage = await send('POST', '/rpc/session.signIn', ownHeaders(), '{not json');
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a call from another origin', async () => {
    const reply = await send('POST', '/rpc/app.info', { ...ownHeaders(), origin: 'http://evil.example' }, '{}');
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a call with a wrong Host header (DNS rebinding)', async () => {
    const reply = await send('POST', '/rpc/app.info', { ...ownHeaders(), host: `evil.example:${new URL(host.origin).port}` }, '{}');
    expect(reply.status).toBe(421);
    const page = await send('GET', '/', { host: 'localhost.evil.example' });
    expect(page.status).toBe(421);
  });

  it('refuses a call without the secret, or with a wrong one, or without an Origin', async () => {
    const { [SECRET_HEADER]: _secret, ...withoutSecret } = ownHeaders();
    expect((await send('POST', '/rpc/app.info', withoutSecret, '{}')).status).toBe(403);
    expect((await send('POST', '/rpc/app.info', { ...ownHeaders(), [SECRET_HEADER]: 'guess' }, '{}')).status).toBe(403);
    const { origin: _origin, ...withoutOrigin } = ownHeaders();
    expect((await send('POST', '/rpc/app.info', withoutOrigin, '{}')).status).toBe(403);
  });

  it('serves the page with a strict CSP, and never a file outside the app folder', async () => {
    const page = await send('GET', '/', { host: new URL(host.origin).host });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
    const escape = await send('GET', '/..%2f..%2f..%2fetc%2fpasswd', { host: new URL(host.origin).host });
    expect(escape.body).not.toContain('root:');
  });

  it('serves the renderer through the same guard and headers as the app:// protocol', async () => {
    for (const path of ['/', '/index.html', '/cases/42', '/assets/missing.js', '/..%2f..%2fetc%2fpasswd']) {
      const reply = await send('GET', path, { host: new URL(host.origin).host });
      const electron = await loadRendererFile(testHost.rendererDir, `app://desk${path}`, 'GET');
      const expected = Object.fromEntries(Object.entries(electron.headers).map(([name, value]) => [name.toLowerCase(), value]));
      expect(reply.status, path).toBe(electron.status);
      expect(reply.headers, path).toMatchObject(expected);
    }
  });

  it('streams events to a holder of the secret only', async () => {
    const hostHeader = { host: new URL(host.origin).host };
    expect((await send('GET', '/events', hostHeader)).status).toBe(403);
    const stream = await send('GET', `/events?k=${host.secret}`, hostHeader);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream');
  });
});
