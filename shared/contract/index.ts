// Owns the public face of the contract: procedures, events and the result shape.
export * from './result';
export * from './procedures';
export * from './events';
export * from './cases';
export * from './drafts';

/** The names the Electron preload and IPC wiring agree on. */
export const IPC_INVOKE_CHANNEL = 'desk:invoke';
export const IPC_EVENT_CHANNEL = 'desk:event';
