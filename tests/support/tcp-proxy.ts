// Owns a TCP proxy for sync tests: between a desk and the hub it passes connections, refuses them (the network is
// down), or, in chaos mode, resets, delays and cuts them, including after the hub has answered (the hub committed
// but the desk never heard), with a seeded random choice per connection so a failing run can be repeated.
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
  close(): Promise<void>;
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

export async function startTcpProxy(targetPort: number, options: { seed?: number; mode?: ProxyMode } = {}): Promise<TcpProxy> {
  const random = seededRandom(options.seed ?? 1);
  const sockets = new Set<Socket>();
  const proxy: TcpProxy = {
    url: '',
    port: 0,
    mode: options.mode ?? 'pass',
    counts: { passed: 0, reset: 0, delayed: 0, answerLost: 0, refused: 0 },
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
    setTimeout(() => {
      const upstream = connect(targetPort, '127.0.0.1');
      track(upstream);
      upstream.on('connect', () => {
        client.pipe(upstream);
        client.resume();
      });
      upstream.on('data', (chunk: Buffer) => {
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
