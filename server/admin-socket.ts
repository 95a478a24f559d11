// Owns the hub admin's commands (make a desk and its code, reissue a code, revoke, list) and the private Unix
// socket through which the command line reaches a running hub whose embedded database only it can open.
import { createServer, request, type Server } from 'node:http';
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { socketAnswers, socketDirOf } from './db/database';
import type { DeskListing, DeskRegistry } from './desks/desk-registry';
import { HubError } from './http/hub-error';

export interface IssuedCode {
  code: string;
  expiresAt: string;
}

export interface AdminCommands {
  createDesk(airportCode: string, deskCode: string, name: string, validHours: number): Promise<IssuedCode>;
  reissueCode(airportCode: string, deskCode: string, validHours: number): Promise<IssuedCode>;
  revoke(airportCode: string, deskCode: string): Promise<void>;
  list(): Promise<DeskListing[]>;
}

type Command = { name: 'createDesk'; args: [string, string, string, number] } | { name: 'reissueCode'; args: [string, string, number] } | { name: 'revoke'; args: [string, string] } | { name: 'list'; args: [] };

export function adminSocketPath(dataDir: string): string {
  return join(socketDirOf(dataDir), 'admin.sock');
}

/** Serves the admin commands on a socket in the hub's own folder (mode 0700): only its owner reaches it. */
export async function startAdminSocket(desks: DeskRegistry, dataDir: string): Promise<Server> {
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
            return desks.createDesk(...command.args);
          case 'reissueCode':
            return desks.reissueCode(...command.args);
          case 'revoke':
            return desks.revoke(...command.args);
          case 'list':
            return desks.list();
        }
      };
      run().then(
        (value) => res.end(JSON.stringify({ ok: true, value: value ?? null })),
        (error: unknown) => res.end(JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) })),
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
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: true; value: unknown } | { ok: false; message: string };
          if (answer.ok) resolve(answer.value);
          else reject(new HubError('invalid_request', answer.message));
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
  };
}
