// Owns the contract of the clarification case: opening from a reading, history, answers, decision,
// countersignature, amendments and search.
import { z } from 'zod';
import { OUTCOME_IDS, WATCH_LIST_KINDS } from '../checklist';
import { DOCUMENT_FAULTS } from '../mrz/faults';
import { MRZ_NOTICE_CODES } from '../mrz/types';
import { EVERY_ROLE, SUPERVISION, bilingualTextSchema, procedure } from './define';
import { hubEncounterSchema } from './sync';

/** The decisions an officer can record; their rules are the checklist's OUTCOME_RULES. */
export const OUTCOMES = OUTCOME_IDS;
export const READING_SOURCES = ['camera', 'reader', 'manual'] as const;
export const CASE_STATUSES = ['open', 'decided', 'awaiting_countersignature'] as const;
/** Traveller warnings that say the reading (or the document) is wrong; shown apart from the facts below. */
export const READING_PROBLEMS = ['check_digits', ...DOCUMENT_FAULTS] as const;
/** Everything the traveller card warns of: the reading's problems, then the MRZ engine's facts about a document read correctly (expired, minor …). */
export const TRAVELLER_WARNINGS = [...READING_PROBLEMS, ...MRZ_NOTICE_CODES] as const;
export const AMENDABLE_FIELDS = ['flight', 'travelDate', 'destinationAirport', 'destinationCountry', 'note', 'reasons', 'legalGround', 'contactPhone', 'contactAddress'] as const;
export const NOTE_MAX_LENGTH = 10_000;

const answerValue = z.union([z.boolean(), z.string().max(NOTE_MAX_LENGTH), z.array(z.string().max(200)).max(100), z.number(), z.null()]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const PROVINCE_CODE = /^\d{2}$/;
export const REGENCY_CODE = /^\d{2}\.\d{2}$/;
const originSchema = z.object({
  provinceCode: z.string().regex(PROVINCE_CODE, 'a province code such as 16').nullable(),
  regencyCode: z.string().regex(REGENCY_CODE, 'a regency code such as 16.71').nullable(),
});
const uuid = z.string().uuid();

export const caseSummarySchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  openedAt: z.string(),
  deskName: z.string(),
  officerName: z.string(),
  officerNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  decision: z.enum(OUTCOMES).nullable(),
  reasons: z.array(z.string()),
  documentNumber: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  nationality: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const historyEntrySchema = caseSummarySchema.extend({ matchedBy: z.enum(['document', 'name_birth']) });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const watchListHitSchema = z.object({
  kind: z.enum(WATCH_LIST_KINDS),
  value: z.string(),
  note: z.string(),
  source: z.string(),
});
export type WatchListHit = z.infer<typeof watchListHitSchema>;

export const riskSchema = z.object({
  level: z.enum(['low', 'medium', 'high']),
  score: z.number(),
  indicators: z.array(z.object({ id: z.string(), reasonCode: z.string(), weight: z.number(), text: bilingualTextSchema })),
  suggestedOutcome: z.enum(OUTCOMES),
  suggestion: bilingualTextSchema,
});
export type Risk = z.infer<typeof riskSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  deviceId: z.string(),
  source: z.enum(READING_SOURCES),
  mrzLines: z.array(z.string()),
  mrzValid: z.boolean(),
  traveller: z.object({
    primaryIdentifier: z.string(),
    secondaryIdentifier: z.string(),
    nationality: z.string().nullable(),
    issuingState: z.string().nullable(),
    sex: z.string().nullable(),
    birthDate: z.string().nullable(),
    expiryDate: z.string().nullable(),
    ageYears: z.number().nullable(),
    documentCode: z.string().nullable(),
    warnings: z.array(z.enum(TRAVELLER_WARNINGS)),
    mrzErrors: z.array(z.object({ field: z.string(), message: z.string() })),
  }),
  travel: z.object({
    flight: z.string().nullable(),
    travelDate: z.string().nullable(),
    destinationAirport: z.string().nullable(),
    destinationCountry: z.string().nullable(),
  }),
  /** Where the traveller comes from: codes of shared/reference-data/areas (province, then regency/city), never free text. */
  origin: originSchema,
  checklistVersion: z.string(),
  answers: z.record(z.string(), answerValue),
  risk: riskSchema,
  decisionDetail: z
    .object({
      outcome: z.enum(OUTCOMES),
      reasons: z.array(z.string()),
      legalGround: z.string().nullable(),
      note: z.string(),
      decidedAt: z.string(),
      decidedBy: z.string(),
      decidedByName: z.string(),
      decidedByAgency: z.string(),
      countersignedBy: z.string().nullable(),
      countersignedByName: z.string().nullable(),
      countersignedAt: z.string().nullable(),
    })
    .nullable(),
  contact: z.object({ phone: z.string().nullable(), address: z.string().nullable(), consent: z.boolean() }).nullable(),
  amendments: z.array(
    z.object({ at: z.string(), author: z.string(), authorName: z.string(), field: z.string(), from: z.string(), to: z.string(), reason: z.string() }),
  ),
  history: z.array(historyEntrySchema),
  watchListHits: z.array(watchListHitSchema),
  /** Desks that changed this case while apart: both sides kept, for a supervisor to settle. */
  conflicts: z.array(
    z.object({
      kind: z.enum(['decided_twice', 'concurrent_amendments']),
      field: z.string().nullable(),
      detectedAt: z.string(),
      sides: z.array(z.object({ at: z.string(), officerNumber: z.string(), value: z.string().nullable() })),
    }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/**
 * What the hub said of this document at other airports, asked in the background when a case opens.
 * answered: the hub's encounters that this desk does not hold yet (its own come by pull); not_enrolled: the desk
 * has no hub to ask; unreachable: no answer within the short wait (offline, hub down, too slow); refused: the hub
 * answered with an error (revoked, not this desk's credential).
 */
export const HUB_LOOKUP_STATES = ['answered', 'not_enrolled', 'unreachable', 'refused'] as const;
export const hubHistorySchema = z.object({
  state: z.enum(HUB_LOOKUP_STATES),
  encounters: z.array(hubEncounterSchema),
});
export type HubHistory = z.infer<typeof hubHistorySchema>;

const travelInput = z
  .object({
    flight: z.string().trim().max(12).regex(/^[A-Z0-9]{2}\s?\d{1,5}[A-Z]?$/i, 'a flight number such as AK 1325').nullable().optional(),
    travelDate: isoDate.nullable().optional(),
    destinationAirport: z.string().trim().regex(/^[A-Z]{3}$/, 'a three-letter IATA code').nullable().optional(),
  })
  .strict();

export const caseProcedures = {
  'cases.open': procedure({
    // The core parses the MRZ itself: identity never comes from the renderer's reading of it.
    input: z.object({ source: z.enum(READING_SOURCES), mrz: z.string().min(1).max(400) }).strict(),
    output: caseDetailSchema,
    access: EVERY_ROLE,
  }),
  'cases.get': procedure({
    input: z.object({ caseId: z.string().min(1).max(64) }).strict(),
    output: caseDetailSchema,
    access: EVERY_ROLE,
  }),
  // Never blocks the case: the screen shows the case from cases.get and asks this beside it.
  'cases.hubHistory': procedure({
    input: z.object({ caseId: uuid }).strict(),
    output: hubHistorySchema,
    access: EVERY_ROLE,
  }),
  'cases.recordTravel': procedure({
    input: z.object({ caseId: uuid, travel: travelInput }).strict(),
    output: caseDetailSchema,
    access: EVERY_ROLE,
  }),
  'cases.recordOrigin': procedure({
    // Null clears it; the core checks the codes against the area data and that the regency lies in the province.
    input: z.object({ caseId: uuid }).extend(originSchema.shape).strict(),
    output: caseDetailSchema,
    access: EVERY_ROLE,
  }),
  'cases.recordAnswers': procedure({
    input: z.object({ caseId: uuid, answers: z.record(z.string().max(64), answerValue) }).strict(),
    output: caseDetailSchema,
    access: EVERY_ROLE,
  }),
  'cases.decide': procedure({
    input: z
      .object({
        caseId: uuid,
        outcome: z.enum(OUTCOMES),
        reasons: z.array(z.string().max(64)).max(60).default([]),
        legalGround: z.string().max(64).nullable().default(null),
        note: z.string().max(NOTE_MAX_LENGTH).default(''),
        contact: z
          .object({ phone: z.string().trim().max(40).nullable(), address: z.string().trim().max(500).nullable(), consent: z.boolean() })
          .strict()
          .nullable()
          .default(null),
      })
      .strict(),
    output: caseDetailSchema,
    access: EVERY_ROLE,
  }),
  'cases.countersign': procedure({
    input: z.object({ caseId: uuid }).strict(),
    output: caseDetailSchema,
    access: SUPERVISION,
  }),
  'cases.amend': procedure({
    input: z
      .object({
        caseId: uuid,
        field: z.enum(AMENDABLE_FIELDS),
        value: z.union([z.string().max(NOTE_MAX_LENGTH), z.array(z.string().max(64)).max(60), z.null()]),
        reason: z.string().trim().min(3).max(1000),
      })
      .strict(),
    output: caseDetailSchema,
    access: EVERY_ROLE,
  }),
  'cases.search': procedure({
    input: z
      .object({
        documentNumber: z.string().trim().max(20).optional(),
        name: z.string().trim().max(80).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        decision: z.enum([...OUTCOMES, 'undecided']).optional(),
        desk: z.string().trim().max(60).optional(),
        status: z.enum(CASE_STATUSES).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.array(caseSummarySchema),
    access: EVERY_ROLE,
  }),
} as const;
