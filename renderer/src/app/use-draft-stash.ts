// Owns keeping the officer's place in the core's session: which case or slip is open and the decision form as
// typed, sent shortly after each change, so that unlocking (manual or idle lock) returns to it. The core keeps it
// for this officer only; a take-over or sign-out forgets it.
import { useCallback, useEffect, useRef } from 'react';
import type { DecisionDraft, DeskDraft } from '../../../shared/contract';
import { call } from '../lib/client';

/** Short: the idle lock comes only after minutes without a key, so the last change is always stored by then. */
const STASH_DELAY_MS = 300;

export type StashPlace = { screen: DeskDraft['screen']; caseId: string } | null;

export interface DraftStash {
  /** The decision form changed (null: nothing unsaved any more). */
  setDecision(decision: DecisionDraft | null): void;
  /** Sends what is waiting now; before a manual lock. */
  flush(): Promise<void>;
}

export function useDraftStash(place: StashPlace, active: boolean): DraftStash {
  const state = useRef<{ place: StashPlace; decision: DecisionDraft | null; timer?: ReturnType<typeof setTimeout>; dirty: boolean }>({ place, decision: null, dirty: false });

  const flush = useCallback(async () => {
    const s = state.current;
    clearTimeout(s.timer);
    if (!s.dirty) return;
    s.dirty = false;
    const draft: DeskDraft | null = s.place ? { ...s.place, decision: s.place.screen === 'case' ? s.decision : null } : null;
    // By hand, not useAction: the stash runs behind the officer's back and shows nothing; a refusal (signed out or
    // locked meanwhile) leaves nothing to keep, and a banner about it would interrupt a screen that is still right.
    await call('session.saveDraft', { draft });
  }, []);

  const schedule = useCallback(() => {
    const s = state.current;
    s.dirty = true;
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void flush(), STASH_DELAY_MS);
  }, [flush]);

  // Moving to another case, the slip or home is a new place; the form typed for the last one goes with it.
  const key = place ? `${place.screen}:${place.caseId}` : '';
  useEffect(() => {
    if (!active) return;
    const s = state.current;
    const previous = s.place ? `${s.place.screen}:${s.place.caseId}` : '';
    if (previous === key) return;
    if (s.place?.caseId !== place?.caseId) s.decision = null;
    s.place = place;
    schedule();
    // place is read through key: a new object for the same place is the same place.
  }, [key, active]);

  return {
    setDecision: useCallback(
      (decision: DecisionDraft | null) => {
        state.current.decision = decision;
        schedule();
      },
      [schedule],
    ),
    flush,
  };
}
