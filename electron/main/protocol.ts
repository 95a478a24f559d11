// Owns the app:// scheme: its privileges (declared before ready) and the handler that serves the built renderer.
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { loadRendererFile, securityHeaders } from './renderer-files';

/**
 * Must run before `app` is ready. `standard` gives app://desk a real origin (so 'self' in the policy, storage
 * and permission checks work); `secure` makes it a secure context, which getUserMedia requires;
 * `supportFetchAPI` lets the renderer fetch its own assets (wasm, worker scripts).
 * No `bypassCSP`, no `corsEnabled` for others, no `stream` needed for small local files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves `rendererRoot` (dist/renderer) at app://desk/. Never throws: a failure is a 500 with the policy. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      const answer = await loadRendererFile(rendererRoot, request.url, request.method);
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    } catch (error) {
      console.error('[protocol] could not serve', request.url, error);
      return new Response(null, {
        status: 500,
        headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
  });
}
