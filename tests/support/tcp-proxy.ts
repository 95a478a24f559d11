// Owns a TCP proxy for sync tests: between a desk and the hub it passes connections, refuses them (the network is
// down), or, in chaos mode, resets, delays and cuts them, including after the hub has answered (the hub committed
// but the desk never heard), with a seeded random choice per connection so a failing run can be repeated. A test
// may also name one answer to hold back for good (the hub has committed it; the desk waits), to kill the desk then.
import { createServer, connect, type Server, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'refuse' | 'chaos';

export interface TcpProxy {
  url: string;
  port: number;
  mode: ProxyMode;
  /** Changes the mode; going to `refuse` also cuts the connections open now (a cable pulled). */
  setMode(mode: ProxyMode): void;
  /** Connections by what happened to them (chaos mode). */
  counts: Record<'passed' | 'reset' | 'delayed' | 'answerLost' | 'refused', number>;
  /** Resolves with the request line whose answer was held back (see the holdAnswer option). */
  held: Promise<string>;
  close(): Promise<void>;
}

export interface TcpProxyOptions {
  seed?: number;
  mode?: ProxyMode;
  /**
   * Called with each request line (`POST /v1/push HTTP/1.1`) as it passes and how many such lines came before on
   * all connections; true holds that request's answer back forever, once. Keep-alive connections carry one
   * request at a time, so the next answer on the connection is this request's.
   */
  holdAnswer?: (requestLine: string, seen: number) => boolean;
}

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startTcpProxy(targetPort: number, options: TcpProxyOptions = {}): Promise<TcpProxy> {
  const random = seededRandom(options.seed ?? 1);
  const sockets = new Set<Socket>();
  const seenLines = new Map<string, number>();
  let holding = false;
  let announceHeld: (line: string) => void = () => {};
  const held = new Promise<string>((resolve) => (announceHeld = resolve));
  const proxy: TcpProxy = {
    url: '',
    port: 0,
    mode: options.mode ?? 'pass',
    counts: { passed: 0, reset: 0, delayed: 0, answerLost: 0, refused: 0 },
    held,
    setMode(mode) {
      proxy.mode = mode;
      if (mode === 'refuse') for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((client) => {
    track(client);
    if (proxy.mode === 'refuse') {
      proxy.counts.refused++;
      client.resetAndDestroy();
      return;
    }
    const roll = proxy.mode === 'chaos' ? random() : 0;
    if (roll > 0.9) {
      proxy.counts.reset++;
      client.resetAndDestroy();
      return;
    }
    const delay = roll > 0.75 ? Math.floor(random() * 400) : 0;
    const loseAnswer = roll > 0.6 && roll <= 0.75;
    if (delay) proxy.counts.delayed++;
    else if (loseAnswer) proxy.counts.answerLost++;
    else proxy.counts.passed++;
    client.pause();
    // This connection's request whose answer is held back: from then on nothing more reaches the desk on it.
    let holdLine: string | null = null;
    setTimeout(() => {
      const upstream = connect(targetPort, '127.0.0.1');
      track(upstream);
      upstream.on('connect', () => {
        client.on('data', (chunk: Buffer) => {
          const line = /^(GET|POST|PUT|DELETE) \S+ HTTP\/1\.1/.exec(chunk.toString('latin1', 0, 200))?.[0];
          if (line && options.holdAnswer && !holding) {
            const seen = seenLines.get(line) ?? 0;
            seenLines.set(line, seen + 1);
            if (options.holdAnswer(line, seen)) {
              holding = true;
              holdLine = line;
            }
          }
          upstream.write(chunk);
        });
        client.on('end', () => upstream.end());
        client.resume();
      });
      upstream.on('data', (chunk: Buffer) => {
        if (holdLine !== null) {
          announceHeld(holdLine);
          return;
        }
        // The hub has done the work and answered: cut the desk off before it hears.
        if (loseAnswer) {
          client.resetAndDestroy();
          upstream.destroy();
          return;
        }
        client.write(chunk);
      });
      upstream.on('end', () => client.end());
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  proxy.port = typeof address === 'object' && address ? address.port : 0;
  proxy.url = `http://127.0.0.1:${proxy.port}`;
  return proxy;
}
