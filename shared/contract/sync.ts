// Owns the sync protocol between a desk and the hub: every endpoint's request and response schema, the device
// credential header and the error shape. The hub (server/) and the desk's sync engine both validate with these.
// The endpoints and their rules are described for people in /work/coord/sync.md and the README. At the end: the
// desk's own sync procedures (the header's state, enrolling from the settings screen, "sync now").
import { z } from 'zod';
import { DESK_KEY_PATTERN } from '../cases/case-number';
import { airportCodeSchema, deskCodeSchema } from './desk-codes';
import { ADMIN, AGENCIES, EVERY_ROLE, ROLES, eventTimeSchema, none, procedure } from './define';
import { givenName, officerNumberSchema, personNameSchema } from './officers';

/** Bumped when a change would break a desk or hub of the previous version; sent as `/v<N>/` in every path. */
export const SYNC_PROTOCOL_VERSION = 1;

export const SYNC_PATHS = {
  health: '/health',
  enroll: '/v1/enroll',
  push: '/v1/push',
  pull: '/v1/pull',
  referencePush: '/v1/reference/push',
  referencePull: '/v1/reference/pull',
  audit: '/v1/audit',
  history: '/v1/history',
} as const;

/** Limits both sides respect; the hub refuses more with 413 (body) or 400 (counts). */
export const SYNC_LIMITS = {
  /** Largest request body the hub reads, in bytes. */
  maxBodyBytes: 4 * 1024 * 1024,
  /** Most events in one push. */
  maxPushEvents: 500,
  /** Largest page a pull returns (and the default). */
  maxPullLimit: 1000,
  /** Largest JSON payload of one event, in characters. */
  maxEventPayloadChars: 64 * 1024,
  /** Most reference items in one reference push. */
  maxReferenceItems: 100,
} as const;

/**
 * A device credential as the hub issues it at enrollment: `<deviceId>.<secret>`. The desk sends it as
 * `Authorization: Bearer <credential>` on every call but enroll and health; the hub keeps only a hash of it.
 */
export const CREDENTIAL_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/;
export function credentialHeader(credential: string): { authorization: string } {
  return { authorization: `Bearer ${credential}` };
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lower-case UUID');
/** Airport codes are IATA (three capital letters); desk codes are what case numbers carry (`PLM-D01-…`). */
export { airportCodeSchema, deskCodeSchema };
const isoTime = z.iso.datetime({ offset: true });
/** An opaque position in the hub's stream; null means "from the start". Never parse it on the desk. */
const cursor = z.string().min(1).max(100).nullable();

/**
 * One event as the desk recorded it. Immutable: the hub refuses the same id or the same (deviceId, deviceSeq)
 * with any other content. `payload` is checked against the event catalogue for `type` and `schemaVersion`.
 */
export const syncEventSchema = z
  .object({
    id: uuid,
    deviceId: uuid,
    deviceSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    type: z.string().regex(/^[a-z][a-z_]*\.[a-z][a-z_.]*$/, 'domain.noun').max(64),
    caseId: z.string().min(1).max(64).nullable(),
    officerNumber: z.string().min(1).max(32),
    at: eventTimeSchema,
    schemaVersion: z.number().int().min(1).max(1000),
    payload: z.record(z.string(), z.unknown()),
  })
  .strict();
export type SyncEvent = z.infer<typeof syncEventSchema>;

// ---- enroll ---------------------------------------------------------------------------------------------

/** A desk trades a one-time code (made by the hub admin for one airport + desk code) for its credential. */
export const enrollRequestSchema = z
  .object({
    code: z.string().trim().min(8).max(64),
    /** The desk's own device id (from its database): events it already recorded carry it. */
    deviceId: uuid,
    /** The desk's own name, which the hub keeps only if its admin gave none (a hub of this version always has one). */
    deskName: z.string().trim().min(1).max(80),
    /**
     * Every airport-desk prefix (PLM-D01) the numbers of the cases this desk opened itself carry: a desk used before
     * enrolment numbered cases under its own code, and the hub refuses the enrolment (desk_code_taken) if another
     * device has used any of them. Absent from a desk older than this field.
     */
    caseNumberPrefixes: z.array(z.string().regex(DESK_KEY_PATTERN, 'an airport-desk prefix such as PLM-D01')).max(100).optional(),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: uuid,
  credential: z.string().regex(CREDENTIAL_PATTERN),
  /** The desk must use these in its case numbers from now on. */
  airportCode: airportCodeSchema,
  deskCode: deskCodeSchema,
  hubId: uuid,
  /**
   * The desk's name as the hub admin gave it (`enroll --name`, else its codes): the desk takes it, so that two desks
   * that both started as "Meja 1" are not named alike. Absent from a hub older than this field.
   */
  deskName: z.string().trim().min(1).max(60).optional(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

// ---- push -----------------------------------------------------------------------------------------------

/**
 * Events of the calling device only, in ascending deviceSeq with no hole. The hub stores them idempotently:
 * already stored and identical = duplicate (no-op); the next expected seq = accepted; beyond it = the whole
 * batch refused with `sequence_gap` and `expectedSeq`; stored but different = refused with `event_changed`
 * (nothing of the batch is stored, and the hub records the attempt).
 */
export const pushRequestSchema = z
  .object({
    events: z.array(syncEventSchema).min(1).max(SYNC_LIMITS.maxPushEvents),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  /** The highest deviceSeq the hub holds for this device (every seq up to it is there). */
  lastSeq: z.number().int(),
  /**
   * Cases of this push the hub keeps but serves to no other desk: their number's airport-desk prefix is another
   * device's (see desk_code_taken). Their later events are kept back with them. Absent from a hub older than this field.
   */
  withheld: z.array(z.object({ caseNumber: z.string(), heldBy: z.string() })).optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- pull -----------------------------------------------------------------------------------------------

/** Every other device's events this desk has not seen, in pages. Keep `nextCursor` and send it next time. */
export const pullRequestSchema = z
  .object({
    cursor,
    limit: z.number().int().min(1).max(SYNC_LIMITS.maxPullLimit).optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pulledEventSchema = syncEventSchema.extend({
  /** Where the event was recorded, as the hub enrolled that device. */
  airportCode: airportCodeSchema,
  deskCode: deskCodeSchema,
});
export type PulledEvent = z.infer<typeof pulledEventSchema>;

/**
 * Every page a pull answers (events or reference items): its items under their name, then `nextCursor`, to store only
 * after the page's items are applied (equal to the request's cursor when nothing was new), and `more`, true when
 * another page is waiting right away.
 */
function pullPageSchema<const Key extends string, Item extends z.ZodType>(key: Key, item: Item) {
  const items = { [key]: z.array(item) } as Record<Key, z.ZodArray<Item>>;
  return z.object({ ...items, nextCursor: cursor, more: z.boolean() });
}

export const pullResponseSchema = pullPageSchema('events', pulledEventSchema);
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---- reference data -------------------------------------------------------------------------------------

/** An officer account as every desk should hold it, with the desk's rules for numbers and names; `active: false` is a deactivation. */
export const officerAccountSchema = z
  .object({
    kind: z.literal('officer'),
    officerNumber: officerNumberSchema,
    name: personNameSchema,
    agency: z.enum(AGENCIES),
    role: z.enum(ROLES),
    /** The desk's password hash string (scrypt, as electron/core/officers/password.ts writes it). */
    passwordHash: z.string().min(20).max(500),
    active: z.boolean(),
    changedAt: isoTime,
  })
  .strict();

/** A reference file exactly as an admin imported it (validated by the hub with the same rules as the desk). */
const referenceFileSchema = <K extends string>(kind: K) =>
  z
    .object({
      kind: z.literal(kind),
      version: z.string().min(1).max(64),
      content: z.unknown(),
      importedAt: isoTime,
      importedBy: z.string().min(1).max(32),
    })
    .strict();

export const referenceItemSchema = z.discriminatedUnion('kind', [
  referenceFileSchema('checklist'),
  referenceFileSchema('country_rules'),
  referenceFileSchema('watch_list'),
  officerAccountSchema,
]);
export type ReferenceItem = z.infer<typeof referenceItemSchema>;
export type ReferenceKind = ReferenceItem['kind'];

/** A desk sends what its admins imported or changed; the hub gives each a revision and serves it to every desk. */
export const referencePushRequestSchema = z
  .object({ items: z.array(referenceItemSchema).min(1).max(SYNC_LIMITS.maxReferenceItems) })
  .strict();
export type ReferencePushRequest = z.infer<typeof referencePushRequestSchema>;
export const referencePushResponseSchema = z.object({
  /** Items that became a new revision (an exact repeat of the latest revision of its key is not stored again). */
  stored: z.number().int(),
  /** Officer changes older (by changedAt) than the one the hub holds: not stored, the newer one stands. */
  superseded: z.number().int(),
});
export type ReferencePushResponse = z.infer<typeof referencePushResponseSchema>;

export const referencePullRequestSchema = z
  .object({ cursor, limit: z.number().int().min(1).max(SYNC_LIMITS.maxPullLimit).optional() })
  .strict();
export type ReferencePullRequest = z.infer<typeof referencePullRequestSchema>;

export const referenceRevisionSchema = z.object({
  /** Hub-wide, increasing: apply in this order; for one officer the highest revision wins (it is also the newest change). */
  revision: z.number().int(),
  item: referenceItemSchema,
  /** The device it came from, or null for the hub admin. */
  fromDeviceId: uuid.nullable(),
  storedAt: isoTime,
});
export type ReferenceRevision = z.infer<typeof referenceRevisionSchema>;

/** Includes the calling desk's own items (so a desk can see the revision its import got). */
export const referencePullResponseSchema = pullPageSchema('items', referenceRevisionSchema);
export type ReferencePullResponse = z.infer<typeof referencePullResponseSchema>;
/**
 * The page as the desk reads it: the page's frame strictly, each item on its own (referenceRevisionSchema), so that
 * one item it cannot read (a kind from a newer hub, a broken row) is refused alone and the rest of the page applies.
 */
export const referencePullPageSchema = pullPageSchema('items', z.unknown());
export type ReferencePullPage = z.infer<typeof referencePullPageSchema>;

// ---- audit-chain head -----------------------------------------------------------------------------------

export const auditHeadSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditHead = z.infer<typeof auditHeadSchema>;

/**
 * Sent on every sync. `head` is the desk's newest audit entry; `atHubHead` is the desk's own entry at the seq
 * of the head the hub recorded last time (`hubHead` of the previous answer), so the hub can tell a chain that
 * grew from one that was rewritten. The hub never repairs anything: a mismatch is recorded and stays visible.
 */
/** A desk's name as the hub keeps it (`enroll --name`, or the desk's own after a rename there): a name's rule applies. */
export const hubDeskNameSchema = givenName(z.string().trim().min(1).max(60));

export const auditRequestSchema = z
  .object({
    head: auditHeadSchema,
    atHubHead: auditHeadSchema.nullable(),
    /**
     * The desk's name as it stands, sent with every sync so that a desk renamed after enrolment is listed under its
     * new name (the hub stores it). Absent from a desk older than this field, or whose name breaks the rule.
     */
    deskName: hubDeskNameSchema.optional(),
  })
  .strict();
export type AuditRequest = z.infer<typeof auditRequestSchema>;

export const auditStatusSchema = z.enum([
  /** The hub had no head for this desk; it recorded this one. */
  'first',
  /** The desk's chain extends (or equals) what the hub recorded. */
  'match',
  /** The hub cannot tell: send `atHubHead` for `hubHead.seq` next time. */
  'unverified',
  /** The desk's chain disagrees with what the hub recorded (now or earlier): shown on both sides. */
  'mismatch',
]);
export const auditResponseSchema = z.object({
  status: auditStatusSchema,
  /** What the hub holds now for this desk: keep it and send your entry at its seq next time. */
  hubHead: auditHeadSchema,
  /** For a mismatch: what disagreed, in words, and when the hub first saw it. */
  mismatch: z.object({ detail: z.string(), since: isoTime }).nullable(),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;

// ---- cross-airport history ------------------------------------------------------------------------------

/** Encounters of one travel document at other airports (this airport's come by pull already). */
export const historyRequestSchema = z
  .object({
    documentNumber: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,20}$/),
    /** Issuing state as in the MRZ (e.g. IDN); narrows documents of the same number from other states. */
    issuingState: z.string().regex(/^[A-Z<]{1,3}$/).nullable().optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict();
export type HistoryRequest = z.infer<typeof historyRequestSchema>;

export const hubEncounterSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  airportCode: airportCodeSchema,
  deskCode: deskCodeSchema,
  openedAt: isoTime,
  /** The latest decision (after amendments) or null while open. */
  decision: z.string().nullable(),
  decidedAt: isoTime.nullable(),
});
export type HubEncounter = z.infer<typeof hubEncounterSchema>;
export const historyResponseSchema = z.object({ encounters: z.array(hubEncounterSchema) });
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

// ---- health and errors ----------------------------------------------------------------------------------

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  protocol: z.literal(SYNC_PROTOCOL_VERSION),
  database: z.enum(['postgresql', 'pglite']),
  hubId: uuid,
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const SYNC_ERROR_CODES = [
  /** 400: the body is not JSON or not the schema; `problems` lists what. */
  'invalid_request',
  /** 413: the body is larger than SYNC_LIMITS.maxBodyBytes. */
  'too_large',
  /** 401: no credential, or one the hub does not know (forged, mistyped, or of another hub). */
  'unauthenticated',
  /** 403: the hub admin revoked this desk; enroll again with a new code. */
  'revoked',
  /** 403: an event of another device was pushed with this desk's credential. */
  'wrong_device',
  /** 400: the enrollment code is unknown, used or expired. */
  'bad_code',
  /** 409: this device id is enrolled as another desk. */
  'device_taken',
  /** 409: a desk code (or a prefix of this desk's case numbers) is another device's or another desk's; `claims` names them. */
  'desk_code_taken',
  /** 409: events skip ahead; push from `expectedSeq`. */
  'sequence_gap',
  /** 409: an event the hub holds was sent again with other content; `eventIds` names them. Nothing stored. */
  'event_changed',
  /** 400: a reference file breaks its rules; `problems` lists them. */
  'invalid_reference',
  /** 404: no such endpoint. */
  'not_found',
  /** 405: wrong HTTP method. */
  'method_not_allowed',
  /** 503: the hub cannot reach its database right now; retry later. */
  'unavailable',
  /** 500: a fault of the hub itself (logged there). */
  'internal',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** Every non-2xx answer has this body. */
export const syncErrorSchema = z.object({
  error: z.object({
    code: z.enum(SYNC_ERROR_CODES),
    message: z.string(),
    problems: z.array(z.string()).optional(),
    expectedSeq: z.number().int().optional(),
    eventIds: z.array(z.string()).optional(),
    /** For desk_code_taken: each airport-desk prefix refused, and the desk that holds it (its codes and name). */
    claims: z.array(z.object({ prefix: z.string(), heldBy: z.string(), heldByName: z.string() })).optional(),
  }),
});
export type SyncError = z.infer<typeof syncErrorSchema>['error'];

// ---- the desk's own procedures --------------------------------------------------------------------------

/**
 * Why the last sync did not finish, as a code the renderer translates (the message is English detail for logs
 * and tests, never shown as is): the hub revoked this desk, refused a push, could not be reached, and so on.
 */
export const SYNC_PROBLEMS = [
  'unreachable',
  'hub_unavailable',
  'revoked',
  'unauthenticated',
  'credential_missing',
  'refused',
  'event_changed',
  'held_back',
  'case_withheld',
  'audit_mismatch',
  'bad_answer',
  'reference_refused',
] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];
/** Problems a finished sync found that need a person: the sync itself went through (the header says when). */
export const SYNC_NOTICES = ['held_back', 'case_withheld', 'audit_mismatch', 'reference_refused'] as const satisfies readonly SyncProblem[];

export const syncStateSchema = z.object({
  state: z.enum(['not_configured', 'idle', 'syncing', 'offline', 'error', 'revoked']),
  /** The last sync that finished (ISO time), or null. */
  lastSyncAt: z.string().nullable(),
  /** This desk's events the hub does not hold yet. */
  pending: z.number().int(),
  /** Since when the hub has been out of reach (ISO time), while it is. */
  offlineSince: z.string().nullable(),
  problem: z.object({ code: z.enum(SYNC_PROBLEMS), message: z.string() }).nullable(),
  /** The hub this desk is enrolled with, as its admin typed it. */
  hubUrl: z.string().nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

/** Plain HTTP only to this machine: a device credential never crosses a network in clear text. */
export const hubUrlSchema = z
  .string()
  .trim()
  .max(200)
  .regex(
    /^(https:\/\/[A-Za-z0-9.-]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\]))(:\d{1,5})?\/?$/,
    'an https:// address (http:// only for this machine), without a path',
  );

export const syncProcedures = {
  'sync.status': procedure({
    input: none,
    output: syncStateSchema,
    access: EVERY_ROLE,
    whileLocked: true,
  }),
  'sync.now': procedure({
    input: none,
    output: syncStateSchema,
    access: EVERY_ROLE,
  }),
  /** An admin has seen the refused reference items listed in the diagnostics: the header's notice of them goes. */
  'sync.refusalsSeen': procedure({
    input: none,
    output: syncStateSchema,
    access: ADMIN,
  }),
  'sync.enroll': procedure({
    input: z.object({ hubUrl: hubUrlSchema, code: z.string().trim().min(8).max(64) }).strict(),
    output: syncStateSchema,
    access: ADMIN,
  }),
} as const;
