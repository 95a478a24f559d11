// Owns `npm run hub`: serving (the default) and the hub admin's commands: enroll a desk (a one-time code),
// revoke a desk, list desks with their last sync and pending counts, import a reference file for every desk, list
// officer accounts and change one for every desk. DATABASE_URL (environment only, never a
// flag, so no password lands on a command line) chooses PostgreSQL; without it the embedded one is used.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES, ROLES } from '../shared/contract';
import { airportCodeSchema, deskCodeSchema } from '../shared/contract/sync';
import { adminCommands, adminSocketClient, HUB_IMPORT_KINDS, type AdminCommands, type HubImportKind } from './admin-socket';
import { EmbeddedDatabaseInUse } from './db/database';
import { DEFAULT_CODE_HOURS, type DeskListing } from './desks/desk-registry';
import { openHubDatabase, startHub } from './hub';
import type { HubOfficer, OfficerChange } from './reference/officer-accounts';
import { HubError } from './http/hub-error';
import { createLogger } from './logger';

const USAGE = `Usage: npm run hub -- [command] [options]
  serve (default)   --host=127.0.0.1 --port=8787 [--tls-cert=FILE --tls-key=FILE] [--data-dir=hub-data]
  enroll            --airport=PLM --desk=D01 --name="Meja 1" [--reissue] [--valid-hours=${DEFAULT_CODE_HOURS}]
  revoke            --airport=PLM --desk=D01
  desks             list desks with last sync and pending counts
  import            --kind=checklist|country_rules|watch_list --file=FILE.json   (every desk takes it at its next sync)
  officers          list the officer accounts the hub holds
  officer           --number=NIP [--deactivate|--activate] [--role=officer|supervisor|admin] [--agency=BP3MI|IMIGRASI]
                    (every desk takes it at its next sync; a deactivated officer signed in there is signed out)
Environment: DATABASE_URL (PostgreSQL; none = embedded PostgreSQL in --data-dir), MEJA_HUB_DATA_DIR, MEJA_HUB_HOST,
  MEJA_HUB_PORT, MEJA_HUB_TLS_CERT, MEJA_HUB_TLS_KEY, MEJA_HUB_LOG (pino level).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'data-dir': { type: 'string' },
    airport: { type: 'string' },
    desk: { type: 'string' },
    name: { type: 'string' },
    reissue: { type: 'boolean' },
    'valid-hours': { type: 'string' },
    kind: { type: 'string' },
    file: { type: 'string' },
    number: { type: 'string' },
    activate: { type: 'boolean' },
    deactivate: { type: 'boolean' },
    role: { type: 'string' },
    agency: { type: 'string' },
    help: { type: 'boolean' },
  },
});

const env = process.env;
const dataDir = resolve(values['data-dir'] ?? env.MEJA_HUB_DATA_DIR ?? 'hub-data');
const databaseUrl = env.DATABASE_URL || undefined;

function deskArgs(): { airport: string; desk: string } {
  const airport = airportCodeSchema.safeParse(values.airport?.toUpperCase());
  const desk = deskCodeSchema.safeParse(values.desk?.toUpperCase());
  if (!airport.success || !desk.success) throw new UsageError('Give --airport (three letters, e.g. PLM) and --desk (2-4 letters or digits, e.g. D01).');
  return { airport: airport.data, desk: desk.data };
}

class UsageError extends Error {}

function formatDesks(desks: DeskListing[]): string {
  const header = ['desk', 'name', 'state', 'last sync', 'pushed', 'to pull', 'audit', 'refused pushes'];
  const rows = desks.map((d) => [
    `${d.airportCode}-${d.deskCode}`,
    d.name,
    d.state,
    d.lastSyncAt ?? 'never',
    String(d.lastSeq),
    String(d.pendingPull),
    d.auditMismatchSince ? `MISMATCH since ${d.auditMismatchSince}` : 'ok',
    String(d.refusedPushes),
  ]);
  return table(header, rows);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

function formatOfficers(officers: HubOfficer[]): string {
  const header = ['officer', 'name', 'agency', 'role', 'state', 'changed'];
  return table(header, officers.map((o) => [o.officerNumber, o.name, o.agency, o.role, o.active ? 'active' : 'deactivated', o.changedAt]));
}

/** The change the officer command asks for, checked before the hub is touched. */
function officerArgs(): { officerNumber: string; change: OfficerChange } {
  const officerNumber = values.number?.trim();
  if (!officerNumber) throw new UsageError('Give --number (the officer number).');
  if (values.activate && values.deactivate) throw new UsageError('Give --activate or --deactivate, not both.');
  const role = values.role === undefined ? undefined : ROLES.find((r) => r === values.role);
  if (values.role !== undefined && !role) throw new UsageError(`--role is one of ${ROLES.join(', ')}.`);
  const agency = values.agency === undefined ? undefined : AGENCIES.find((a) => a === values.agency?.toUpperCase());
  if (values.agency !== undefined && !agency) throw new UsageError(`--agency is one of ${AGENCIES.join(', ')}.`);
  const active = values.activate ? true : values.deactivate ? false : undefined;
  if (active === undefined && !role && !agency) throw new UsageError('Say what changes: --activate, --deactivate, --role or --agency.');
  return { officerNumber, change: { active, role, agency } };
}

/** Who runs this command, for the hub's admin log. */
function actor(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

/** Runs admin work on the hub's database: directly, or through a running embedded hub's admin socket. */
async function withAdmin(work: (admin: AdminCommands) => Promise<void>): Promise<void> {
  if (!databaseUrl) {
    const running = await adminSocketClient(dataDir);
    if (running) return work(running);
  }
  let opened;
  try {
    opened = await openHubDatabase({ databaseUrl, dataDir });
  } catch (error) {
    if (error instanceof EmbeddedDatabaseInUse) throw new Error(`${error.message} That hub is still starting; try again in a moment.`);
    throw error;
  }
  try {
    await work(adminCommands(opened.services));
  } finally {
    await opened.database.close();
  }
}

/** The file to import, read and parsed before the hub is touched. */
function importArgs(): { kind: HubImportKind; content: unknown } {
  const kind = HUB_IMPORT_KINDS.find((k) => k === values.kind);
  if (!kind || !values.file) throw new UsageError('Give --kind (checklist, country_rules or watch_list) and --file (the JSON file).');
  let text: string;
  try {
    text = readFileSync(values.file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${values.file}: ${(error as Error).message}`);
  }
  try {
    return { kind, content: JSON.parse(text) as unknown };
  } catch (error) {
    throw new UsageError(`${values.file} is not valid JSON: ${(error as Error).message}`);
  }
}

async function admin(command: string): Promise<void> {
  const file = command === 'import' ? importArgs() : null;
  const officer = command === 'officer' ? officerArgs() : null;
  const by = actor();
  await withAdmin(async (desks) => {
    if (file) {
      const stored = await desks.importReference(by, file.kind, file.content);
      console.log(stored.stored > 0 ? `Stored: every desk takes this ${file.kind} at its next sync.` : `The hub already serves this ${file.kind} as its latest: nothing stored.`);
    } else if (officer) {
      const { officer: account, changed } = await desks.changeOfficer(by, officer.officerNumber, officer.change);
      const state = `${account.active ? 'active' : 'deactivated'}, ${account.role}, ${account.agency}`;
      console.log(
        changed
          ? `Officer ${account.officerNumber} (${account.name}) is now ${state}: every desk takes it at its next sync.`
          : `Officer ${account.officerNumber} (${account.name}) already is ${state}: nothing changed.`,
      );
    } else if (command === 'officers') {
      console.log(formatOfficers(await desks.officers()));
    } else if (command === 'enroll') {
      const { airport, desk } = deskArgs();
      const hours = Number(values['valid-hours'] ?? DEFAULT_CODE_HOURS);
      if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 30) throw new UsageError('--valid-hours is a whole number of hours, 1 to 720.');
      const name = values.name?.trim() || `${airport}-${desk}`;
      const issued = values.reissue ? await desks.reissueCode(by, airport, desk, hours) : await desks.createDesk(by, airport, desk, name, hours);
      console.log(`Enrollment code for ${airport}-${desk}: ${issued.code}`);
      console.log(`Valid once, until ${issued.expiresAt}. Enter it with the hub address on the desk's settings screen.`);
    } else if (command === 'revoke') {
      const { airport, desk } = deskArgs();
      await desks.revoke(by, airport, desk);
      console.log(`Desk ${airport}-${desk} is revoked: its next request is refused.`);
    } else {
      console.log(formatDesks(await desks.list()));
    }
  });
}

async function serve(): Promise<void> {
  const logger = createLogger();
  const certFile = values['tls-cert'] ?? env.MEJA_HUB_TLS_CERT;
  const keyFile = values['tls-key'] ?? env.MEJA_HUB_TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile)) throw new UsageError('TLS needs both --tls-cert and --tls-key.');
  const port = Number(values.port ?? env.MEJA_HUB_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port is a number from 0 to 65535.');
  const hub = await startHub({
    databaseUrl,
    dataDir,
    host: values.host ?? env.MEJA_HUB_HOST ?? '127.0.0.1',
    port,
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    logger,
  });
  if (hub.database.kind === 'pglite') {
    console.log(`No DATABASE_URL: embedded PostgreSQL (PGlite) in ${dataDir}, for a trial; a real deployment sets DATABASE_URL to a PostgreSQL server.`);
  }
  console.log(`Meja Klarifikasi hub listening on ${hub.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const command = positionals[0] ?? 'serve';
  if (values.help || !['serve', 'enroll', 'revoke', 'desks', 'import', 'officers', 'officer'].includes(command)) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  if (command === 'serve') await serve();
  else await admin(command);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(error instanceof HubError || error instanceof Error ? error.message : String(error));
    for (const problem of error instanceof HubError ? (error.extra.problems ?? []) : []) console.error(`  ${problem}`);
    process.exitCode = 1;
  }
});
