// Test helper: receives events as another desk's (stored as recorded) and applies the new ones with the projector,
// so a test can rebuild case tables from events alone and compare them with the desk that wrote them.
import { CaseRepository } from '../../electron/core/cases/case-repository';
import type { Db } from '../../electron/core/db/connection';
import { EventStore, eventFromRow, type EventRow } from '../../electron/core/events/event-store';
import { Projector } from '../../electron/core/events/projector';

export function replay(into: Db, events: EventRow[]): void {
  const projector = new Projector(new CaseRepository(into));
  const store = new EventStore(into, 'replaying-desk');
  into.transaction(() => {
    for (const row of events) {
      const parsed = eventFromRow(row);
      if (!parsed.ok) throw new Error(parsed.problem);
      if (store.receive(parsed.event)) projector.apply(parsed.event);
    }
  })();
}
