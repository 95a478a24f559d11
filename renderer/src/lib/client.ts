// Owns the renderer's one way to reach the core: call(name, input) and on(event, fn), over whichever bridge exists
// (Electron's preload, or the browser host's HTTP + server-sent events). Components never see the transport.
import {
  fail,
  type CallResult,
  type EventName,
  type EventPayload,
  type InputOf,
  type OutputOf,
  type ProcedureName,
} from '../../../shared/contract';

interface PreloadBridge {
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    desk?: PreloadBridge;
  }
}

const SECRET_KEY = 'meja-klarifikasi.secret';

/**
 * The browser host's per-launch secret. The launch address carries a one-time token in its fragment (never the
 * secret: the address is on Chromium's command line, which every local user can read); the page exchanges it
 * for the secret once, keeps the secret for this tab and takes the token out of the address bar.
 */
function hostSecret(): Promise<string | null> | null {
  const token = /(?:^#|&)t=([A-Za-z0-9_-]+)/.exec(window.location.hash)?.[1];
  if (token) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fetch('/launch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })
      .then(async (response) => {
        const body = (await response.json()) as { secret?: unknown };
        if (!response.ok || typeof body.secret !== 'string') return sessionStorage.getItem(SECRET_KEY);
        sessionStorage.setItem(SECRET_KEY, body.secret);
        return body.secret;
      })
      .catch(() => sessionStorage.getItem(SECRET_KEY));
  }
  const kept = sessionStorage.getItem(SECRET_KEY);
  return kept ? Promise.resolve(kept) : null;
}

function httpBridge(secretPromise: Promise<string | null>): PreloadBridge {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const ensureSource = async (): Promise<EventSource | null> => {
    const secret = await secretPromise;
    if (!secret) return null;
    source ??= new EventSource(`/events?k=${encodeURIComponent(secret)}`);
    return source;
  };
  return {
    async invoke(name, input) {
      try {
        const secret = await secretPromise;
        if (!secret) return fail('internal', 'network');
        const response = await fetch(`/rpc/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-desk-secret': secret },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as CallResult<unknown>;
      } catch {
        return fail('internal', 'network');
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(event, created);
        void ensureSource().then((stream) =>
          stream?.addEventListener(event, (message) => {
            const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
            for (const fn of created) fn(payload);
          }),
        );
        set = created;
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

function pickBridge(): PreloadBridge | null {
  if (window.desk) return window.desk;
  const secret = hostSecret();
  return secret ? httpBridge(secret) : null;
}

const bridge = pickBridge();

export const hasBridge = bridge !== null;
/**
 * Whether the shell saves files with its own dialog (Electron). In the browser host the page itself writes a file
 * where the supervisor chooses (lib/save-file), since the host cannot see the supervisor's folders.
 */
export const shellSavesFiles = bridge !== null && bridge === window.desk;

export async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<CallResult<OutputOf<N>>> {
  if (!bridge) return fail('not_signed_in', 'no bridge');
  return (await bridge.invoke(name, input)) as CallResult<OutputOf<N>>;
}

export function on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
  if (!bridge) return () => undefined;
  return bridge.on(name, listener as (payload: unknown) => void);
}
