// Owns the names of the two IPC channels between the Electron shell and the renderer. A leaf module with no
// imports, so the preload bundle inlines the names without pulling in zod or the procedure table.
export const IPC_INVOKE_CHANNEL = 'desk:invoke';
export const IPC_EVENT_CHANNEL = 'desk:event';
