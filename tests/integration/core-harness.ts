// Test harness: a real core on a real SQLite file in a fresh temp folder, with a clock the test can move.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallResult, InputOf, OutputOf, ProcedureName } from '../../shared/contract';
import { openCore, type CoreOptions, type DeskCore } from '../../electron/core';

export interface TestDesk {
  core: DeskCore;
  dataDir: string;
  clock: { now: Date; advanceMinutes(minutes: number): void };
  call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<CallResult<OutputOf<N>>>;
  /** Unwraps an ok result, failing the test with the core's error otherwise. */
  must<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
  close(): void;
  /** The desk's first admin (openDeskWithAdmin's; ADMIN for a desk set up by the test itself). */
  admin: TestAdmin;
}

export interface TestAdmin {
  readonly name: string;
  readonly officerNumber: string;
  readonly agency: 'BP3MI';
  readonly password: string;
}

export const ADMIN = { name: 'Rina Admin', officerNumber: 'ADM-001', agency: 'BP3MI', password: 'admin-password-1' } as const satisfies TestAdmin;

/** The codes first-run setup gives a test desk unless the test names others (its case numbers: PLM-D01-…). */
export const DESK_CODES = { airportCode: 'PLM', deskCode: 'D01' } as const;
export interface DeskCodes {
  readonly airportCode: string;
  readonly deskCode: string;
}

/**
 * A desk's own first admin, by its desk code, for desks that share a hub: accounts flow through the hub to every desk,
 * so desks with one shared admin number would each take the others' changes of that account as their own.
 */
export function deskAdmin(deskCode: string): TestAdmin {
  return { ...ADMIN, officerNumber: `ADM-${deskCode}` };
}

export async function openTestDesk(options: Partial<CoreOptions> = {}, dataDir = mkdtempSync(join(tmpdir(), 'meja-test-'))): Promise<TestDesk> {
  const clock = {
    now: new Date('2026-11-28T08:00:00Z'),
    advanceMinutes(minutes: number) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  const core = await openCore({ dataDir, now: () => clock.now, ...options });
  const call = <N extends ProcedureName>(name: N, input: InputOf<N>) => core.dispatch(name, input) as Promise<CallResult<OutputOf<N>>>;
  return {
    core,
    dataDir,
    clock,
    call,
    async must(name, input) {
      const result = await call(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    close() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    admin: ADMIN,
  };
}

/** A desk set up with its codes and first admin, who is signed in. */
export async function openDeskWithAdmin(options: Partial<CoreOptions> = {}, dataDir?: string, admin: TestAdmin = ADMIN, codes: DeskCodes = DESK_CODES): Promise<TestDesk> {
  const desk = await openTestDesk(options, dataDir);
  desk.admin = admin;
  await desk.must('setup.createFirstAdmin', { ...admin, ...codes });
  await desk.must('session.signIn', { officerNumber: admin.officerNumber, password: admin.password });
  return desk;
}
