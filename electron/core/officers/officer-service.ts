// Owns officer accounts: creating them, checking passwords with a growing delay and a lockout, resets and deactivation.
import { fail, ok, SIGN_IN_POLICY, type Agency, type CallResult, type Officer, type RefusalReason, type Role } from '../../../shared/contract';
import type { AuditLog } from '../audit/audit-log';
import type { Db } from '../db/connection';
import { burnPasswordCheck, hashPassword, isPasswordHash, verifyPassword } from './password';
import { passwordWeakness } from './password-policy';
import { OfficerRepository, publicOfficer, type OfficerRecord } from './officer-repository';

/** Where a changed account goes so that every desk gets it (the reference outbox; nothing for a desk alone). */
export interface OfficerChangeSink {
  queue(item: OfficerAccount): void;
  /** The desk now follows the hub's word it had refused on this account: that refusal is settled. */
  followsHub(officerNumber: string): void;
}

/** An account as the hub carries it (shared/contract/sync.ts officerAccountSchema). */
export interface OfficerAccount {
  kind: 'officer';
  officerNumber: string;
  name: string;
  agency: Agency;
  role: Role;
  passwordHash: string;
  active: boolean;
  changedAt: string;
}

/**
 * An account as this desk sends it to the hub. The hub is the authority on who is active and in which role: for an
 * account this desk keeps against the hub's word (its last admin), the word is sent, never what was kept here, so a
 * later change of the account here (a new password, activating it again) cannot undo the hub's decision elsewhere.
 */
export function officerAccount(record: OfficerRecord): OfficerAccount {
  const { officerNumber, name, agency, passwordHash, changedAt, hubWord } = record;
  const role = hubWord ? hubWord.role : record.role;
  const active = hubWord ? hubWord.active && record.active : record.active;
  return { kind: 'officer', officerNumber, name, agency, role, passwordHash, active, changedAt };
}

/**
 * What taking an account from the hub did: nothing (this desk holds the same or a newer change), the new record (and
 * any account kept against the hub that now follows it, see settleWithHub), or a refusal.
 */
export type ReceivedAccount =
  | { ok: true; applied: false }
  | { ok: true; applied: true; officer: Officer; nowFollowingHub: Officer[] }
  | ({ ok: false } & RefusalReason);

const { maxFailedAttempts: MAX_FAILED_ATTEMPTS, lockoutMinutes: LOCKOUT_MINUTES } = SIGN_IN_POLICY;

/** The wait before a failure is answered: 0.5 s, 1 s, 2 s, 4 s … so guessing gets slower with each try. */
export function failureDelayMs(failedAttempts: number): number {
  return Math.min(500 * 2 ** Math.max(0, failedAttempts - 1), 8000);
}

/** An officer number as the audit log keeps it when no officer has it: its length only, never its characters. */
export function maskOfficerNumber(officerNumber: string): string {
  return '*'.repeat(Math.min(officerNumber.length, 32));
}

function weakPassword(password: string, personal: string[]): ReturnType<typeof fail> | null {
  const weakness = passwordWeakness(password, personal);
  return weakness ? fail('invalid_input', weakness, { field: 'password', reason: 'passwordTooWeak' }) : null;
}

export interface NewOfficer {
  name: string;
  officerNumber: string;
  agency: Agency;
  role: Role;
  password: string;
}

export class OfficerService {
  readonly repository: OfficerRepository;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly changes: OfficerChangeSink = { queue: () => {}, followsHub: () => {} },
  ) {
    this.repository = new OfficerRepository(db);
  }

  /** Told, after the change commits, of each account a change here made follow the hub (its session may have to end). */
  private nowFollowingHub: (officer: Officer) => void = () => {};
  whenFollowingHub(listener: (officer: Officer) => void): void {
    this.nowFollowingHub = listener;
  }

  async create(officer: NewOfficer, actor: string | null): Promise<CallResult<Officer>> {
    return this.insert(officer, actor, false);
  }

  /**
   * First-run setup: one admin, ever. Whether the desk has no officer yet is checked in the same immediate
   * transaction that inserts, so parallel setups (each waiting on scrypt) make one admin and the rest are refused.
   */
  async createFirstAdmin(admin: Omit<NewOfficer, 'role'>, alsoSetUp: (admin: Officer) => void): Promise<CallResult<Officer>> {
    return this.insert({ ...admin, role: 'admin' }, null, alsoSetUp);
  }

  /** `firstAdmin`: the rest of first-run setup, run in the same transaction once the admin is inserted. */
  private async insert(officer: NewOfficer, actor: string | null, firstAdmin: ((admin: Officer) => void) | false): Promise<CallResult<Officer>> {
    if (this.repository.byNumber(officer.officerNumber)) {
      return fail('conflict', `Officer number ${officer.officerNumber} is already in use.`, { field: 'officerNumber', reason: 'officerNumberTaken' });
    }
    const weak = weakPassword(officer.password, [officer.name, officer.officerNumber]);
    if (weak) return weak;
    const passwordHash = await hashPassword(officer.password);
    let following: Officer[] = [];
    const result = this.db.transaction((): CallResult<Officer> => {
      if (firstAdmin && this.repository.count() > 0) return fail('setup_done', 'This desk already has officers; sign in instead.');
      // Checked again inside the transaction: the hash took time and another call may have won.
      if (this.repository.byNumber(officer.officerNumber)) {
        return fail('conflict', `Officer number ${officer.officerNumber} is already in use.`, { field: 'officerNumber', reason: 'officerNumberTaken' });
      }
      const record = this.repository.insert({ ...officer, passwordHash, createdAt: this.now().toISOString() });
      this.audit.append(actor, 'officer.created', {
        officerId: record.id,
        officerNumber: record.officerNumber,
        agency: record.agency,
        role: record.role,
      });
      if (firstAdmin) {
        this.audit.append(record.officerNumber, 'setup.first_admin', { officerId: record.id });
        firstAdmin(publicOfficer(record));
      }
      this.changes.queue(officerAccount(record));
      // A new admin may be what lets an account kept against the hub follow it.
      following = this.settleWithHub();
      return ok(publicOfficer(record));
    }).immediate();
    for (const officer of following) this.nowFollowingHub(officer);
    return result;
  }

  /**
   * Applies the hub's word this desk kept aside (it refused to deactivate or demote its last active admin) once the
   * desk has another active admin: the exception was only ever for the desk's guard, and the hub's word wins as soon
   * as the guard no longer needs it. In the caller's transaction; one account at a time, so one admin always stays.
   */
  private settleWithHub(): Officer[] {
    const following: Officer[] = [];
    for (const kept of this.repository.list().filter((o) => o.hubWord !== null)) {
      const word = kept.hubWord!;
      const losesAdmin = kept.active && kept.role === 'admin' && !(word.active && word.role === 'admin');
      if (losesAdmin && this.activeAdminCount() <= 1) continue;
      this.repository.followHub(kept.officerNumber);
      const record = this.repository.byNumber(kept.officerNumber)!;
      this.audit.append(null, 'officer.hub_word_applied', { officerNumber: record.officerNumber, role: record.role, active: record.active });
      this.changes.followsHub(record.officerNumber);
      following.push(publicOfficer(record));
    }
    return following;
  }

  /**
   * Checks a sign-in. Each attempt is counted before its password is checked (parallel guesses count one each);
   * failures are audited, slowed, and lock the account at MAX_FAILED_ATTEMPTS. Every refusal, an unknown number
   * or a locked account included, costs one password check, so the answer's pace does not tell them apart.
   */
  async authenticate(officerNumber: string, password: string): Promise<CallResult<OfficerRecord>> {
    const officer = this.repository.byNumber(officerNumber);
    if (!officer) {
      await burnPasswordCheck(password);
      // A password typed into the number field must not land in the log: only that an unknown number was tried.
      this.audit.append(null, 'session.sign_in_failed', { reason: 'unknown_officer', officerNumber: maskOfficerNumber(officerNumber) });
      await this.sleep(failureDelayMs(1));
      return fail('bad_credentials', 'Officer number or password is wrong.');
    }
    const now = this.now();
    const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
    const count = this.repository.countAttempt(officer.id, now.toISOString(), MAX_FAILED_ATTEMPTS, lockUntil);
    if (count.kind === 'gone') {
      await burnPasswordCheck(password);
      return fail('bad_credentials', 'Officer number or password is wrong.');
    }
    if (count.kind === 'locked') {
      await burnPasswordCheck(password);
      this.audit.append(officer.officerNumber, 'session.sign_in_refused', { reason: 'account_locked', until: count.until });
      await this.sleep(failureDelayMs(1));
      return fail('account_locked', `This account is locked until ${count.until}.`, { until: count.until });
    }
    const passwordOk = await verifyPassword(password, officer.passwordHash);
    if (passwordOk) {
      this.repository.clearFailures(officer.id);
      if (!officer.active) {
        this.audit.append(officer.officerNumber, 'session.sign_in_refused', { reason: 'inactive' });
        return fail('account_inactive', 'This account has been deactivated. Ask an administrator.');
      }
      return ok({ ...officer, failedAttempts: 0, lockedUntil: null });
    }

    const failedAttempts = count.attempt;
    this.db.transaction(() => {
      this.audit.append(officer.officerNumber, 'session.sign_in_failed', { reason: 'wrong_password', failedAttempts });
      if (count.locks) this.audit.append(officer.officerNumber, 'officer.locked_out', { until: lockUntil, failedAttempts });
    })();
    if (count.locks) {
      return fail('account_locked', `Too many wrong passwords. This account is locked until ${lockUntil}.`, { until: lockUntil });
    }
    await this.sleep(failureDelayMs(failedAttempts));
    return fail('bad_credentials', 'Officer number or password is wrong.');
  }

  async resetPassword(officerId: number, password: string, actor: string): Promise<CallResult<{ done: true }>> {
    const officer = this.repository.byId(officerId);
    if (!officer) return fail('not_found', `No officer with id ${officerId}.`, { field: 'officerId' });
    const weak = weakPassword(password, [officer.name, officer.officerNumber]);
    if (weak) return weak;
    const passwordHash = await hashPassword(password);
    this.db.transaction(() => {
      this.repository.setPasswordHash(officerId, passwordHash, this.now().toISOString());
      this.audit.append(actor, 'officer.password_reset', { officerId, officerNumber: officer.officerNumber });
      this.changes.queue(officerAccount(this.repository.byId(officerId)!));
    })();
    return ok({ done: true });
  }

  setActive(officerId: number, active: boolean, actor: OfficerRecord | Officer): CallResult<Officer> {
    const officer = this.repository.byId(officerId);
    if (!officer) return fail('not_found', `No officer with id ${officerId}.`, { field: 'officerId' });
    if (!active && officer.id === actor.id) {
      return fail('conflict', 'You cannot deactivate your own account.', { field: 'officerId', reason: 'cannotDeactivateSelf' });
    }
    if (!active && officer.role === 'admin' && this.activeAdminCount() <= 1) {
      return fail('conflict', 'This is the last active administrator; add another one first.', { field: 'officerId', reason: 'lastAdmin' });
    }
    const following = this.db.transaction(() => {
      this.repository.setActive(officerId, active, this.now().toISOString());
      this.audit.append(actor.officerNumber, active ? 'officer.activated' : 'officer.deactivated', {
        officerId,
        officerNumber: officer.officerNumber,
      });
      this.changes.queue(officerAccount(this.repository.byId(officerId)!));
      // An admin active again may be what lets an account kept against the hub follow it.
      return active ? this.settleWithHub() : [];
    })();
    for (const settled of following) this.nowFollowingHub(settled);
    return ok(publicOfficer(this.repository.byId(officerId)!));
  }

  /**
   * Takes an account from the hub, in the caller's transaction. The newer change stands (by changedAt, as the hub
   * orders them): a desk that holds the same or a newer change of this account keeps it. Audited as received.
   * Refused when it would leave this desk without an active administrator.
   */
  receive(account: OfficerAccount, revision: number): ReceivedAccount {
    if (!isPasswordHash(account.passwordHash)) return { ok: false, code: 'password_hash', problems: ['passwordHash: not a password hash this desk can check'] };
    const held = this.repository.byNumber(account.officerNumber);
    if (held && Date.parse(held.changedAt) >= Date.parse(account.changedAt)) return { ok: true, applied: false };
    // The hub's change must not lock this desk's admins out of it: the local guard of setActive, for changes from
    // elsewhere. The account stays as it is here and the refusal is shown until an admin has seen it; the hub's word
    // is kept beside it, and is what this desk sends of the account from now on (officerAccount).
    if (held?.active && held.role === 'admin' && !(account.active && account.role === 'admin') && this.activeAdminCount() <= 1) {
      this.repository.keepAgainstHub(held.officerNumber, { active: account.active, role: account.role });
      return {
        ok: false,
        code: 'last_admin',
        params: { officer: held.officerNumber },
        problems: [`${held.officerNumber} is this desk's last active administrator: kept active here; make another administrator at this desk first`],
      };
    }
    const record = this.repository.upsertFromHub(account);
    this.audit.append(null, 'officer.received', {
      officerNumber: record.officerNumber,
      role: record.role,
      active: record.active,
      passwordChanged: held !== undefined && held.passwordHash !== record.passwordHash,
      revision,
    });
    // An admin from the hub may be what lets an account kept against the hub follow it; the intake tells the sessions.
    return { ok: true, applied: true, officer: publicOfficer(record), nowFollowingHub: this.settleWithHub() };
  }

  private activeAdminCount(): number {
    return this.repository.list().filter((o) => o.active && o.role === 'admin').length;
  }
}
