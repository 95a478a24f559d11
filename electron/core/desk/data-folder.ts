// Owns the desk's data folder on disk: its modes (folder 700, files 600, checked and repaired at every start)
// and the marker that says a desk lives here, so that an emptied or missing database is refused as damaged
// instead of being offered to whoever comes first as a brand-new desk.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseRefusedError } from '../db/connection';

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
/** Modes mean nothing to Windows' ACLs; there the folder under %APPDATA% is already the user's own. */
const POSIX = process.platform !== 'win32';

/** The marker beside a database: the id of the desk whose records it holds. */
export function markerPath(databasePath: string): string {
  return `${databasePath}.desk`;
}

/**
 * Creates the folder private to this account, and repairs what other local users could read (a folder or file
 * opened to group or others). Returns one warning per repair, for the log and the audit.
 */
export function secureDataFolder(dataDir: string): string[] {
  mkdirSync(dataDir, { recursive: true, mode: FOLDER_MODE });
  if (!POSIX) return [];
  const warnings: string[] = [];
  const repair = (path: string, mode: number) => {
    const current = statSync(path).mode & 0o777;
    if ((current & 0o077) === 0) return;
    chmodSync(path, mode);
    warnings.push(`${path} was readable by other users (mode ${current.toString(8)}); set to ${mode.toString(8)}`);
  };
  repair(dataDir, FOLDER_MODE);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const path = join(dataDir, entry.name);
    if (entry.isDirectory()) repair(path, FOLDER_MODE);
    else if (entry.isFile()) repair(path, FILE_MODE);
  }
  return warnings;
}

/** Gives the files SQLite just created (it follows the umask) this account's mode only. */
export function secureDatabaseFiles(databasePath: string): void {
  if (!POSIX) return;
  for (const path of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) {
    if (existsSync(path)) chmodSync(path, FILE_MODE);
  }
}

/** Before the database is opened: a folder that held a desk and now holds no database, or an empty one, is damaged. */
export function refuseEmptiedDatabase(databasePath: string): void {
  const marker = readMarker(databasePath);
  if (!marker) return;
  const size = existsSync(databasePath) ? statSync(databasePath).size : -1;
  if (size > 0) return;
  throw new DatabaseRefusedError(
    `This data folder held desk ${marker.deviceId}, but its database ${size < 0 ? 'is missing' : 'is empty'}. ` +
      'It is refused as damaged, not started as a new desk: restore the database from a backup, or ask the hub administrator.',
  );
}

/** After the database is opened: it must be the desk the marker names; a folder without a marker gets one. */
export function checkDeskMarker(databasePath: string, deviceId: string): void {
  const marker = readMarker(databasePath);
  if (!marker) {
    writeFileSync(markerPath(databasePath), `${JSON.stringify({ deviceId })}\n`, { mode: FILE_MODE });
    return;
  }
  if (marker.deviceId !== deviceId) {
    throw new DatabaseRefusedError(
      `This data folder held desk ${marker.deviceId}, but its database belongs to desk ${deviceId}. ` +
        'It is refused rather than mixing two desks\' records; put the right database back, or ask the hub administrator.',
    );
  }
}

function readMarker(databasePath: string): { deviceId: string } | null {
  const path = markerPath(databasePath);
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { deviceId?: unknown };
    if (typeof parsed.deviceId === 'string') return { deviceId: parsed.deviceId };
  } catch {
    // An unreadable marker still says a desk lived here.
  }
  return { deviceId: '(unreadable marker)' };
}
