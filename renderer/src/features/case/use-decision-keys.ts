// Owns the decision's keyboard on an open case: Alt+ an outcome's key chooses it (when this officer may take it),
// Alt+S saves the outcome whose form is open. Listens on the window, so the keys work from any field of the case.
import { useEffect, useRef } from 'react';
import type { Outcome } from './decision-draft';
import { SAVE_KEY, outcomeForKey } from './outcome-keys';

interface DecisionKeys {
  offered: (outcome: Outcome) => boolean;
  choose: (outcome: Outcome) => void;
  /** The outcome whose form is open, saved by Alt+S; null when none is. */
  chosen: Outcome | null;
  save: (outcome: Outcome) => void;
}

export function useDecisionKeys(keys: DecisionKeys): void {
  // The latest handlers, read when a key comes: the listener is added once.
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const { offered, choose, chosen, save } = latest.current;
      const outcome = outcomeForKey(event.key);
      if (outcome && offered(outcome)) {
        event.preventDefault();
        choose(outcome);
      } else if (event.key.toUpperCase() === SAVE_KEY && chosen) {
        event.preventDefault();
        save(chosen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
