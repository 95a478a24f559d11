// Owns the browser host's exports made but not yet saved: a PDF or CSV the page is writing where the supervisor chose is
// audited only when the page says it is written, with what was made then (so the page cannot change the filters it
// reports) and once (so a replayed id audits nothing). Kept in memory: a restart forgets them, and the page's
// report of a save then fails with a clear error rather than auditing what this core did not make.
import { randomUUID } from 'node:crypto';

/** Long enough to pick a folder and write a file, short enough that an abandoned export does not linger. */
export const PENDING_EXPORT_TTL_MS = 10 * 60_000;
/** A supervisor who renders without saving again and again cannot grow this without bound. */
const MAX_PENDING = 50;

interface Pending<D> {
  officerNumber: string;
  detail: D;
  madeAt: number;
}

/** `D`: what is audited for an export of this kind once it is saved. */
export class PendingExports<D extends Record<string, unknown>> {
  private readonly pending = new Map<string, Pending<D>>();

  constructor(private readonly now: () => Date) {}

  /** Remembers an export made for `officerNumber`; returns the id the page sends back once the file is written. */
  add(officerNumber: string, detail: D): string {
    this.prune();
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    const id = randomUUID();
    this.pending.set(id, { officerNumber, detail, madeAt: this.now().getTime() });
    return id;
  }

  /** The export's detail, once, for the officer it was made for; null when unknown, expired, taken or another's. */
  take(id: string, officerNumber: string): D | null {
    this.prune();
    const found = this.pending.get(id);
    if (!found || found.officerNumber !== officerNumber) return null;
    this.pending.delete(id);
    return found.detail;
  }

  private prune(): void {
    const oldest = this.now().getTime() - PENDING_EXPORT_TTL_MS;
    for (const [id, entry] of this.pending) if (entry.madeAt < oldest) this.pending.delete(id);
  }
}
