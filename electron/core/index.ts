// Owns assembling the core: database, services, session and dispatch, for both shells and the tests.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DeskEvent } from '../../shared/contract';
import { AuditLog, headFilePath } from './audit/audit-log';
import { checkHead, IntegrityMonitor } from './audit/integrity-check';
import { openDatabase } from './db/connection';
import { seedDemoDesk } from './desk/demo-data';
import { checkDeskMarker, refuseEmptiedDatabase, secureDatabaseFiles, secureDataFolder } from './desk/data-folder';
import { loadDeskIdentity } from './desk/desk-identity';
import { volumeEncryption } from './desk/disk-encryption';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import { CaseService } from './cases/case-service';
import { EventStore } from './events/event-store';
import { ReferenceService } from './reference/reference-service';
import { ReviewService } from './review/review-service';
import { SlipService } from './slips/slip-service';
import { OfficerService } from './officers/officer-service';
import { DeskSession } from './session/desk-session';
import { SessionService } from './session/session-service';
import { SettingsService } from './settings/settings-service';
import { FileCredentialStore } from './sync/credential-store';
import { EventIntake } from './sync/event-intake';
import { ReferenceIntake } from './sync/reference-intake';
import { ReferenceOutbox } from './sync/reference-outbox';
import { ReferenceRefusals } from './sync/reference-refusals';
import { SyncEngine } from './sync/sync-engine';
import { SyncStateStore } from './sync/sync-state';
import type { CoreOptions, DeskCore } from './types';

export type { CoreOptions, DeskCore } from './types';
export { DatabaseRefusedError } from './db/connection';

export const APP_VERSION = '0.1.0';
export const PRODUCT_NAME = 'Meja Klarifikasi';

/** The database file for a data folder: demo data never shares a file with real records. */
/** Where the desk keeps its data when no folder is given: the same folder Electron's userData points to. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, PRODUCT_NAME);
}

export function databaseFile(dataDir: string, demo: boolean): string {
  return join(dataDir, demo ? 'demo.sqlite' : 'desk.sqlite');
}

/** The desk's services on one database, without a session: the core below, and tools such as benchmarks. */
export function openServices(options: Pick<CoreOptions, 'dataDir' | 'demo' | 'idleLockMinutes' | 'now' | 'shell' | 'pagePdf'>) {
  const now = options.now ?? (() => new Date());
  const databasePath = databaseFile(options.dataDir, options.demo ?? false);
  const folderWarnings = secureDataFolder(options.dataDir);
  refuseEmptiedDatabase(databasePath);
  const isNew = !existsSync(databasePath);
  const db = openDatabase(databasePath);
  secureDatabaseFiles(databasePath);
  const identity = loadDeskIdentity(db, options.demo ?? false, now());
  try {
    checkDeskMarker(databasePath, identity.deviceId);
  } catch (error) {
    db.close();
    throw error;
  }
  const audit = new AuditLog(db, now, headFilePath(databasePath));
  // Before anything is appended: the first append moves the head file on.
  const headAtOpen = checkHead(audit, headFilePath(databasePath));
  const settings = new SettingsService(db, options.idleLockMinutes);
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  // What this desk's admins change (officer accounts, imported files) waits here for the hub.
  const events = new EventStore(db, identity.deviceId);
  const syncState = new SyncStateStore(db, events);
  const refusals = new ReferenceRefusals(db, now);
  const outbox = new ReferenceOutbox(db, audit, refusals, syncState, now);
  const officers = new OfficerService(db, audit, now, sleep, outbox);
  const reference = new ReferenceService(db, events, audit, outbox);
  const cases = new CaseService(db, events, audit, reference, settings, identity.deviceId, now);
  const slips = new SlipService(db, events, audit, cases, settings, now, options.shell ?? null);
  const review = new ReviewService(db, events, audit, cases, officers, now, options.shell ?? null, options.pagePdf ?? null);
  if (isNew) audit.append(null, 'desk.created', { deviceId: identity.deviceId, demo: identity.demo });
  for (const warning of folderWarnings) {
    console.warn(`[core] ${warning}`);
    audit.append(null, 'desk.permissions_repaired', { warning });
  }
  return { now, databasePath, db, identity, audit, headAtOpen, settings, officers, events, syncState, projector: cases.projector, reference, outbox, refusals, cases, slips, review };
}

export async function openCore(options: CoreOptions): Promise<DeskCore> {
  const { now, databasePath, db, identity, audit, headAtOpen, settings, officers, events, syncState, projector, reference, outbox, refusals, cases, slips, review } = openServices(options);

  const listeners = new Set<(event: DeskEvent) => void>();
  const emit = (event: DeskEvent) => {
    for (const listener of listeners) listener(event);
  };
  // The idle lock is called from a timer, so `sessions` (declared next) exists by then.
  const session: DeskSession = new DeskSession(now, () => settings.get().idleLockMinutes, () => sessions.lockedByClock());
  const sessions = new SessionService(db, audit, officers, session, emit);
  // An account that now follows the hub's word (deactivated or demoted there) may be the one signed in.
  officers.whenFollowingHub((officer) => sessions.officerChangedElsewhere(officer));

  // Seeded whenever the demo desk has no officers, so an interrupted first start heals itself.
  if (identity.demo && officers.repository.count() === 0) await seedDemoDesk(officers, settings);
  // Only disk encryption protects a stolen disk: say at every start whether the data folder's volume has it.
  const diskEncryption = volumeEncryption(options.dataDir);
  if (diskEncryption !== 'encrypted') console.warn(`[core] The data folder's volume is ${diskEncryption === 'unknown' ? 'of unknown encryption' : 'NOT encrypted'}; encrypt the desk PC's disk (BitLocker / LUKS).`);
  audit.append(null, 'desk.started', { version: APP_VERSION, diskEncryption });

  const sync = new SyncEngine({
    db,
    identity,
    events,
    state: syncState,
    audit,
    settings,
    intake: new EventIntake(db, events, projector, now, (event) => cases.conflicts.afterApply(event)),
    outbox,
    refusals,
    referenceIntake: new ReferenceIntake(db, reference, officers, audit, refusals, (officer) => sessions.officerChangedElsewhere(officer)),
    credentials: options.credentials ?? new FileCredentialStore(options.dataDir, identity.demo),
    now,
    emit,
    timing: options.syncTiming,
  });

  const integrity = new IntegrityMonitor(db, audit, headFilePath(databasePath), headAtOpen, now, (error) => console.error('[core] integrity check', error));
  const handlers = createHandlers({ db, audit, officers, session, sessions, settings, cases, slips, reference, sync, review, integrity, identity, dataDir: options.dataDir, diskEncryption, version: APP_VERSION, now, emit });
  const dispatch = createDispatch(handlers, session, (error) => console.error('[core]', error));

  sync.start();

  return {
    dispatch,
    databasePath,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      integrity.dispose();
      sync.close();
      session.dispose();
      listeners.clear();
      db.close();
    },
  };
}
