// Owns checking pushed events against the event catalogue: what the hub stores must be what every desk can apply.
import type { SyncEvent } from '../../shared/contract/sync';

/** Problems with the events' types and payloads, as `events.<i>.<field>: <what>`; empty when all are good. */
export function checkEventPayloads(events: readonly SyncEvent[]): string[] {
  const problems: string[] = [];
  events.forEach((event, i) => {
    // Every case event belongs to a case; a desk applying one without its case id could not place it.
    if (event.type.startsWith('case.') && event.caseId === null) problems.push(`events.${i}.caseId: a case event needs its case id`);
  });
  return problems;
}
