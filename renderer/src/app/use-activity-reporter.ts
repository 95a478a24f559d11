// Owns telling the core that an officer is at the desk: keyboard, pointer and touch activity, throttled,
// so the core's idle lock only fires on a desk nobody is using.
import { useEffect } from 'react';
import type { SessionView } from '../../../shared/contract';
import { call } from '../lib/client';

export function useActivityReporter(session: SessionView | null): void {
  const active = session !== null && !session.locked;
  const idleMinutes = session?.idleLockMinutes ?? 5;
  useEffect(() => {
    if (!active) return;
    // Report often enough that the core's clock never runs out while someone is typing.
    const interval = Math.min(30_000, (idleMinutes * 60_000) / 4);
    let last = 0;
    const report = () => {
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      // Fire and forget: the answer shows nothing, and a refusal (the desk locked meanwhile) reaches the screen as
      // the session.changed event; a value-or-error hook would hold state nobody reads.
      void call('session.touch', {});
    };
    const events = ['keydown', 'pointerdown', 'touchstart', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, report, { passive: true, capture: true });
    return () => {
      for (const name of events) window.removeEventListener(name, report, { capture: true });
    };
  }, [active, idleMinutes]);
}
