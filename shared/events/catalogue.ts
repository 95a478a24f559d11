// Owns the event catalogue: every event type the desk records, each version of its payload schema, and the
// envelope every event travels in. What is written, what the hub accepts and what another desk applies is
// parsed here, so a case's state can be rebuilt from its events alone (the projector in electron/core does it).
// Never change a shipped version's schema: add a version, and keep the old ones parsing.
import { z } from 'zod';
import { AMENDABLE_FIELDS, CASE_STATUSES, OUTCOMES, PROVINCE_CODE, READING_SOURCES, REGENCY_CODE, riskSchema } from '../contract/cases';
import { AGENCIES, eventTimeSchema } from '../contract/define';
import { SLIP_LAYOUTS } from '../contract/slips';
import { TRAVELLER_OUTCOMES } from '../contract/review';

const text = z.string();
const nullableText = z.string().nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const answerValue = z.union([z.boolean(), z.string(), z.array(z.string()), z.number(), z.null()]);

// Version 1: what the first desks wrote. Enough to audit, not enough to rebuild a case (no officer names,
// no risk, no traveller fields); kept so that every stored event still parses.
const caseOpenedV1 = z.object({ caseNumber: text, source: z.enum(READING_SOURCES), mrz: z.array(text), checklistVersion: text }).strict();
const travelV1 = z
  .object({ flight: nullableText, travelDate: isoDate.nullable(), destinationAirport: nullableText, destinationCountry: nullableText })
  .strict();
const answersV1 = z.object({ answers: z.record(z.string(), answerValue) }).strict();
const decidedV1 = z
  .object({
    outcome: z.enum(OUTCOMES),
    reasons: z.array(text),
    legalGround: nullableText,
    note: text,
    riskLevel: riskSchema.shape.level,
    suggestedOutcome: z.enum(OUTCOMES),
    contactConsent: z.union([z.literal(0), z.literal(1)]).nullable(),
  })
  .strict();
const countersignedV1 = z.object({}).strict();
const amendedV1 = z.object({ field: z.enum(AMENDABLE_FIELDS), from: nullableText, to: nullableText, reason: text }).strict();

// Version 2: each payload says everything its step changed in the case, including the risk the desk computed
// (it depends on that desk's history and watch list, so another desk could not recompute it).
const caseOpenedV2 = z
  .object({
    caseNumber: text,
    deskName: text,
    openedByName: text,
    source: z.enum(READING_SOURCES),
    mrz: z.array(text).min(1),
    mrzValid: z.boolean(),
    documentCode: nullableText,
    documentNumber: text.min(1),
    issuingState: nullableText,
    nationality: nullableText,
    primaryName: text,
    secondaryName: text,
    birthDate: isoDate.nullable(),
    sex: nullableText,
    expiryDate: isoDate.nullable(),
    checklistVersion: text,
    risk: riskSchema,
  })
  .strict();
const travelV2 = travelV1.extend({ risk: riskSchema }).strict();
const answersV2 = answersV1.extend({ risk: riskSchema }).strict();
const decidedV2 = z
  .object({
    outcome: z.enum(OUTCOMES),
    /** decided, or awaiting_countersignature for an outcome that needs one. */
    status: z.enum(CASE_STATUSES).exclude(['open']),
    reasons: z.array(text),
    legalGround: nullableText,
    note: text,
    officerName: text,
    agency: z.enum(AGENCIES),
    contact: z.object({ phone: nullableText, address: nullableText, consent: z.boolean() }).strict().nullable(),
    risk: riskSchema,
  })
  .strict();
const countersignedV2 = z.object({ officerName: text }).strict();
const amendedV2 = amendedV1.extend({ officerName: text }).strict();

const slipPrintedV1 = z
  .object({
    layout: z.enum(SLIP_LAYOUTS),
    copies: z.number().int().min(1),
    reprint: z.boolean(),
    // The first prints did not say; they were all on paper.
    toPdf: z.boolean().default(false),
    officerName: text,
  })
  .strict();
// The supervisor's review of a hold (issue 17): what became of the traveller, notes, and the sign-off.
const travellerOutcomeV1 = z
  .object({
    outcome: z.enum(TRAVELLER_OUTCOMES),
    /** When it happened (the release, the hand-over), which may be before it was recorded. */
    happenedAt: eventTimeSchema,
    note: text,
    officerName: text,
  })
  .strict();
const supervisorNotedV1 = z.object({ note: text.min(1), officerName: text }).strict();
const signedOffV1 = z.object({ officerName: text }).strict();
/** Where the traveller comes from, as codes of the administrative-area data (never free text); null clears it. */
const originRecordedV1 = z
  .object({ provinceCode: z.string().regex(PROVINCE_CODE).nullable(), regencyCode: z.string().regex(REGENCY_CODE).nullable() })
  .strict();

const referenceImportedV1 = z.object({ kind: z.enum(['checklist', 'country_rules', 'watch_list']), version: text }).strict();

interface EventTypeSpec {
  /** The version the desk writes today. */
  current: number;
  versions: Readonly<Record<number, z.ZodType>>;
  /** Whether the event belongs to a case (and so carries its id). */
  ofCase: boolean;
}

export const EVENT_CATALOGUE = {
  'case.opened': { current: 2, ofCase: true, versions: { 1: caseOpenedV1, 2: caseOpenedV2 } },
  'case.travel_recorded': { current: 2, ofCase: true, versions: { 1: travelV1, 2: travelV2 } },
  'case.answers_recorded': { current: 2, ofCase: true, versions: { 1: answersV1, 2: answersV2 } },
  'case.decided': { current: 2, ofCase: true, versions: { 1: decidedV1, 2: decidedV2 } },
  'case.countersigned': { current: 2, ofCase: true, versions: { 1: countersignedV1, 2: countersignedV2 } },
  'case.amended': { current: 2, ofCase: true, versions: { 1: amendedV1, 2: amendedV2 } },
  'slip.printed': { current: 1, ofCase: true, versions: { 1: slipPrintedV1 } },
  'case.traveller_outcome_recorded': { current: 1, ofCase: true, versions: { 1: travellerOutcomeV1 } },
  'case.supervisor_noted': { current: 1, ofCase: true, versions: { 1: supervisorNotedV1 } },
  'case.signed_off': { current: 1, ofCase: true, versions: { 1: signedOffV1 } },
  'case.origin_recorded': { current: 1, ofCase: true, versions: { 1: originRecordedV1 } },
  'reference.imported': { current: 1, ofCase: false, versions: { 1: referenceImportedV1 } },
} as const satisfies Record<string, EventTypeSpec>;

type Catalogue = typeof EVENT_CATALOGUE;
export type EventType = keyof Catalogue;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];
export type CurrentVersion<T extends EventType> = Catalogue[T]['current'];
type VersionsOf<T extends EventType> = Catalogue[T]['versions'];
type CurrentSchemas = { [T in EventType]: VersionsOf<T>[CurrentVersion<T> & keyof VersionsOf<T>] };
/** The payload of type T in its current version, as parsed. */
export type EventPayload<T extends EventType> = z.output<CurrentSchemas[T]>;
/** What the writer hands in (defaults not yet applied). */
export type EventPayloadInput<T extends EventType> = z.input<CurrentSchemas[T]>;

/** Where and when an event happened: the same for every type. */
export interface EventEnvelope {
  /** UUID, unique across desks. */
  id: string;
  deviceId: string;
  /** 1, 2, 3 … per device, without gaps. */
  deviceSeq: number;
  caseId: string | null;
  officerNumber: string;
  /** ISO 8601 instant. */
  at: string;
}

/** One parsed event of any type and any known version; checking type and version narrows the payload. */
export type RecordedEvent = {
  [T in EventType]: {
    [V in keyof VersionsOf<T> & number]: EventEnvelope & { type: T; schemaVersion: V; payload: z.output<VersionsOf<T>[V]> };
  }[keyof VersionsOf<T> & number];
}[EventType];

/** An event as the desk writes it today. */
export type CurrentEvent<T extends EventType = EventType> = Extract<RecordedEvent, { type: T; schemaVersion: CurrentVersion<T> }>;

export const eventEnvelopeSchema = z
  .object({
    id: z.string().uuid(),
    deviceId: z.string().min(1).max(64),
    deviceSeq: z.number().int().positive(),
    type: z.string(),
    schemaVersion: z.number().int().positive(),
    caseId: z.string().min(1).max(64).nullable(),
    officerNumber: z.string().min(1).max(64),
    at: eventTimeSchema,
    payload: z.unknown(),
  })
  .strict();

export type EventParse = { ok: true; event: RecordedEvent } | { ok: false; problem: string };

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, type);
}

/** The schema of one version of one type, or a problem naming what is unknown. */
export function payloadSchema(type: string, version: number): { ok: true; schema: z.ZodType } | { ok: false; problem: string } {
  if (!isEventType(type)) return { ok: false, problem: `unknown event type ${JSON.stringify(type)}` };
  const versions: Readonly<Record<number, z.ZodType>> = EVENT_CATALOGUE[type].versions;
  const schema = versions[version];
  if (!schema) return { ok: false, problem: `${type} has no version ${version}` };
  return { ok: true, schema };
}

/** Parses an event from anywhere (this desk's table, the hub, another desk): envelope, type, version, payload. */
export function parseEvent(raw: unknown): EventParse {
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, problem: `bad envelope: ${z.prettifyError(envelope.error)}` };
  const { type, schemaVersion, caseId, payload } = envelope.data;
  const found = payloadSchema(type, schemaVersion);
  if (!found.ok) return found;
  const spec: EventTypeSpec = EVENT_CATALOGUE[type as EventType];
  if (spec.ofCase !== (caseId !== null)) return { ok: false, problem: `${type} ${spec.ofCase ? 'needs' : 'takes no'} case id` };
  const parsed = found.schema.safeParse(payload);
  if (!parsed.success) return { ok: false, problem: `${type} v${schemaVersion} payload: ${z.prettifyError(parsed.error)}` };
  // The catalogue checked type, version and payload together, which is what RecordedEvent says.
  return { ok: true, event: { ...envelope.data, payload: parsed.data } as RecordedEvent };
}
