// Owns the single IPC door into the core: who may knock (our window's main frame at app://desk/),
// how calls are relayed to the core's dispatch, and how core events reach the renderer. It knows no procedure.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type CallResult } from '../../shared/contract/index';
import type { DeskCore } from '../core/types';
import { APP_ORIGIN, isAppUrl } from './app-origin';

function refuse(code: 'forbidden' | 'invalid_input' | 'internal', message: string): CallResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * The sender must be the top frame of our one window, showing our own origin. A frame can be gone or
 * navigated by the time the message is handled; reading it then may throw, which counts as a refusal.
 */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  try {
    if (window === null || window.isDestroyed()) return false;
    const contents = window.webContents;
    if (event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (frame === null || frame.isDestroyed() || frame.parent !== null) return false;
    const main = contents.mainFrame;
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return frame.origin === APP_ORIGIN && isAppUrl(frame.url) && frame.url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/**
 * Wires the core to the window. `getWindow` is read on every call, so a recreated window keeps working and
 * a closed one is refused. Returns the teardown. The handler never throws: the renderer always gets a CallResult.
 */
export function wireIpc(core: DeskCore, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name: unknown, input: unknown): Promise<CallResult<unknown>> => {
    if (!isTrustedSender(event, getWindow())) {
      return refuse('forbidden', 'Calls are accepted only from the desk window at app://desk/.');
    }
    if (typeof name !== 'string' || name.length === 0 || name.length > 100) {
      return refuse('invalid_input', 'The procedure name must be a non-empty string.');
    }
    try {
      return await core.dispatch(name, input);
    } catch (error) {
      // dispatch promises never to throw; if it does anyway, the renderer still gets an answer.
      console.error('[ipc] dispatch threw for', name, error);
      return refuse('internal', 'The desk could not complete the request.');
    }
  });

  const unsubscribe = core.subscribe((deskEvent) => {
    const window = getWindow();
    if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
    // Only to our own document: after a crash or a refused navigation the page may be something else.
    if (!isAppUrl(window.webContents.getURL())) return;
    window.webContents.send(IPC_EVENT_CHANNEL, deskEvent);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
