// Owns the hub admin's commands (make a desk and its code, reissue a code, revoke, list, import a reference file,
// list and change officer accounts), each change logged in the admin log, and
// the private Unix socket through which the command line reaches a running hub whose embedded database only it can open.
import { createServer, request, type Server } from 'node:http';
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { socketAnswers, socketDirOf } from './db/database';
import type { ReferencePushResponse } from '../shared/contract/sync';
import type { DeskListing } from './desks/desk-registry';
import { HubError } from './http/hub-error';
import type { HubServices } from './http/routes';
import type { HubOfficer, OfficerChange, OfficerChangeResult } from './reference/officer-accounts';

/** The reference files the hub admin imports (officer accounts come from the desks, where passwords are set). */
export const HUB_IMPORT_KINDS = ['checklist', 'country_rules', 'watch_list'] as const;
export type HubImportKind = (typeof HUB_IMPORT_KINDS)[number];

export interface IssuedCode {
  code: string;
  expiresAt: string;
}

/**
 * What the hub admin can do. `actor` is who runs the command (the operating-system account), kept in the admin log
 * with every change.
 */
export interface AdminCommands {
  createDesk(actor: string, airportCode: string, deskCode: string, name: string, validHours: number): Promise<IssuedCode>;
  reissueCode(actor: string, airportCode: string, deskCode: string, validHours: number): Promise<IssuedCode>;
  revoke(actor: string, airportCode: string, deskCode: string): Promise<void>;
  list(): Promise<DeskListing[]>;
  /** Stores a file as the hub admin's (no desk), checked with the desks' rules; every desk takes it at its next sync. */
  importReference(actor: string, kind: HubImportKind, content: unknown): Promise<ReferencePushResponse>;
  officers(): Promise<HubOfficer[]>;
  /** Activates, deactivates, or changes the role or agency of an account at every desk. */
  changeOfficer(actor: string, officerNumber: string, change: OfficerChange): Promise<OfficerChangeResult>;
}

const COMMAND_NAMES = ['createDesk', 'reissueCode', 'revoke', 'list', 'importReference', 'officers', 'changeOfficer'] as const satisfies readonly (keyof AdminCommands)[];
type CommandName = (typeof COMMAND_NAMES)[number];

/** The admin commands over a hub's services; each change is logged in the admin log once it is made. */
export function adminCommands(services: Pick<HubServices, 'desks' | 'reference' | 'officers' | 'adminLog'>): AdminCommands {
  const { desks, reference, officers, adminLog } = services;
  return {
    createDesk: async (actor, airportCode, deskCode, name, validHours) => {
      const issued = await desks.createDesk(airportCode, deskCode, name, validHours);
      await adminLog.append(actor, 'desk.created', { airportCode, deskCode, name, expiresAt: issued.expiresAt });
      return issued;
    },
    reissueCode: async (actor, airportCode, deskCode, validHours) => {
      const issued = await desks.reissueCode(airportCode, deskCode, validHours);
      await adminLog.append(actor, 'desk.code_reissued', { airportCode, deskCode, expiresAt: issued.expiresAt });
      return issued;
    },
    revoke: async (actor, airportCode, deskCode) => {
      await desks.revoke(airportCode, deskCode);
      await adminLog.append(actor, 'desk.revoked', { airportCode, deskCode });
    },
    list: () => desks.list(),
    importReference: async (actor, kind, content) => {
      // The file says its version; the hub checks that it agrees, with the rest of the file's rules.
      const version = typeof content === 'object' && content !== null && 'version' in content && typeof content.version === 'string' ? content.version : '?';
      const stored = await reference.push(null, [{ kind, version, content, importedAt: new Date().toISOString(), importedBy: 'HUB-ADMIN' }]);
      if (stored.stored > 0) await adminLog.append(actor, 'reference.imported', { kind, version });
      return stored;
    },
    officers: () => officers.list(),
    changeOfficer: (actor, officerNumber, change) => officers.change(officerNumber, change, actor),
  };
}

interface Command {
  name: CommandName;
  args: unknown[];
}

export function adminSocketPath(dataDir: string): string {
  return join(socketDirOf(dataDir), 'admin.sock');
}

/** Serves the admin commands on a socket in the hub's own folder (mode 0700): only its owner reaches it. */
export async function startAdminSocket(admin: AdminCommands, dataDir: string): Promise<Server> {
  const path = adminSocketPath(dataDir);
  if (existsSync(path)) unlinkSync(path); // the folder's lock says no other hub runs here
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const run = async () => {
        const command = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Command;
        if (!COMMAND_NAMES.includes(command.name) || !Array.isArray(command.args)) throw new Error('Unknown admin command.');
        // The command line built these arguments with the same types; the socket is the hub owner's alone.
        return (admin[command.name] as (...args: unknown[]) => Promise<unknown>)(...command.args);
      };
      run().then(
        (value) => res.end(JSON.stringify({ ok: true, value: value ?? null })),
        (error: unknown) =>
          res.end(
            JSON.stringify({
              ok: false,
              message: error instanceof Error ? error.message : String(error),
              problems: error instanceof HubError ? error.extra.problems : undefined,
            }),
          ),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return server;
}

/** The admin commands of a running hub, over its admin socket; null when no hub answers there. */
export async function adminSocketClient(dataDir: string): Promise<AdminCommands | null> {
  const path = adminSocketPath(dataDir);
  if (!(await socketAnswers(path))) return null;
  const send = (command: Command) =>
    new Promise<unknown>((resolve, reject) => {
      const req = request({ socketPath: path, method: 'POST', path: '/' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: true; value: unknown } | { ok: false; message: string; problems?: string[] };
          if (answer.ok) resolve(answer.value);
          else reject(new HubError('invalid_request', answer.message, answer.problems ? { problems: answer.problems } : {}));
        });
      });
      req.on('error', reject);
      req.end(JSON.stringify(command));
    });
  // Each answer is what the hub's own command returned, as JSON.
  const call = <N extends CommandName>(name: N) => ((...args: unknown[]) => send({ name, args })) as AdminCommands[N];
  return {
    createDesk: call('createDesk'),
    reissueCode: call('reissueCode'),
    revoke: async (...args) => {
      await call('revoke')(...args);
    },
    list: call('list'),
    importReference: call('importReference'),
    officers: call('officers'),
    changeOfficer: call('changeOfficer'),
  };
}
