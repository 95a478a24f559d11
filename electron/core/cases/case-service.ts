// Owns the rules of a clarification case: opening it from a reading, recording travel and answers with the risk
// they raise, deciding with reasons and a legal ground, countersigning passport actions, amending without
// overwriting, and showing a case (which is audited). Every change is an event in the same transaction as its rows.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  OUTCOME_RULES,
  decisionProblems,
  evaluateRisk,
  recordedRisk,
  interviewContext,
  isReasonCode,
  legalGround,
  mayCountersign,
  missingRequired,
  outcomeAllowedFor,
  statusAfterDecision,
  type Answers,
  type DecisionProblem,
  type Outcome,
  type RiskContext,
} from '../../../shared/checklist';
import {
  fail,
  ok,
  type CallResult,
  type CaseDetail,
  type CaseSummary,
  type Officer,
  type ParsedInputOf,
  type Risk,
} from '../../../shared/contract';
import { visibleWithAnswers } from '../../../shared/checklist/conditions';
import { documentFaultOf, normaliseMrzInput, parseMrz } from '../../../shared/mrz';
import { airportByIata } from '../../../shared/reference-data/airports';
import { originProblem } from '../../../shared/reference-data/areas';
import type { AuditLog } from '../audit/audit-log';
import type { Db } from '../db/connection';
import type { EventPayloadInput } from '../../../shared/events/catalogue';
import type { EventStore } from '../events/event-store';
import { amendmentChanges, openingRow, Projector } from '../events/projector';
import type { ReferenceService } from '../reference/reference-service';
import type { SettingsService } from '../settings/settings-service';
import { CaseConflicts } from './case-conflicts';
import { nextCaseNumber } from './case-number';
import { AMENDMENT_COLUMNS, CaseRepository, DECISION_SUBSTANCE_FIELDS, KEPT_BY_DATABASE, toSummary, type CaseRow, type SearchFilter } from './case-repository';

/** The English message beside each coded refusal of a decision's fields (the renderer shows the catalogue's). */
const PROBLEM_MESSAGES: Record<DecisionProblem['reason'], (ground: string | null) => string> = {
  reasonsRequired: () => 'A decision other than clear needs at least one reason.',
  groundRequired: () => 'A decision other than clear needs a legal ground from the list.',
  groundNotForOutcome: (ground) => `The ground ${ground} does not support this decision.`,
  noteRequired: () => 'A decision other than clear needs a note.',
  contactNeedsConsent: () => "Contact details are kept only with the traveller's consent.",
};

const ORIGIN_MESSAGES: Record<NonNullable<ReturnType<typeof originProblem>>, string> = {
  unknownProvince: 'Unknown province code.',
  unknownRegency: 'Unknown regency or city code.',
  regencyNotInProvince: 'The regency or city does not lie in the province given.',
};

type Traveller = CaseDetail['traveller'];
interface Surroundings {
  answers: Answers;
  traveller: Traveller;
  history: CaseDetail['history'];
  watchListHits: CaseDetail['watchListHits'];
}
type Warning = Traveller['warnings'][number];
/** The steps of an open case that go through change(): each recomputes the risk, except a countersignature. */
type CaseStep = 'case.travel_recorded' | 'case.answers_recorded' | 'case.decided' | 'case.countersigned';

export class CaseService {
  readonly repository: CaseRepository;
  /** Writes every step into the case tables, here as for events from other desks. */
  readonly projector: Projector;
  /** Two desks' changes to one case made while apart: kept, flagged, shown on the case. */
  readonly conflicts: CaseConflicts;

  constructor(
    private readonly db: Db,
    private readonly events: EventStore,
    private readonly audit: AuditLog,
    private readonly reference: ReferenceService,
    private readonly settings: SettingsService,
    private readonly deviceId: string,
    private readonly now: () => Date,
  ) {
    this.repository = new CaseRepository(db);
    this.projector = new Projector(this.repository);
    this.conflicts = new CaseConflicts(events, this.projector, this.repository, now);
  }

  open(input: ParsedInputOf<'cases.open'>, officer: Officer): CallResult<CaseDetail> {
    const { lines } = normaliseMrzInput(input.mrz);
    const at = this.now();
    const reading = parseMrz(lines, { referenceDate: at });
    if (reading.format === null || !reading.documentNumber) {
      const detail = reading.errors.map((e) => e.message).join(' ') || 'No MRZ found.';
      return fail('invalid_input', `This is not a readable MRZ: ${detail}`, { field: 'mrz', reason: 'mrzUnreadable' });
    }
    const settings = this.settings.complete();
    const checklist = this.reference.checklist();
    const id = randomUUID();
    const openedAt = at.toISOString();
    const opening = {
      deskName: settings.deskName,
      openedByName: officer.name,
      source: input.source,
      mrz: reading.lines,
      mrzValid: reading.valid,
      documentCode: reading.fields.documentCode?.value ?? null,
      documentNumber: reading.documentNumber,
      issuingState: reading.fields.issuingState?.value ?? null,
      nationality: reading.fields.nationality?.value ?? null,
      primaryName: reading.primaryIdentifier,
      secondaryName: reading.secondaryIdentifier,
      birthDate: reading.birthDate?.iso ?? null,
      sex: reading.fields.sex?.value ?? null,
      expiryDate: reading.expiryDate?.iso ?? null,
      checklistVersion: checklist.version,
    };
    // The draft is judged before the case number exists; the number does not change the risk.
    const draft = openingRow({ caseId: id, deviceId: this.deviceId, officerNumber: officer.officerNumber, at: openedAt }, { ...opening, caseNumber: '' });
    const around = this.surroundings(draft);
    const risk = this.assess(draft, around);
    const row = this.db.transaction(() => {
      const caseNumber = nextCaseNumber(this.repository, settings.airportCode, settings.deskCode, at);
      this.projector.apply(this.events.append('case.opened', id, officer.officerNumber, openedAt, { ...opening, caseNumber, risk }));
      this.audit.append(officer.officerNumber, 'case.opened', { caseId: id, caseNumber });
      return this.projected({ ...draft, case_number: caseNumber, risk: JSON.stringify(risk) });
    }).immediate();
    return ok(this.detail(row, around));
  }

  /** Shows a case; every showing is audited, as personal data of people who may be victims. */
  get(caseIdOrNumber: string, viewer: Officer): CallResult<CaseDetail> {
    const row = this.repository.byId(caseIdOrNumber) ?? this.repository.byNumber(caseIdOrNumber);
    if (!row) return fail('not_found', 'This desk has no such case.', { field: 'caseId', reason: 'caseNotHere' });
    this.audit.append(viewer.officerNumber, 'case.viewed', { caseId: row.id, caseNumber: row.case_number });
    return ok(this.detail(row));
  }

  /** A case for another service of the core (the slip); showing it to an officer goes through get(), which audits. */
  peek(caseIdOrNumber: string): CaseDetail | undefined {
    const row = this.repository.byId(caseIdOrNumber) ?? this.repository.byNumber(caseIdOrNumber);
    return row && this.detail(row);
  }

  recordTravel(input: ParsedInputOf<'cases.recordTravel'>, officer: Officer): CallResult<CaseDetail> {
    const row = this.openCase(input.caseId);
    if (!row.ok) return row;
    const travel = input.travel;
    let destinationCountry: string | null = null;
    if (travel.destinationAirport) {
      const airport = airportByIata(travel.destinationAirport);
      if (!airport) return fail('invalid_input', `Unknown airport ${travel.destinationAirport}.`, { field: 'destinationAirport', reason: 'unknownAirport' });
      destinationCountry = airport.country;
    }
    const changes: Partial<CaseRow> = {
      flight: travel.flight ? travel.flight.toUpperCase().replace(/\s+/g, ' ') : null,
      travel_date: travel.travelDate ?? null,
      destination_airport: travel.destinationAirport ?? null,
      destination_country: destinationCountry,
    };
    return this.change(row.value, changes, officer, this.now().toISOString(), 'case.travel_recorded', (risk) => ({
      flight: changes.flight ?? null,
      travelDate: changes.travel_date ?? null,
      destinationAirport: changes.destination_airport ?? null,
      destinationCountry,
      risk,
    }));
  }

  /**
   * Where the traveller comes from, asked in the interview: recorded while the case is open, and on a hold until it
   * is signed off (a held traveller is still asked; the supervisor completes it in the review). Codes only, checked
   * against the area data; recording the origin a case already has writes nothing.
   */
  recordOrigin(input: ParsedInputOf<'cases.recordOrigin'>, officer: Officer): CallResult<CaseDetail> {
    const row = this.repository.byId(input.caseId);
    if (!row) return fail('not_found', 'This desk has no such case.', { field: 'caseId', reason: 'caseNotHere' });
    const openHold = row.decision !== null && row.decision !== 'clear' && row.signed_off_at === null;
    if (row.status !== 'open' && !openHold) {
      return fail('conflict', 'The origin is recorded while the case is open, or on a hold until it is signed off.', { reason: 'originClosed' });
    }
    const problem = originProblem(input.provinceCode, input.regencyCode);
    if (problem) return fail('invalid_input', ORIGIN_MESSAGES[problem], { field: problem === 'unknownProvince' ? 'provinceCode' : 'regencyCode', reason: problem });
    if (row.origin_province === input.provinceCode && row.origin_regency === input.regencyCode) return ok(this.detail(row));
    const at = this.now().toISOString();
    return this.db.transaction(() => {
      const origin = { provinceCode: input.provinceCode, regencyCode: input.regencyCode };
      this.projector.apply(this.events.append('case.origin_recorded', row.id, officer.officerNumber, at, origin));
      this.audit.append(officer.officerNumber, 'case.origin_recorded', { caseId: row.id, caseNumber: row.case_number, ...origin });
      return ok(this.detail(this.projected({ ...row, origin_province: input.provinceCode, origin_regency: input.regencyCode })));
    }).immediate();
  }

  recordAnswers(input: ParsedInputOf<'cases.recordAnswers'>, officer: Officer): CallResult<CaseDetail> {
    const row = this.openCase(input.caseId);
    if (!row.ok) return row;
    // Answers to questions that no longer show (a changed earlier answer hid them) are not kept.
    const around = this.surroundings(row.value);
    const checklist = this.reference.checklistFor(row.value.checklist_version);
    const { answers } = visibleWithAnswers(checklist, input.answers as Answers, this.context(row.value, around));
    return this.change(row.value, { answers: JSON.stringify(answers) }, officer, this.now().toISOString(), 'case.answers_recorded', (risk) => ({ answers, risk }));
  }

  decide(input: ParsedInputOf<'cases.decide'>, officer: Officer): CallResult<CaseDetail> {
    const found = this.openCase(input.caseId);
    if (!found.ok) return found;
    const row = found.value;
    const unknownReason = input.reasons.find((code) => !isReasonCode(code));
    if (unknownReason) return fail('invalid_input', `Unknown reason code ${unknownReason}.`, { field: 'reasons' });
    // The fields first, then who may decide, then consent: the first problem found is the one reported.
    const problems = decisionProblems(input.outcome, input);
    const fieldProblem = problems.find((p) => p.field !== 'contact');
    if (fieldProblem) return fail('invalid_input', PROBLEM_MESSAGES[fieldProblem.reason](input.legalGround), { field: fieldProblem.field, reason: fieldProblem.reason });
    if (input.outcome === 'clear') {
      const unanswered = this.unansweredBeforeClear(row);
      if (unanswered.length > 0) {
        return fail('invalid_input', `A clear needs the interview answered first: ${unanswered.join(', ')}.`, { field: 'answers', reason: 'interviewUnanswered' });
      }
    }
    if (!outcomeAllowedFor(input.outcome, officer.agency)) {
      return fail('forbidden', 'Only an Imigrasi officer can take a passport action.', { reason: 'passportActionImigrasiOnly' });
    }
    const contact = input.contact;
    if (problems.some((p) => p.field === 'contact')) {
      return fail('invalid_input', PROBLEM_MESSAGES.contactNeedsConsent(null), { field: 'contact', reason: 'contactNeedsConsent' });
    }
    const at = this.now().toISOString();
    const changes: Partial<CaseRow> = {
      status: statusAfterDecision(input.outcome),
      decision: input.outcome,
      reasons: JSON.stringify(input.reasons),
      legal_ground: input.legalGround ?? null,
      note: input.note,
      decided_at: at,
      decided_by: officer.officerNumber,
      decided_by_name: officer.name,
      decided_by_agency: officer.agency,
      contact_phone: contact?.consent ? (contact.phone ?? null) : null,
      contact_address: contact?.consent ? (contact.address ?? null) : null,
      contact_consent: contact ? (contact.consent ? 1 : 0) : null,
    };
    return this.change(row, changes, officer, at, 'case.decided', (risk) => ({
      outcome: input.outcome,
      status: statusAfterDecision(input.outcome),
      reasons: input.reasons,
      legalGround: changes.legal_ground ?? null,
      note: input.note,
      officerName: officer.name,
      agency: officer.agency,
      contact: contact ? { phone: changes.contact_phone ?? null, address: changes.contact_address ?? null, consent: contact.consent } : null,
      risk,
    }));
  }

  countersign(caseId: string, supervisor: Officer): CallResult<CaseDetail> {
    const row = this.repository.byId(caseId);
    if (!row) return fail('not_found', 'This desk has no such case.', { field: 'caseId', reason: 'caseNotHere' });
    if (row.status !== 'awaiting_countersignature') {
      return fail('conflict', 'This case is not awaiting a countersignature.', { reason: 'notAwaitingCountersignature' });
    }
    if (!mayCountersign(row.decision as Outcome, supervisor)) {
      return fail('forbidden', 'A passport action is countersigned by an Imigrasi supervisor.', { reason: 'countersignImigrasiSupervisor' });
    }
    // Dual control: whoever wrote the decision's wording, first or by amendment, cannot also countersign it.
    const authors = [row.decided_by, ...this.repository.amendments(row.id).filter((a) => DECISION_SUBSTANCE_FIELDS.has(a.field as never)).map((a) => a.author)];
    if (authors.some((author) => author?.toUpperCase() === supervisor.officerNumber.toUpperCase())) {
      return fail('forbidden', 'The officer who decided or amended this decision cannot countersign it.', { reason: 'countersignOwnDecision' });
    }
    const at = this.now().toISOString();
    return this.change(
      row,
      { status: 'decided', countersigned_by: supervisor.officerNumber, countersigned_by_name: supervisor.name, countersigned_at: at },
      supervisor,
      at,
      'case.countersigned',
      () => ({ officerName: supervisor.name }),
    );
  }

  amend(input: ParsedInputOf<'cases.amend'>, officer: Officer): CallResult<CaseDetail> {
    const row = this.repository.byId(input.caseId);
    if (!row) return fail('not_found', 'This desk has no such case.', { field: 'caseId', reason: 'caseNotHere' });
    if (row.status === 'open') return fail('conflict', 'Only a decided case is amended; an open case is still being recorded.', { reason: 'amendOpenCase' });
    // The decision's substance belongs to the agency that took it; the other agency refers or records its own case.
    if (DECISION_SUBSTANCE_FIELDS.has(input.field) && row.decided_by_agency !== officer.agency) {
      return fail('forbidden', "Only the deciding agency amends a decision's note, reasons or legal ground.", { field: 'field', reason: 'amendOtherAgency' });
    }
    const change = this.amendment(row, input.field, input.value);
    if (!change.ok) return change;
    const changes = amendmentChanges(row, input.field, change.value);
    const at = this.now().toISOString();
    return this.db.transaction(() => {
      this.projector.apply(
        this.events.append('case.amended', row.id, officer.officerNumber, at, {
          field: input.field,
          from: row[AMENDMENT_COLUMNS[input.field]],
          to: change.value,
          reason: input.reason,
          officerName: officer.name,
        }),
      );
      const voided = changes.countersigned_by === null && row.countersigned_by !== null;
      this.audit.append(officer.officerNumber, 'case.amended', { caseId: row.id, field: input.field, ...(voided ? { countersignatureVoided: true } : {}) });
      return ok(this.detail(this.projected({ ...row, ...changes })));
    }).immediate();
  }

  search(filter: SearchFilter, viewer: Officer): CaseSummary[] {
    const results = this.repository.search(filter);
    this.audit.append(viewer.officerNumber, 'case.searched', { filter: { ...filter }, results: results.length });
    return results;
  }

  /** The corrected column value an amendment stores, checked by the rules of its field. */
  private amendment(row: CaseRow, field: ParsedInputOf<'cases.amend'>['field'], value: string | string[] | null): CallResult<string | null> {
    const text = typeof value === 'string' ? value.trim() : null;
    switch (field) {
      case 'note':
        return ok(text ?? '');
      case 'reasons': {
        const codes = Array.isArray(value) ? value : [];
        if (codes.some((code) => !isReasonCode(code))) return fail('invalid_input', 'Unknown reason code.', { field: 'value' });
        if (OUTCOME_RULES[row.decision as Outcome].needsJustification && codes.length === 0) return fail('invalid_input', 'This decision needs at least one reason.', { field: 'value', reason: 'reasonsRequired' });
        return ok(JSON.stringify(codes));
      }
      case 'legalGround': {
        const ground = text ? legalGround(text) : undefined;
        if (!ground || !ground.outcomes.includes(row.decision as never)) {
          return fail('invalid_input', 'Choose a legal ground from the list that supports this decision.', { field: 'value', reason: 'groundNotForOutcome' });
        }
        return ok(ground.code);
      }
      case 'flight':
        return ok(text ? text.toUpperCase() : null);
      case 'travelDate':
        if (text && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return fail('invalid_input', 'A date as YYYY-MM-DD.', { field: 'value' });
        return ok(text);
      case 'destinationAirport': {
        const airport = text ? airportByIata(text) : undefined;
        if (text && !airport) return fail('invalid_input', `Unknown airport ${text}.`, { field: 'value', reason: 'unknownAirport' });
        return ok(airport?.iata ?? null);
      }
      case 'destinationCountry':
        if (text && !/^[A-Z]{3}$/.test(text)) return fail('invalid_input', 'A three-letter country code.', { field: 'value' });
        return ok(text);
      case 'contactPhone':
      case 'contactAddress':
        if (text && row.contact_consent !== 1) return fail('invalid_input', "Contact details are kept only with the traveller's consent.", { field: 'value', reason: 'contactNeedsConsent' });
        return ok(text);
    }
  }

  private openCase(caseId: string): CallResult<CaseRow> {
    const row = this.repository.byId(caseId);
    if (!row) return fail('not_found', 'This desk has no such case.', { field: 'caseId', reason: 'caseNotHere' });
    if (row.status !== 'open') return fail('conflict', 'This case is already decided; correct it with an amendment.', { reason: 'caseDecided' });
    return ok(row);
  }

  /**
   * Records one step of a case at `at`, the time its changes carry, so that row and event agree. The risk is
   * recomputed from the changed state while the case is open, the step's event carries it, and the projector
   * writes the event into the case tables.
   */
  private change<T extends CaseStep>(row: CaseRow, changes: Partial<CaseRow>, officer: Officer, at: string, eventType: T, payload: (risk: Risk) => EventPayloadInput<T>): CallResult<CaseDetail> {
    const next = { ...row, ...changes };
    const around = this.surroundings(next);
    const risk = row.status === 'open' ? this.assess(next, around) : (JSON.parse(row.risk) as Risk);
    return this.db.transaction(() => {
      this.projector.apply(this.events.append(eventType, row.id, officer.officerNumber, at, payload(risk)));
      if (eventType === 'case.decided' || eventType === 'case.countersigned') {
        this.audit.append(officer.officerNumber, eventType, { caseId: row.id, caseNumber: row.case_number });
      }
      return ok(this.detail(this.projected({ ...next, risk: JSON.stringify(risk) }), around));
    }).immediate();
  }

  /**
   * The row the projector wrote for a step, checked against the row this service meant: the tables are rebuilt
   * from events on other desks, so a step whose event does not say what the step did is refused (rolled back).
   */
  private projected(expected: CaseRow): CaseRow {
    const stored = this.repository.byId(expected.id);
    const comparable = (row: CaseRow) => {
      const shown: Record<string, unknown> = { ...row, risk: JSON.parse(row.risk) as unknown };
      for (const column of KEPT_BY_DATABASE) delete shown[column];
      return shown;
    };
    if (!stored || !isDeepStrictEqual(comparable(stored), comparable(expected))) {
      const differing = stored ? Object.keys(expected).filter((key) => !isDeepStrictEqual(comparable(stored)[key as keyof CaseRow], comparable(expected)[key as keyof CaseRow])) : ['the whole row'];
      throw new Error(`The event of this step does not rebuild case ${expected.id} (${differing.join(', ')}); nothing was recorded.`);
    }
    return stored;
  }

  /** What a case is judged and shown with, read once per change: answers, traveller, earlier encounters, watch-list hits. */
  private surroundings(row: CaseRow): Surroundings {
    const answers = JSON.parse(row.answers) as Answers;
    return {
      answers,
      traveller: this.traveller(row),
      history: this.repository.history(row.id, row.document_number, row.name_key, row.birth_date),
      watchListHits: this.watchListHits(row, answers),
    };
  }

  /**
   * A checklist with a triage (2026.2 on) clears nobody it has not asked: every required question shown, the
   * triage and any full interview it opened, must be answered. A checklist without one (2026.1) never required it.
   */
  private unansweredBeforeClear(row: CaseRow): string[] {
    const checklist = this.reference.checklistFor(row.checklist_version);
    if (checklist.fullInterview === undefined) return [];
    const around = this.surroundings(row);
    return missingRequired(checklist, around.answers, this.context(row, around)).map((q) => q.id);
  }

  /** The facts from outside the interview that a case is judged with. */
  private context(row: CaseRow, around: Surroundings): RiskContext {
    const facts = { destinationCountry: row.destination_country, ageYears: around.traveller.ageYears, history: around.history, watchListHits: around.watchListHits.length };
    return interviewContext(facts, this.reference.countryRules());
  }

  /** Judged with the checklist the case was opened under, never a newer one. */
  private assess(row: CaseRow, around: Surroundings): Risk {
    return recordedRisk(evaluateRisk(this.reference.checklistFor(row.checklist_version), around.answers, this.context(row, around)));
  }

  private traveller(row: CaseRow): Traveller {
    const reading = parseMrz(row.mrz.split('\n'), { referenceDate: new Date(row.opened_at) });
    const warnings: Warning[] = [];
    if (reading.checks.some((check) => !check.valid)) warnings.push('check_digits');
    for (const error of reading.errors) {
      const fault = documentFaultOf(error);
      if (fault !== null && !warnings.includes(fault)) warnings.push(fault);
    }
    // The engine's facts about the document (expired, minor …) say nothing against the reading.
    for (const notice of reading.notices) if (!warnings.includes(notice.code)) warnings.push(notice.code);
    return {
      primaryIdentifier: row.primary_name,
      secondaryIdentifier: row.secondary_name,
      nationality: row.nationality,
      issuingState: row.issuing_state,
      sex: row.sex,
      birthDate: row.birth_date,
      expiryDate: row.expiry_date,
      ageYears: reading.ageYears,
      documentCode: row.document_code,
      warnings,
      mrzErrors: reading.errors,
    };
  }

  private watchListHits(row: CaseRow, answers: Answers) {
    const texts = Object.values(answers).filter((value): value is string => typeof value === 'string');
    return this.reference.watchListHits([
      { kind: 'document', value: row.document_number },
      { kind: 'name', value: `${row.primary_name} ${row.secondary_name}` },
      { kind: 'phone', value: row.contact_phone },
      ...texts.flatMap((text) => [
        { kind: 'company' as const, value: text },
        { kind: 'phone' as const, value: text },
        { kind: 'name' as const, value: text },
      ]),
    ]);
  }

  private detail(row: CaseRow, around: Surroundings = this.surroundings(row)): CaseDetail {
    return {
      ...toSummary(row),
      deviceId: row.device_id,
      source: row.source as CaseDetail['source'],
      mrzLines: row.mrz.split('\n'),
      mrzValid: row.mrz_valid === 1,
      traveller: around.traveller,
      travel: {
        flight: row.flight,
        travelDate: row.travel_date,
        destinationAirport: row.destination_airport,
        destinationCountry: row.destination_country,
      },
      origin: { provinceCode: row.origin_province, regencyCode: row.origin_regency },
      checklistVersion: row.checklist_version,
      answers: around.answers,
      risk: JSON.parse(row.risk) as Risk,
      decisionDetail:
        row.decision && row.decided_at
          ? {
              outcome: row.decision as NonNullable<CaseDetail['decision']>,
              reasons: JSON.parse(row.reasons) as string[],
              legalGround: row.legal_ground,
              note: row.note,
              decidedAt: row.decided_at,
              decidedBy: row.decided_by ?? '',
              decidedByName: row.decided_by_name ?? '',
              decidedByAgency: row.decided_by_agency ?? '',
              countersignedBy: row.countersigned_by,
              countersignedByName: row.countersigned_by_name,
              countersignedAt: row.countersigned_at,
            }
          : null,
      contact: row.contact_consent === null ? null : { phone: row.contact_phone, address: row.contact_address, consent: row.contact_consent === 1 },
      amendments: this.repository.amendments(row.id).map((a) => ({
        at: a.at,
        author: a.author,
        authorName: a.author_name,
        field: a.field,
        from: a.old_value,
        to: a.new_value,
        reason: a.reason,
      })),
      history: around.history,
      watchListHits: around.watchListHits,
      conflicts: this.conflicts.of(row.id),
    };
  }
}
