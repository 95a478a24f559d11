// Owns the hub admin's commands (make a desk and its code, reissue a code, revoke, list, import a reference file) and
// the private Unix socket through which the command line reaches a running hub whose embedded database only it can open.
import { createServer, request, type Server } from 'node:http';
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { socketAnswers, socketDirOf } from './db/database';
import type { ReferencePushResponse } from '../shared/contract/sync';
import type { DeskListing, DeskRegistry } from './desks/desk-registry';
import { HubError } from './http/hub-error';
import type { ReferenceLog } from './reference/reference-log';

/** The reference files the hub admin imports (officer accounts come from the desks, where passwords are set). */
export const HUB_IMPORT_KINDS = ['checklist', 'country_rules', 'watch_list'] as const;
export type HubImportKind = (typeof HUB_IMPORT_KINDS)[number];

export interface IssuedCode {
  code: string;
  expiresAt: string;
}

export interface AdminCommands {
  createDesk(airportCode: string, deskCode: string, name: string, validHours: number): Promise<IssuedCode>;
  reissueCode(airportCode: string, deskCode: string, validHours: number): Promise<IssuedCode>;
  revoke(airportCode: string, deskCode: string): Promise<void>;
  list(): Promise<DeskListing[]>;
  /** Stores a file as the hub admin's (no desk), checked with the desks' rules; every desk takes it at its next sync. */
  importReference(kind: HubImportKind, content: unknown): Promise<ReferencePushResponse>;
}

/** The admin commands over a hub's services. */
export function adminCommands(desks: DeskRegistry, reference: ReferenceLog): AdminCommands {
  return {
    createDesk: (...args) => desks.createDesk(...args),
    reissueCode: (...args) => desks.reissueCode(...args),
    revoke: (...args) => desks.revoke(...args),
    list: () => desks.list(),
    importReference: (kind, content) => {
      // The file says its version; the hub checks that it agrees, with the rest of the file's rules.
      const version = typeof content === 'object' && content !== null && 'version' in content && typeof content.version === 'string' ? content.version : '?';
      return reference.push(null, [{ kind, version, content, importedAt: new Date().toISOString(), importedBy: 'HUB-ADMIN' }]);
    },
  };
}

type Command =
  | { name: 'createDesk'; args: [string, string, string, number] }
  | { name: 'reissueCode'; args: [string, string, number] }
  | { name: 'revoke'; args: [string, string] }
  | { name: 'list'; args: [] }
  | { name: 'importReference'; args: [HubImportKind, unknown] };

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
        switch (command.name) {
          case 'createDesk':
            return admin.createDesk(...command.args);
          case 'reissueCode':
            return admin.reissueCode(...command.args);
          case 'revoke':
            return admin.revoke(...command.args);
          case 'list':
            return admin.list();
          case 'importReference':
            return admin.importReference(...command.args);
        }
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
  return {
    createDesk: async (...args) => (await send({ name: 'createDesk', args })) as IssuedCode,
    reissueCode: async (...args) => (await send({ name: 'reissueCode', args })) as IssuedCode,
    revoke: async (...args) => {
      await send({ name: 'revoke', args });
    },
    list: async () => (await send({ name: 'list', args: [] })) as DeskListing[],
    importReference: async (...args) => (await send({ name: 'importReference', args })) as ReferencePushResponse,
  };
}
