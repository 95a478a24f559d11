// Owns taking other desks' events into this desk: each pulled event is stored with EventStore.receive and applied
// to the case tables by the projector in one transaction with the cursor that ends its page, so a crash repeats a
// page (harmlessly: receive says the event is not new) and never skips one. An event that cannot be applied is
// kept aside in sync_held_back, retried after every pull, and counted in the header; it never blocks the rest.
import { parseEvent, type RecordedEvent } from '../../../shared/events/catalogue';
import type { PulledEvent } from '../../../shared/contract/sync';
import type { Db } from '../db/connection';
import { EventRefusedError, type EventStore } from '../events/event-store';
import { ProjectionError, type Projector } from '../events/projector';
import { takePulledPage } from './pulled-page';

export interface IntakeResult {
  /** Events new to this desk and applied. */
  applied: number;
  /** Events this desk already held. */
  known: number;
  /** Events kept aside (not applied) in this call. */
  heldBack: number;
}

/** Called for each new event after it is applied, in its transaction (conflict detection). */
export type AfterApply = (event: RecordedEvent) => void;

export class EventIntake {
  private readonly holdBack;
  private readonly release;
  private readonly held;

  constructor(
    private readonly db: Db,
    private readonly events: EventStore,
    private readonly projector: Projector,
    private readonly now: () => Date,
    private readonly afterApply: AfterApply = () => {},
  ) {
    this.holdBack = db.prepare(
      'INSERT INTO sync_held_back (event_id, event, problem, held_at) VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET problem = excluded.problem',
    );
    this.release = db.prepare('DELETE FROM sync_held_back WHERE event_id = ?');
    this.held = db.prepare('SELECT event_id, event FROM sync_held_back ORDER BY held_at, rowid');
  }

  /** Applies one page and stores `commit` (the cursor) in the same transaction. */
  takePage(pulled: readonly PulledEvent[], commit: () => void): IntakeResult {
    return takePulledPage(
      this.db,
      pulled,
      ['applied', 'known', 'heldBack'],
      // The hub adds where the event was recorded; the event itself is what the desk wrote.
      ({ airportCode: _airport, deskCode: _desk, ...event }) => this.takeOne(event),
      commit,
    );
  }

  /** Tries every held-back event again (its case may have arrived since); returns how many are still held. */
  retryHeldBack(): number {
    return this.db
      .transaction(() => {
        let still = 0;
        for (const row of this.held.all() as { event_id: string; event: string }[]) {
          const outcome = this.takeOne(JSON.parse(row.event) as unknown);
          if (outcome === 'heldBack') still++;
          else this.release.run(row.event_id);
        }
        return still;
      })
      .immediate();
  }

  private takeOne(raw: unknown): keyof IntakeResult {
    const parsed = parseEvent(raw);
    const id = (raw as { id?: unknown }).id;
    if (!parsed.ok) {
      // The hub checks the catalogue too; a desk of a newer version may write a type this desk does not know yet.
      this.hold(String(id), raw, parsed.problem);
      return 'heldBack';
    }
    const event = parsed.event;
    try {
      // A savepoint: a failed step leaves neither the event nor a half-applied row behind.
      return this.db.transaction(() => {
        if (!this.events.receive(event)) return 'known' as const;
        this.projector.apply(event);
        this.afterApply(event);
        return 'applied' as const;
      })();
    } catch (error) {
      if (error instanceof ProjectionError || error instanceof EventRefusedError) {
        this.hold(event.id, raw, error.message);
        return 'heldBack';
      }
      throw error;
    }
  }

  private hold(id: string, raw: unknown, problem: string): void {
    this.holdBack.run(id, JSON.stringify(raw), problem, this.now().toISOString());
  }
}
