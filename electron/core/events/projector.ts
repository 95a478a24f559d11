// Owns turning events into the case tables the screens read (cases, amendments): one event at a time,
// idempotently, whichever desk recorded it. It never writes events; the caller stores the event first (the
// amendments table refers to it) and applies each case's events in the order they were recorded.
import type { EventEnvelope, EventPayload, RecordedEvent } from '../../../shared/events/catalogue';
import { AMENDMENT_COLUMNS, DECISION_SUBSTANCE_FIELDS, nameKey, type CaseRepository, type CaseRow } from '../cases/case-repository';

/** An event the case tables cannot take: an old version that lacks state, or a step for a case not here. */
export class ProjectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectionError';
  }
}

export class Projector {
  constructor(private readonly cases: CaseRepository) {}

  /** Applies one event to the case tables. Applying the same event again changes nothing. */
  apply(event: RecordedEvent): void {
    switch (event.type) {
      case 'slip.printed':
      case 'reference.imported':
        // Prints are read from the event log itself; reference files arrive with their content, not as events.
        return;
      case 'case.opened':
        if (event.schemaVersion !== 2) return this.lacksState(event);
        if (this.cases.byId(this.caseId(event))) return;
        // Two desks used before enrolment both start as D01 and can number different cases alike. The other desk's
        // case is held back (kept, counted in the header, retried) rather than stopping every later event of the sync.
        if (this.cases.byNumber(event.payload.caseNumber)) {
          throw new ProjectionError(`case.opened ${event.id}: case number ${event.payload.caseNumber} is already another case at this desk`);
        }
        this.cases.insert({ ...openingRow({ ...event, caseId: this.caseId(event) }, event.payload), risk: JSON.stringify(event.payload.risk) });
        return;
      case 'case.travel_recorded':
        if (event.schemaVersion !== 2) return this.lacksState(event);
        this.update(event, {
          flight: event.payload.flight,
          travel_date: event.payload.travelDate,
          destination_airport: event.payload.destinationAirport,
          destination_country: event.payload.destinationCountry,
          risk: JSON.stringify(event.payload.risk),
        });
        return;
      case 'case.answers_recorded':
        if (event.schemaVersion !== 2) return this.lacksState(event);
        this.update(event, { answers: JSON.stringify(event.payload.answers), risk: JSON.stringify(event.payload.risk) });
        return;
      case 'case.decided': {
        if (event.schemaVersion !== 2) return this.lacksState(event);
        const { payload } = event;
        const consented = payload.contact?.consent === true;
        this.update(event, {
          status: payload.status,
          decision: payload.outcome,
          reasons: JSON.stringify(payload.reasons),
          legal_ground: payload.legalGround,
          note: payload.note,
          decided_at: event.at,
          decided_by: event.officerNumber,
          decided_by_name: payload.officerName,
          decided_by_agency: payload.agency,
          contact_phone: consented ? payload.contact!.phone : null,
          contact_address: consented ? payload.contact!.address : null,
          contact_consent: payload.contact ? (consented ? 1 : 0) : null,
          risk: JSON.stringify(payload.risk),
        });
        return;
      }
      case 'case.countersigned':
        if (event.schemaVersion !== 2) return this.lacksState(event);
        this.update(event, {
          status: 'decided',
          countersigned_by: event.officerNumber,
          countersigned_by_name: event.payload.officerName,
          countersigned_at: event.at,
        });
        return;
      case 'case.amended': {
        if (event.schemaVersion !== 2) return this.lacksState(event);
        const caseId = this.caseId(event);
        if (this.cases.hasAmendment(event.id)) return;
        const { payload } = event;
        this.update(event, amendmentChanges(this.cases.byId(caseId), payload.field, payload.to));
        this.cases.insertAmendment(caseId, event.id, {
          field: payload.field,
          old_value: JSON.stringify(payload.from),
          new_value: JSON.stringify(payload.to),
          reason: payload.reason,
          author: event.officerNumber,
          author_name: payload.officerName,
          at: event.at,
        });
        return;
      }
      case 'case.traveller_outcome_recorded': {
        // The latest recording wins on every desk whatever order the events arrive in: time, then event id.
        const row = this.row(event);
        if (row.traveller_outcome_recorded_at !== null && !isLater(event, row.traveller_outcome_recorded_at, row.traveller_outcome_event_id)) return;
        this.cases.update(row.id, {
          traveller_outcome: event.payload.outcome,
          traveller_outcome_happened_at: event.payload.happenedAt,
          traveller_outcome_note: event.payload.note,
          traveller_outcome_recorded_at: event.at,
          traveller_outcome_by: event.officerNumber,
          traveller_outcome_by_name: event.payload.officerName,
          traveller_outcome_event_id: event.id,
        });
        return;
      }
      case 'case.signed_off': {
        // Two supervisors on two desks may sign off the same hold before they sync: the first sign-off stands.
        const row = this.row(event);
        if (row.signed_off_at !== null && !isLater({ at: row.signed_off_at, id: row.signed_off_event_id ?? '' }, event.at, event.id)) return;
        this.cases.update(row.id, {
          signed_off_at: event.at,
          signed_off_by: event.officerNumber,
          signed_off_by_name: event.payload.officerName,
          signed_off_event_id: event.id,
        });
        return;
      }
      case 'case.origin_recorded':
        this.update(event, { origin_province: event.payload.provinceCode, origin_regency: event.payload.regencyCode });
        return;
      case 'case.supervisor_noted':
        this.row(event);
        this.cases.insertSupervisorNote(this.caseId(event), event.id, {
          author: event.officerNumber,
          author_name: event.payload.officerName,
          at: event.at,
          note: event.payload.note,
        });
        return;
      default: {
        // A type added to the catalogue without a projection fails to compile here.
        const unhandled: never = event;
        throw new ProjectionError(`no projection for ${(unhandled as RecordedEvent).type}`);
      }
    }
  }

  /** The case an event is for, which must be here already. */
  private row(event: RecordedEvent): CaseRow {
    const caseId = this.caseId(event);
    const row = this.cases.byId(caseId);
    if (!row) throw new ProjectionError(`${event.type} ${event.id} is for case ${caseId}, which this desk does not have yet`);
    return row;
  }

  private update(event: RecordedEvent, changes: Partial<CaseRow>): void {
    const caseId = this.caseId(event);
    if (!this.cases.byId(caseId)) throw new ProjectionError(`${event.type} ${event.id} is for case ${caseId}, which this desk does not have yet`);
    this.cases.update(caseId, changes);
  }

  private caseId(event: RecordedEvent): string {
    // The catalogue refuses a case event without a case id; this only narrows the type.
    if (event.caseId === null) throw new ProjectionError(`${event.type} ${event.id} names no case`);
    return event.caseId;
  }

  private lacksState(event: RecordedEvent): never {
    throw new ProjectionError(
      `${event.type} version ${event.schemaVersion} (${event.id}) does not carry the whole step; its rows stay as the desk that recorded it wrote them`,
    );
  }
}

/** Whether an event comes after a recorded (time, event id): instants compare as ISO text, the id breaks ties. */
function isLater(event: Pick<EventEnvelope, 'at' | 'id'>, at: string, eventId: string | null): boolean {
  return event.at > at || (event.at === at && event.id > (eventId ?? ''));
}

/**
 * What an amendment changes in a case row: the field, and, when it changes the substance of a passport action
 * that was countersigned, the countersignature too: it covered the old wording, so the case waits for a new one.
 */
export function amendmentChanges(row: CaseRow | undefined, field: EventPayload<'case.amended'>['field'], to: string | null): Partial<CaseRow> {
  const changes: Partial<CaseRow> = { [AMENDMENT_COLUMNS[field]]: to };
  if (row?.decision === 'passport_action' && row.countersigned_by !== null && DECISION_SUBSTANCE_FIELDS.has(field)) {
    Object.assign(changes, { status: 'awaiting_countersignature', countersigned_by: null, countersigned_by_name: null, countersigned_at: null });
  }
  return changes;
}

/**
 * The row a case starts as, before its risk is known: the service judges this draft, the projector stores it
 * with the risk its event carries.
 */
export function openingRow(
  event: Pick<EventEnvelope, 'deviceId' | 'officerNumber' | 'at'> & { caseId: string },
  payload: Omit<EventPayload<'case.opened'>, 'risk'>,
): CaseRow {
  return {
    id: event.caseId,
    case_number: payload.caseNumber,
    device_id: event.deviceId,
    desk_name: payload.deskName,
    opened_at: event.at,
    opened_by: event.officerNumber,
    opened_by_name: payload.openedByName,
    source: payload.source,
    mrz: payload.mrz.join('\n'),
    mrz_valid: payload.mrzValid ? 1 : 0,
    document_code: payload.documentCode,
    document_number: payload.documentNumber,
    issuing_state: payload.issuingState,
    nationality: payload.nationality,
    primary_name: payload.primaryName,
    secondary_name: payload.secondaryName,
    name_key: nameKey(payload.primaryName, payload.secondaryName),
    birth_date: payload.birthDate,
    sex: payload.sex,
    expiry_date: payload.expiryDate,
    flight: null,
    travel_date: null,
    destination_airport: null,
    destination_country: null,
    checklist_version: payload.checklistVersion,
    answers: '{}',
    risk: '',
    status: 'open',
    decision: null,
    reasons: '[]',
    legal_ground: null,
    note: '',
    decided_at: null,
    decided_by: null,
    decided_by_name: null,
    decided_by_agency: null,
    countersigned_by: null,
    countersigned_by_name: null,
    countersigned_at: null,
    contact_phone: null,
    contact_address: null,
    contact_consent: null,
    signed_off_at: null,
    signed_off_by: null,
    signed_off_by_name: null,
    signed_off_event_id: null,
    traveller_outcome: null,
    traveller_outcome_happened_at: null,
    traveller_outcome_note: null,
    traveller_outcome_recorded_at: null,
    traveller_outcome_by: null,
    traveller_outcome_by_name: null,
    traveller_outcome_event_id: null,
    origin_province: null,
    origin_regency: null,
  };
}
