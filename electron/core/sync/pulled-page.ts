// Owns how a desk takes a page it pulled from the hub (events or reference items): the whole page in one immediate
// transaction with the cursor that ends it, so a desk killed mid-page repeats the page and never skips one, and each
// item counted by what became of it. What taking one item means is the caller's.
import type { Db } from '../db/connection';

export function takePulledPage<Item, Outcome extends string>(
  db: Db,
  items: readonly Item[],
  outcomes: readonly Outcome[],
  takeOne: (item: Item) => Outcome,
  commit: () => void,
): Record<Outcome, number> {
  return db
    .transaction(() => {
      const counts = Object.fromEntries(outcomes.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
      for (const item of items) counts[takeOne(item)]++;
      commit();
      return counts;
    })
    .immediate();
}
