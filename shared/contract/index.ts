// Owns the whole contract's public face: every domain's schemas and slice, the joined procedure table
// (procedures.ts) and the IPC channel names. A domain's schemas and procedures live in its own file (session.ts,
// cases.ts, …); add a procedure there and join its slice in procedures.ts.
export * from './result';
export * from './channels';
export { AGENCIES, LANGUAGES, ROLES, type Access, type Agency, type Language, type Role } from './define';
export * from './app';
export * from './session';
export * from './officers';
export * from './settings';
export * from './audit';
export * from './cases';
export * from './slips';
export * from './reference';
export * from './events';
export * from './review';
export { SYNC_NOTICES, SYNC_PROBLEMS, hubUrlSchema, syncStateSchema, syncProcedures, type HubEncounter, type SyncProblem, type SyncState } from './sync';

export * from './procedures';

