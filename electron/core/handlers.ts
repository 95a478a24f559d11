// Owns the mapping from each contract procedure to the core service that answers it.
// Authorisation has already happened in dispatch; handlers check only what depends on the data.
import {
  fail,
  ok,
  type CallResult,
  type DeskEvent,
  type OutputOf,
  type ParsedInputOf,
  type ProcedureName,
} from '../../shared/contract';
import type { AuditLog } from './audit/audit-log';
import type { IntegrityMonitor } from './audit/integrity-check';
import type { CaseService } from './cases/case-service';
import { hubHistory } from './cases/hub-history';
import type { ReferenceService } from './reference/reference-service';
import type { ReviewService } from './review/review-service';
import type { SlipService } from './slips/slip-service';
import type { Db } from './db/connection';
import type { DeskIdentity } from './desk/desk-identity';
import { diagnostics } from './desk/diagnostics';
import type { VolumeEncryption } from './desk/disk-encryption';
import { publicOfficer } from './officers/officer-repository';
import type { OfficerService } from './officers/officer-service';
import type { DeskSession } from './session/desk-session';
import type { SettingsService } from './settings/settings-service';
import type { SyncEngine } from './sync/sync-engine';

export interface CoreContext {
  db: Db;
  audit: AuditLog;
  officers: OfficerService;
  session: DeskSession;
  settings: SettingsService;
  cases: CaseService;
  slips: SlipService;
  reference: ReferenceService;
  sync: SyncEngine;
  review: ReviewService;
  integrity: IntegrityMonitor;
  identity: DeskIdentity;
  dataDir: string;
  diskEncryption: VolumeEncryption;
  version: string;
  now: () => Date;
  emit: (event: DeskEvent) => void;
}

export type Handler<N extends ProcedureName> = (
  input: ParsedInputOf<N>,
) => Promise<CallResult<OutputOf<N>>> | CallResult<OutputOf<N>>;
export type Handlers = { [N in ProcedureName]: Handler<N> };

export function createHandlers(ctx: CoreContext): Handlers {
  const { audit, officers, session, settings, cases, slips, reference, sync, review } = ctx;
  // Dispatch has checked that a signed-in, unlocked officer with an allowed role is calling.
  const officer = () => session.officer!;
  const actor = (): string => session.officer?.officerNumber ?? 'unknown';
  const announceSession = () => ctx.emit({ name: 'session.changed', payload: { session: session.view() } });

  return {
    'app.info': () =>
      ok({
        setupNeeded: officers.repository.count() === 0,
        demo: ctx.identity.demo,
        deskId: ctx.identity.deviceId,
        deskName: settings.get().deskName,
        version: ctx.version,
        defaultLanguage: settings.get().defaultLanguage,
        sync: sync.status(),
      }),

    'setup.createFirstAdmin': async (input) => {
      if (officers.repository.count() > 0) return fail('setup_done', 'This desk already has officers; sign in instead.');
      return officers.createFirstAdmin(input);
    },

    'session.status': () => ok(session.view()),

    'session.signIn': async (input) => {
      const result = await officers.authenticate(input.officerNumber, input.password);
      if (!result.ok) return result;
      const officer = publicOfficer(result.value);
      const previous = session.officer;
      // The audit entries commit first; the session changes only after they did (a full disk leaves no trace-less sign-in).
      ctx.db.transaction(() => {
        if (previous && previous.id !== officer.id) audit.append(officer.officerNumber, 'session.take_over', { from: previous.officerNumber });
        audit.append(officer.officerNumber, 'session.signed_in', {});
      })();
      session.start(officer);
      announceSession();
      return ok(session.view()!);
    },

    'session.unlock': async (input) => {
      const current = session.officer!;
      const record = officers.repository.byId(current.id);
      if (!record) return fail('not_found', 'This officer no longer exists.');
      // The same officer unlocks with a password; wrong guesses count towards the lockout like sign-ins.
      const result = await officers.authenticate(record.officerNumber, input.password);
      if (!result.ok) return result;
      audit.append(current.officerNumber, 'session.unlocked', {});
      session.unlock();
      announceSession();
      return ok(session.view()!);
    },

    'session.touch': () => ok(session.view()!),

    'session.lock': () => {
      audit.append(actor(), 'session.locked', { reason: 'by_officer' });
      session.lock();
      announceSession();
      return ok(session.view()!);
    },

    'session.saveDraft': (input) => {
      session.saveDraft(input.draft);
      return ok({ done: true as const });
    },

    'session.draft': () => ok(session.draft()),

    'session.signOut': () => {
      audit.append(actor(), 'session.signed_out', {});
      session.end();
      announceSession();
      return ok({ done: true as const });
    },

    'officers.list': () => ok(officers.repository.list().map(publicOfficer)),

    'officers.create': (input) => officers.create(input, actor()),

    'officers.resetPassword': (input) => officers.resetPassword(input.officerId, input.password, actor()),

    'officers.setActive': (input) => {
      const result = officers.setActive(input.officerId, input.active, session.officer!);
      if (result.ok) session.refreshOfficer(result.value);
      return result;
    },

    'settings.get': () => ok(settings.get()),

    'settings.update': (input) => {
      // An enrolled desk's codes are the hub's: another desk may not share them, since case numbers carry them.
      const enrolled = sync.state.config();
      if (enrolled && ((input.airportCode && input.airportCode !== enrolled.airportCode) || (input.deskCode && input.deskCode !== enrolled.deskCode))) {
        return fail('conflict', `This desk is enrolled with the hub as ${enrolled.airportCode}-${enrolled.deskCode}; its codes are the hub's.`, {
          field: input.deskCode && input.deskCode !== enrolled.deskCode ? 'deskCode' : 'airportCode',
          reason: 'codesFromHub',
        });
      }
      const updated = settings.update(input);
      audit.append(actor(), 'settings.updated', { changes: input });
      return ok(updated);
    },

    'audit.recent': (input) => ok(audit.recent(input.limit)),

    // Paged, so a long chain does not hold up the other calls while it is walked.
    'audit.verify': async () => ok(await audit.verifyInBackground(() => new Promise((resolve) => setImmediate(resolve)))),

    'audit.diagnostics': () =>
      ok(diagnostics({ db: ctx.db, audit, integrity: ctx.integrity, dataDir: ctx.dataDir, diskEncryption: ctx.diskEncryption, appVersion: ctx.version })),

    'audit.integrity': () => ok(ctx.integrity.latest()),

    'cases.open': (input) => cases.open(input, officer()),
    'cases.get': (input) => cases.get(input.caseId, officer()),
    'cases.hubHistory': (input) => hubHistory(input.caseId, officer(), { cases, sync, audit }),
    'cases.recordTravel': (input) => cases.recordTravel(input, officer()),
    'cases.recordOrigin': (input) => cases.recordOrigin(input, officer()),
    'cases.recordAnswers': (input) => cases.recordAnswers(input, officer()),
    'cases.decide': (input) => cases.decide(input, officer()),
    'cases.countersign': (input) => cases.countersign(input.caseId, officer()),
    'cases.amend': (input) => cases.amend(input, officer()),
    'cases.search': (input) => ok(cases.search(input, officer())),

    'slips.get': (input) => slips.get(input.caseId, officer()),
    'slips.print': (input) => slips.print(input.caseId, input.layout, input.copies, input.toPdf, officer()),

    'sync.status': () => ok(sync.status()),
    'sync.now': async () => ok(await sync.syncNow()),
    'sync.enroll': (input) => sync.enroll(input.hubUrl, input.code, officer().officerNumber),

    'review.queue': (input) => ok(review.queue(input, officer())),
    'review.case': (input) => review.detail(input.caseId, officer()),
    'review.countersign': (input) => review.countersign(input.caseId, input.password, officer()),
    'review.recordOutcome': (input) => review.recordOutcome(input, officer()),
    'review.addNote': (input) => review.addNote(input, officer()),
    'review.signOff': (input) => review.signOff(input.caseId, officer()),
    'review.exportCsv': (input) => review.exportCsv(input, officer()),
    'review.report': (input) => ok(review.report(input, officer())),
    'review.exportReportPdf': (input) => review.exportReportPdf(input, officer()),

    'reference.current': () =>
      ok({
        checklist: reference.checklist(),
        countryRules: reference.countryRules(),
        versions: {
          checklist: reference.checklist().version,
          countryRules: reference.countryRules().version,
          watchList: reference.watchListVersion(),
        },
      }),
    'reference.checklist': (input) => ok(reference.checklistFor(input.version)),
    'reference.import': (input) => {
      const result = reference.import(input.kind, input.content, officer().officerNumber, ctx.now().toISOString());
      if (!result.ok) {
        return fail('invalid_input', `The file was refused: ${result.problems.join('; ')}`, {
          field: 'content',
          reason: 'referenceFileRefused',
          problems: result.problems,
        });
      }
      return ok({ kind: input.kind, version: result.version });
    },
  };
}
