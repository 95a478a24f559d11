// Owns who is at the desk: the one signed-in officer, idle locking, unlocking and take-over.
// The session lives here, in the core; the renderer only ever sees a view of it.
import type { DeskDraft, Officer, SessionView } from '../../../shared/contract';

interface ActiveSession {
  officer: Officer;
  signedInAt: Date;
  lastActivity: Date;
  lockedByHand: boolean;
  /** Where the officer was and what they had typed; only in memory, only for this officer. */
  draft: DeskDraft | null;
}

export class DeskSession {
  private current: ActiveSession | null = null;
  private lockTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly now: () => Date,
    private readonly idleLockMinutes: () => number,
    /** Called when the session changes without a call from the renderer (the idle lock). */
    private readonly onIdleLock: () => void,
  ) {}

  get officer(): Officer | null {
    return this.current?.officer ?? null;
  }

  isLocked(): boolean {
    const session = this.current;
    if (!session) return false;
    return session.lockedByHand || this.now().getTime() >= this.lockAt(session).getTime();
  }

  start(officer: Officer): void {
    const now = this.now();
    // The same officer signing in again (instead of unlocking) keeps their place; anyone else starts clean.
    const draft = this.current?.officer.id === officer.id ? this.current.draft : null;
    this.current = { officer, signedInAt: now, lastActivity: now, lockedByHand: false, draft };
    this.scheduleLock();
  }

  /** Records officer activity; a locked desk stays locked. */
  touch(): void {
    if (!this.current || this.isLocked()) return;
    this.current.lastActivity = this.now();
    this.scheduleLock();
  }

  lock(): void {
    if (this.current) this.current.lockedByHand = true;
    this.clearTimer();
  }

  unlock(): void {
    if (!this.current) return;
    this.current.lockedByHand = false;
    this.current.lastActivity = this.now();
    this.scheduleLock();
  }

  saveDraft(draft: DeskDraft | null): void {
    if (this.current) this.current.draft = draft;
  }

  draft(): DeskDraft | null {
    return this.current?.draft ?? null;
  }

  /** The officer's record changed (for example deactivated): keep the view current. */
  refreshOfficer(officer: Officer): void {
    if (this.current && this.current.officer.id === officer.id) this.current.officer = officer;
  }

  end(): void {
    this.current = null;
    this.clearTimer();
  }

  view(): SessionView | null {
    const session = this.current;
    if (!session) return null;
    return {
      officer: session.officer,
      locked: this.isLocked(),
      signedInAt: session.signedInAt.toISOString(),
      lockAt: this.lockAt(session).toISOString(),
      idleLockMinutes: this.idleLockMinutes(),
    };
  }

  dispose(): void {
    this.clearTimer();
  }

  private lockAt(session: ActiveSession): Date {
    return new Date(session.lastActivity.getTime() + this.idleLockMinutes() * 60_000);
  }

  private scheduleLock(): void {
    this.clearTimer();
    const session = this.current;
    if (!session) return;
    const delay = Math.max(0, this.lockAt(session).getTime() - this.now().getTime());
    this.lockTimer = setTimeout(() => {
      if (this.isLocked()) this.onIdleLock();
      else this.scheduleLock();
    }, delay + 50);
    // The timer must not keep a test or a closing host alive.
    this.lockTimer.unref?.();
  }

  private clearTimer(): void {
    if (this.lockTimer) clearTimeout(this.lockTimer);
    this.lockTimer = undefined;
  }
}
