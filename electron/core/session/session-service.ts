// Owns every change to the desk's session (sign in, take over, unlock, lock, sign out, the idle lock, an account
// changed at another desk) and its audit trail. Each audit entry commits before the session changes: a failed write (a full disk) leaves no change
// without its trace. DeskSession keeps the state; this service decides when it changes.
import { fail, ok, type CallResult, type DeskEvent, type Officer, type SessionView } from '../../../shared/contract';
import type { AuditLog } from '../audit/audit-log';
import type { Db } from '../db/connection';
import { publicOfficer } from '../officers/officer-repository';
import type { OfficerService } from '../officers/officer-service';
import type { DeskSession } from './desk-session';

export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly officers: OfficerService,
    private readonly session: DeskSession,
    private readonly emit: (event: DeskEvent) => void,
  ) {}

  async signIn(officerNumber: string, password: string): Promise<CallResult<SessionView>> {
    const result = await this.officers.authenticate(officerNumber, password);
    if (!result.ok) return result;
    const officer = publicOfficer(result.value);
    const previous = this.session.officer;
    this.db.transaction(() => {
      if (previous && previous.id !== officer.id) this.audit.append(officer.officerNumber, 'session.take_over', { from: previous.officerNumber });
      this.audit.append(officer.officerNumber, 'session.signed_in', {});
    })();
    this.session.start(officer);
    return this.changed();
  }

  /** The same officer unlocks with their password; wrong guesses count towards the lockout like sign-ins. */
  async unlock(password: string): Promise<CallResult<SessionView>> {
    const current = this.signedIn();
    const record = this.officers.repository.byId(current.id);
    if (!record) return fail('not_found', 'This officer no longer exists.');
    const result = await this.officers.authenticate(record.officerNumber, password);
    if (!result.ok) return result;
    this.audit.append(current.officerNumber, 'session.unlocked', {});
    this.session.unlock();
    return this.changed();
  }

  lock(): CallResult<SessionView> {
    this.audit.append(this.signedIn().officerNumber, 'session.locked', { reason: 'by_officer' });
    this.session.lock();
    return this.changed();
  }

  signOut(): CallResult<{ done: true }> {
    this.audit.append(this.signedIn().officerNumber, 'session.signed_out', {});
    this.session.end();
    this.announce();
    return ok({ done: true as const });
  }

  /**
   * The idle lock. The clock has locked the desk whether or not the log can say so: a database that cannot be
   * written (a full disk, another writer holding it) must not throw out of this timer and bring the whole core down.
   */
  lockedByClock(): void {
    try {
      this.audit.append(this.session.officer?.officerNumber ?? null, 'session.locked', { reason: 'idle' });
    } catch (error) {
      console.error('[core] the idle lock could not be audited', error);
    }
    this.announce();
  }

  /**
   * An account the hub changed: a signed-in officer deactivated elsewhere is signed out here at once (their next call
   * is refused, as it would be after a local deactivation); a changed role takes effect on their next call.
   */
  officerChangedElsewhere(officer: Officer): void {
    if (this.session.officer?.id !== officer.id) return;
    if (officer.active) this.session.refreshOfficer(officer);
    else {
      this.audit.append(officer.officerNumber, 'session.ended', { reason: 'deactivated_elsewhere' });
      this.session.end();
    }
    this.announce();
  }

  private signedIn() {
    const officer = this.session.officer;
    if (!officer) throw new Error('no officer is signed in; dispatch should have refused the call');
    return officer;
  }

  private changed(): CallResult<SessionView> {
    this.announce();
    return ok(this.session.view()!);
  }

  private announce(): void {
    this.emit({ name: 'session.changed', payload: { session: this.session.view() } });
  }
}
