// Owns the desk's sync with the hub: enrolling, then in the background pushing this desk's events (in batches, by
// device sequence, restarting from the hub's "expected sequence" after a gap), pulling the other desks' events by
// the hub's cursor, and comparing audit-chain heads; retrying with exponential backoff and jitter while the hub is
// away. It never blocks the officer: every step is an await on the network between short SQLite transactions.
// A process killed at any point loses nothing (the events are in the table until the hub holds them) and
// duplicates nothing (the hub takes a push again as duplicates; a page is applied with its cursor, atomically).
import { fail, ok, type CallResult, type SyncProblem, type SyncState, type DeskEvent, type ReferenceSync } from '../../../shared/contract';
import { SYNC_LIMITS, hubDeskNameSchema, type HistoryRequest, type HubEncounter, type SyncEvent } from '../../../shared/contract/sync';
import type { AuditLog } from '../audit/audit-log';
import type { Db } from '../db/connection';
import type { DeskIdentity } from '../desk/desk-identity';
import type { EventRow, EventStore } from '../events/event-store';
import type { ReferenceService } from '../reference/reference-service';
import type { SettingsService } from '../settings/settings-service';
import type { CredentialStore } from './credential-store';
import type { EventIntake } from './event-intake';
import { HubCallError, HubClient } from './hub-client';
import type { ReferenceIntake } from './reference-intake';
import type { ReferenceOutbox } from './reference-outbox';
import type { ReferenceRefusals } from './reference-refusals';
import { referenceSyncStatus } from './reference-status';
import type { SyncStateStore } from './sync-state';

export interface SyncTiming {
  /** Between syncs while all is well. */
  intervalMs: number;
  /** First retry after a failure; doubles each time up to maxBackoffMs, each wait drawn from its upper half. */
  backoffMs: number;
  maxBackoffMs: number;
  /** One hub request at most. */
  requestTimeoutMs: number;
  /** Events pulled per page. */
  pullPage: number;
  /** The cross-airport history lookup beside an open case: short, since an officer waits with the traveller. */
  historyTimeoutMs: number;
}

export const DEFAULT_SYNC_TIMING: SyncTiming = {
  intervalMs: 15_000,
  backoffMs: 2_000,
  maxBackoffMs: 300_000,
  requestTimeoutMs: 15_000,
  pullPage: 500,
  historyTimeoutMs: 3_000,
};

/** What asking the hub for a document's encounters elsewhere came to (see HUB_LOOKUP_STATES in the contract). */
export type HubLookup = { state: 'answered'; encounters: HubEncounter[] } | { state: 'not_enrolled' | 'unreachable' | 'refused'; encounters: [] };

export interface SyncEngineDeps {
  db: Db;
  identity: DeskIdentity;
  /** This desk's own events, pushed to the hub as they are stored. */
  events: EventStore;
  /** The sync_state row: enrollment, cursors, the header's state. */
  state: SyncStateStore;
  audit: AuditLog;
  settings: SettingsService;
  intake: EventIntake;
  /** Reference data: what this desk's admins changed goes out, what the hub serves comes in. */
  outbox: ReferenceOutbox;
  referenceIntake: ReferenceIntake;
  /** What was refused either way; open ones keep the header's notice up. */
  refusals: ReferenceRefusals;
  credentials: CredentialStore;
  now: () => Date;
  emit: (event: DeskEvent) => void;
  timing?: Partial<SyncTiming>;
}

/** A failure of a sync run in the words the header uses. */
function problemOf(error: HubCallError): { code: SyncProblem; offline: boolean } {
  if (error.kind === 'offline') return { code: error.code === 'unavailable' ? 'hub_unavailable' : 'unreachable', offline: true };
  if (error.kind === 'bad_answer') return { code: 'bad_answer', offline: false };
  switch (error.code) {
    case 'revoked':
      return { code: 'revoked', offline: false };
    case 'unauthenticated':
      return { code: 'unauthenticated', offline: false };
    case 'event_changed':
      return { code: 'event_changed', offline: false };
    default:
      return { code: 'refused', offline: false };
  }
}

/** Every airport-desk prefix (PLM-D01) of the cases this desk opened itself (pulled ones carry another device's id). */
function ownCaseNumberPrefixes(db: Db, deviceId: string): string[] {
  return db
    .prepare("SELECT DISTINCT substr(case_number, 1, length(case_number) - length('-YYMMDD-NNNN')) FROM cases WHERE device_id = ? ORDER BY 1")
    .pluck()
    .all(deviceId) as string[];
}

/**
 * The hub refused the enrolment: a code of this desk's case numbers (or the code it was to be given) is another
 * desk's. Says which of this desk's cases (their prefix and how many) and which desk holds it; nothing was changed.
 */
function deskCodeTakenHere(db: Db, deviceId: string, error: HubCallError): CallResult<never> {
  const count = db.prepare("SELECT count(*) FROM cases WHERE device_id = ? AND case_number LIKE ? || '-%'").pluck();
  const cases = error.claims.reduce((sum, claim) => sum + (count.get(deviceId, claim.prefix) as number), 0);
  const prefixes = error.claims.map((claim) => `${claim.prefix}-…`).join(', ');
  const desks = [...new Set(error.claims.map((claim) => (claim.heldByName ? `${claim.heldBy} "${claim.heldByName}"` : claim.heldBy)))].join(', ');
  return fail('conflict', `The hub refused the enrollment: ${error.message}`, { field: 'code', reason: 'enrollDeskCodeTaken', params: { cases, prefixes, desks } });
}

/** A stored own event as the protocol carries it. */
function syncEventOf(row: EventRow): SyncEvent {
  return {
    id: row.id,
    deviceId: row.device_id,
    deviceSeq: row.device_seq,
    type: row.type,
    caseId: row.case_id,
    officerNumber: row.officer_number,
    at: row.at,
    schemaVersion: row.schema_version,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}

export class SyncEngine {
  readonly state: SyncStateStore;
  private readonly timing: SyncTiming;
  private running: Promise<SyncState> | null = null;
  private queued: Promise<SyncState> | null = null;
  private lastView: SyncState = { state: 'not_configured', lastSyncAt: null, pending: 0, offlineSince: null, problem: null, hubUrl: null };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private closed = false;
  private readonly abort = new AbortController();

  constructor(private readonly deps: SyncEngineDeps) {
    this.state = deps.state;
    this.timing = { ...DEFAULT_SYNC_TIMING, ...deps.timing };
  }

  /** The header's state now. */
  status(): SyncState {
    // After close the database is gone; the last state seen stands.
    if (!this.closed) this.lastView = this.state.view(this.running !== null);
    return this.lastView;
  }

  /** What diagnostics say of reference data's sync. */
  referenceStatus(reference: ReferenceService): ReferenceSync {
    return referenceSyncStatus({ state: this.state, outbox: this.deps.outbox, refusals: this.deps.refusals, reference });
  }

  /**
   * An admin has seen the refused reference items (on the diagnostics screen): they are marked seen by them, audited,
   * and the header's notice of them goes now rather than at the next sync. Returns the header's state after.
   */
  refusalsSeen(officerNumber: string): SyncState {
    this.deps.db.transaction(() => {
      const seen = this.deps.refusals.markSeen(officerNumber);
      if (seen > 0) this.deps.audit.append(officerNumber, 'reference.refused_seen', { items: seen });
      this.state.clearNotice('reference_refused');
    })();
    this.announce();
    return this.status();
  }

  /** Starts the background loop (a desk that is not enrolled waits for enroll()). */
  start(): void {
    if (this.state.config()) this.schedule(0);
  }

  /**
   * Runs a sync now; while one runs, a second starts right after it (the first may have pushed and pulled before
   * the change the caller wants sent). Callers meanwhile share that second run. Resolves with the state after it.
   */
  syncNow(): Promise<SyncState> {
    if (this.closed) return Promise.resolve(this.status());
    if (this.running) {
      this.queued ??= this.running.then(() => {
        this.queued = null;
        return this.syncNow();
      });
      return this.queued;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.run()
      .catch((error: unknown) => console.error('[sync]', error instanceof Error ? error.message : error))
      .then(() => {
        this.running = null;
        if (!this.queued) this.scheduleNext();
        this.announce();
        return this.status();
      });
    this.announce();
    return this.running;
  }

  /** Trades a one-time code for this desk's credential, then syncs in the background. */
  async enroll(hubUrl: string, code: string, officerNumber: string): Promise<CallResult<SyncState>> {
    const { db, identity, settings, audit, credentials, now } = this.deps;
    if (this.running) await this.running.catch(() => undefined);
    const client = new HubClient(hubUrl, null, { timeoutMs: this.timing.requestTimeoutMs, signal: this.abort.signal });
    let enrolled;
    try {
      enrolled = await client.enroll({ code, deviceId: identity.deviceId, deskName: settings.get().deskName, caseNumberPrefixes: ownCaseNumberPrefixes(db, identity.deviceId) });
    } catch (error) {
      if (!(error instanceof HubCallError)) throw error;
      if (error.kind === 'offline') return fail('conflict', `The hub could not be reached: ${error.message}`, { field: 'hubUrl', reason: 'hubUnreachable' });
      if (error.code === 'bad_code') return fail('invalid_input', 'The hub refused this code: unknown, used or expired.', { field: 'code', reason: 'enrollCodeRefused' });
      if (error.code === 'device_taken') return fail('conflict', 'The hub has this desk enrolled as another desk.', { field: 'code', reason: 'enrollDeviceTaken' });
      if (error.code === 'desk_code_taken') return deskCodeTakenHere(db, identity.deviceId, error);
      return fail('conflict', `The hub refused the enrollment: ${error.message}`, { field: 'hubUrl', reason: 'enrollRefused' });
    }
    if (enrolled.deviceId !== identity.deviceId) return fail('conflict', 'The hub enrolled another device.', { field: 'code', reason: 'enrollRefused' });
    // The key first: a database saying "enrolled" with no key would sync to nothing.
    credentials.save(enrolled.credential);
    const newHub = this.state.config()?.hubId !== enrolled.hubId;
    db.transaction(() => {
      // A hub that does not know this desk gets its officers and imported files; the same hub already has them.
      if (newHub) this.deps.outbox.queueSnapshot();
      this.state.enrolled(client.baseUrl, enrolled.hubId, enrolled.airportCode, enrolled.deskCode, now().toISOString());
      // Case numbers carry the codes the hub gave, which no other desk holds; the desk is named as the hub names it,
      // so that the supervisors' screens do not show two desks that both started as "Meja 1" under one name.
      const deskName = enrolled.deskName ?? settings.get().deskName;
      settings.update({ airportCode: enrolled.airportCode, deskCode: enrolled.deskCode, deskName });
      audit.append(officerNumber, 'sync.enrolled', { hubUrl: client.baseUrl, airportCode: enrolled.airportCode, deskCode: enrolled.deskCode, deskName });
    }).immediate();
    this.failures = 0;
    this.schedule(0);
    this.announce();
    return ok(this.status());
  }

  /**
   * Asks the hub for a travel document's encounters at other airports, waiting at most historyTimeoutMs. Apart from
   * the sync loop (it neither waits for a run nor changes the header's state): a slow hub costs the officer nothing.
   */
  async historyElsewhere(request: HistoryRequest): Promise<HubLookup> {
    const config = this.closed ? null : this.state.config();
    if (!config) return { state: 'not_enrolled', encounters: [] };
    if (config.revokedAt) return { state: 'refused', encounters: [] };
    const credential = this.deps.credentials.load();
    if (!credential) return { state: 'refused', encounters: [] };
    const client = new HubClient(config.hubUrl, credential, { signal: this.abort.signal });
    try {
      const answer = await client.history(request, this.timing.historyTimeoutMs);
      return { state: 'answered', encounters: answer.encounters };
    } catch (error) {
      if (!(error instanceof HubCallError)) throw error;
      return { state: error.kind === 'offline' ? 'unreachable' : 'refused', encounters: [] };
    }
  }

  /** Stops the loop and abandons calls in flight; nothing is lost (see the header comment). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
  }

  private announce(): void {
    if (!this.closed) this.deps.emit({ name: 'sync.status', payload: this.status() });
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, ms);
    // A waiting sync never keeps a process alive on its own.
    this.timer.unref?.();
  }

  private scheduleNext(): void {
    if (this.closed) return;
    const config = this.state.config();
    if (!config || config.revokedAt || config.problemCode === 'credential_missing') return;
    if (this.failures === 0) return this.schedule(this.timing.intervalMs);
    const ceiling = Math.min(this.timing.maxBackoffMs, this.timing.backoffMs * 2 ** Math.min(this.failures - 1, 30));
    // Full jitter over the upper half: desks that lost the hub together do not come back together.
    this.schedule(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  private async run(): Promise<void> {
    const { now } = this.deps;
    const config = this.state.config();
    if (!config || config.revokedAt) return;
    const credential = this.deps.credentials.load();
    if (!credential) {
      this.state.failed('credential_missing', 'the device credential is missing or unreadable: enroll this desk again', now().toISOString(), false);
      return;
    }
    const client = new HubClient(config.hubUrl, credential, { timeoutMs: this.timing.requestTimeoutMs, signal: this.abort.signal });
    try {
      const withheld = await this.push(client);
      const received = await this.pull(client);
      const stillHeld = this.deps.intake.retryHeldBack();
      if (received > 0) this.deps.audit.append(null, 'sync.received', { events: received });
      // Reference data after the events: a case recorded under a new checklist may arrive first, and is shown with
      // its own version once the file follows (checklistFor falls back to the one in use meanwhile).
      await this.pushReference(client);
      await this.pullReference(client);
      const openRefusals = this.deps.refusals.open();
      const mismatch = await this.compareAudit(client);
      if (this.closed) return;
      this.state.succeeded(
        now().toISOString(),
        mismatch
          ? { code: 'audit_mismatch', message: mismatch }
          : withheld.length > 0
            ? { code: 'case_withheld', message: `the hub keeps back ${withheld.join(', ')}: another desk holds the desk code in their numbers` }
            : stillHeld > 0
              ? { code: 'held_back', message: `${stillHeld} events from other desks could not be applied yet` }
              : openRefusals > 0
                ? { code: 'reference_refused', message: `${openRefusals} refused reference items not yet seen by an admin` }
                : null,
      );
      this.failures = 0;
    } catch (error) {
      if (this.closed) return;
      if (!(error instanceof HubCallError)) {
        this.failures++;
        this.state.failed('refused', error instanceof Error ? error.message : String(error), now().toISOString(), false);
        return;
      }
      const { code, offline } = problemOf(error);
      this.failures++;
      this.state.failed(code, error.message, now().toISOString(), offline);
    }
    return;
  }

  /** Pushes every pending event; returns the numbers of the cases the hub kept back (see the push answer's `withheld`). */
  private async push(client: HubClient): Promise<string[]> {
    let gaps = 0;
    const withheld: string[] = [];
    for (;;) {
      if (this.closed) return withheld;
      const { pushedSeq } = this.state.config()!;
      const rows = this.deps.events.ownRowsAfter(pushedSeq, SYNC_LIMITS.maxPushEvents);
      if (rows.length === 0) return withheld;
      try {
        const answer = await client.push({ events: rows.map(syncEventOf) });
        if (this.closed) return withheld;
        if (answer.lastSeq > this.deps.events.ownLastSeq()) {
          // The hub holds events of this device that this database lacks: it was restored from an older copy.
          // New events would reuse those sequence numbers, so stop and let a person look.
          throw new HubCallError('bad_answer', `the hub holds events up to #${answer.lastSeq} of this desk, this database only up to #${this.deps.events.ownLastSeq()}`);
        }
        this.deps.db.transaction(() => {
          // The hub says so once: the audit log keeps it, the header shows it after this sync.
          for (const kept of answer.withheld ?? []) this.deps.audit.append(null, 'sync.case_withheld', { caseNumber: kept.caseNumber, heldBy: kept.heldBy });
          this.state.setPushedSeq(answer.lastSeq);
        })();
        withheld.push(...(answer.withheld ?? []).map((kept) => kept.caseNumber));
      } catch (error) {
        if (!(error instanceof HubCallError) || error.code !== 'sequence_gap' || error.expectedSeq === null || gaps++ >= 3) throw error;
        // The hub lost (or never got) events this desk believed pushed: start again where it says.
        this.state.setPushedSeq(Math.max(0, error.expectedSeq - 1));
      }
    }
  }

  /** Pulls every page; returns how many events were new here. */
  private async pull(client: HubClient): Promise<number> {
    let received = 0;
    for (;;) {
      if (this.closed) return received;
      const { pullCursor } = this.state.config()!;
      const page = await client.pull({ cursor: pullCursor, limit: this.timing.pullPage });
      if (this.closed) return received;
      const taken = this.deps.intake.takePage(page.events, () => this.state.setPullCursor(page.nextCursor));
      received += taken.applied;
      if (!page.more) return received;
    }
  }

  /**
   * Sends what this desk's admins changed, oldest first; returns how many items the hub refused for good. The hub
   * refuses a batch whole, so a refused batch is sent again one item at a time to keep the good ones.
   */
  private async pushReference(client: HubClient): Promise<number> {
    const { outbox } = this.deps;
    let refused = 0;
    for (;;) {
      if (this.closed) return refused;
      const batch = outbox.next(SYNC_LIMITS.maxReferenceItems);
      if (batch.length === 0) return refused;
      try {
        await client.referencePush({ items: batch.map((queued) => queued.item) });
        outbox.done(batch.map((queued) => queued.id));
      } catch (error) {
        if (!(error instanceof HubCallError) || error.kind !== 'refused' || (error.code !== 'invalid_reference' && error.code !== 'invalid_request')) throw error;
        for (const queued of batch) {
          try {
            await client.referencePush({ items: [queued.item] });
            outbox.done([queued.id]);
          } catch (single) {
            if (!(single instanceof HubCallError) || single.kind !== 'refused' || (single.code !== 'invalid_reference' && single.code !== 'invalid_request')) throw single;
            outbox.refused(queued, single.message);
            refused++;
          }
        }
      }
    }
  }

  /** Pulls every page of reference revisions; returns how many items were refused here. */
  private async pullReference(client: HubClient): Promise<number> {
    let refused = 0;
    for (;;) {
      if (this.closed) return refused;
      const { referenceCursor } = this.state.config()!;
      const page = await client.referencePull({ cursor: referenceCursor, limit: this.timing.pullPage });
      if (this.closed) return refused;
      const taken = this.deps.referenceIntake.takePage(page.items, () => this.state.setReferenceCursor(page.nextCursor));
      refused += taken.refused;
      if (!page.more) {
        this.state.setReferenceSynced(this.deps.now().toISOString());
        return refused;
      }
    }
  }

  /** Sends this desk's audit-chain head; returns the mismatch the hub reports, if any. */
  private async compareAudit(client: HubClient): Promise<string | null> {
    const { audit } = this.deps;
    const config = this.state.config()!;
    const head = audit.head();
    if (!head) return null;
    const atHubHead = config.auditHubSeq === null ? null : audit.entryAt(config.auditHubSeq);
    // A name kept from before names were checked is not sent: the hub would refuse the whole report for it.
    const deskName = hubDeskNameSchema.safeParse(this.deps.settings.get().deskName);
    const answer = await client.audit({ head, atHubHead, ...(deskName.success ? { deskName: deskName.data } : {}) });
    if (this.closed) return null;
    const mismatch = answer.status === 'mismatch' ? `the hub's record of this desk's audit chain disagrees: ${answer.mismatch?.detail ?? ''}` : null;
    this.state.setAudit(answer.hubHead.seq, answer.hubHead.hash, mismatch);
    return mismatch;
  }
}
