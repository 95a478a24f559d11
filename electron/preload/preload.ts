// Owns the renderer's only door to the main process: window.desk.invoke(name, input) and window.desk.on(event, fn).
// Sandboxed, so it runs as one bundled file that requires nothing but 'electron' (scripts/build-electron.ts).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/channels';
import type { CallResult, DeskEvent, EventName, EventPayload } from '../../shared/contract/index';

export interface DeskBridge {
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  on<N extends EventName>(eventName: N, fn: (payload: EventPayload<N>) => void): () => void;
}

function isDeskEvent(value: unknown): value is DeskEvent {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

const desk: DeskBridge = {
  invoke(name, input) {
    // Only the two arguments cross: nothing the page passes can choose the channel.
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, String(name), input) as Promise<CallResult<unknown>>;
  },
  on(eventName, fn) {
    const name = String(eventName);
    if (typeof fn !== 'function') throw new TypeError('desk.on needs a listener function.');
    // The IpcRendererEvent never reaches the page: it carries a sender the page has no business with.
    const listener = (_event: IpcRendererEvent, message: unknown): void => {
      if (isDeskEvent(message) && message.name === name) fn(message.payload as EventPayload<typeof eventName>);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('desk', desk);
