// Owns the app:// side of serving the renderer: only app://desk/ URLs reach the shared guard in
// electron/core/renderer-serving.ts, which both shells answer through. Free of Electron imports so it tests under Node.
import { isAppUrl } from './app-origin';
import {
  loadRendererFile as loadRendererPath,
  rendererRefusal,
  resolveRendererFile,
  type RendererResponse,
} from '../core/renderer-serving';

export { CONTENT_SECURITY_POLICY, mimeTypeFor, securityHeaders, type RendererResponse } from '../core/renderer-serving';

/** The file under `root` that `requestUrl` names, or null when the URL is not ours or tries to leave `root`. */
export function resolveRendererPath(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  return resolveRendererFile(root, new URL(requestUrl).pathname);
}

/** Answers one app:// request; any other origin is a 404 with the policy. */
export async function loadRendererFile(root: string, requestUrl: string, method: string): Promise<RendererResponse> {
  if (!isAppUrl(requestUrl)) return rendererRefusal(method !== 'GET' && method !== 'HEAD' ? 405 : 404);
  return loadRendererPath(root, new URL(requestUrl).pathname, method);
}
