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

/** The browser host hands the per-launch secret in the URL fragment; keep it for this tab and hide it from the address bar. */
function takeHostSecret(): string | null {
  const match = /(?:^#|&)k=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(SECRET_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(SECRET_KEY);
}

function httpBridge(secret: string): PreloadBridge {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const ensureSource = (): EventSource => {
    source ??= new EventSource(`/events?k=${encodeURIComponent(secret)}`);
    return source;
  };
  return {
    async invoke(name, input) {
      try {
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
        ensureSource().addEventListener(event, (message) => {
          const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
          for (const fn of created) fn(payload);
        });
        set = created;
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

function pickBridge(): PreloadBridge | null {
  if (window.desk) return window.desk;
  const secret = takeHostSecret();
  return secret ? httpBridge(secret) : null;
}

const bridge = pickBridge();

export const hasBridge = bridge !== null;

export async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<CallResult<OutputOf<N>>> {
  if (!bridge) return fail('not_signed_in', 'no bridge');
  return (await bridge.invoke(name, input)) as CallResult<OutputOf<N>>;
}

export function on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
  if (!bridge) return () => undefined;
  return bridge.on(name, listener as (payload: unknown) => void);
}
