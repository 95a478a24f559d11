// Owns the contract of the supervisors' review (issue 17): the daily queue of holds from every desk, the review of
// one case (countersignature with the password, supervisor notes, what became of the traveller, sign-off).
// Only supervisors and admins reach these procedures; only a supervisor signs off.
import { z } from 'zod';
import { CASE_STATUSES, NOTE_MAX_LENGTH, OUTCOMES, REGENCY_CODE, caseDetailSchema } from './cases';
import { printRecordSchema } from './slips';
import { DESK_KEY_PATTERN } from '../cases/case-number';
import { AGENCIES, SUPERVISION, procedure } from './define';

/** What became of a held traveller, recorded by a supervisor with its time. */
export const TRAVELLER_OUTCOMES = ['released_documents_complete', 'handed_to_bp3mi', 'handed_to_police', 'traveller_withdrew', 'other'] as const;
export type TravellerOutcome = (typeof TRAVELLER_OUTCOMES)[number];
const holdDecision = z.enum(OUTCOMES).exclude(['clear']);
/** The decisions that hold a traveller: every decision but clear. */
export const HOLD_DECISIONS = holdDecision.options;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
/** Where a hold stands in the supervisor's review. */
export const REVIEW_STATES = ['awaiting_countersignature', 'no_outcome', 'not_signed_off', 'signed_off'] as const;
export const QUEUE_SORT_KEYS = ['openedAt', 'caseNumber', 'desk', 'officer', 'decision', 'risk', 'destination', 'state'] as const;
/** A queue spans a shift, which may cross midnight; never more than a week, so it stays a screenful of work. */
export const QUEUE_MAX_SPAN_HOURS = 24 * 7;
/** More rows than a day ever holds; beyond it the queue says it is cut rather than growing without bound. */
export const QUEUE_MAX_ROWS = 20_000;

const instant = z.iso.datetime({ offset: true });
const caseId = z.string().uuid();

/** A window [from, to) that ends after it starts and spans at most `maxMs`. */
function windowWithin(maxMs: number, tooLong: string) {
  return (f: { from: string; to: string }, ctx: z.RefinementCtx) => {
    const span = Date.parse(f.to) - Date.parse(f.from);
    if (span <= 0) ctx.addIssue({ code: 'custom', message: 'the end comes after the start', path: ['to'] });
    else if (span > maxMs) ctx.addIssue({ code: 'custom', message: tooLong, path: ['to'] });
  };
}

/** What the queue and the CSV export filter by, beside their window. */
const holdFilters = {
  /** A desk by its airport and desk code as case numbers carry it (PLM-D01): names are the desks' own and may repeat. */
  desk: z.string().regex(DESK_KEY_PATTERN, 'a desk as its case numbers carry it, such as PLM-D01').optional(),
  officer: z.string().trim().min(1).max(32).optional(),
  agency: z.enum(AGENCIES).optional(),
  decision: holdDecision.optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  destinationCountry: z.string().regex(/^[A-Z]{3}$/, 'a three-letter country code').optional(),
  originRegency: z.string().regex(REGENCY_CODE, 'a regency code such as 16.71').optional(),
  state: z.enum(REVIEW_STATES).optional(),
};
export type HoldFilters = { [K in keyof typeof holdFilters]?: z.output<(typeof holdFilters)[K]> };

export const queueFilterSchema = z
  .object({
    from: instant,
    to: instant,
    ...holdFilters,
    /** Only the holds that two desks changed while apart (sync conflicts), for a supervisor to settle. */
    conflicted: z.boolean().optional(),
    sort: z.enum(QUEUE_SORT_KEYS).default('openedAt'),
    descending: z.boolean().default(false),
  })
  .strict()
  .superRefine(windowWithin(QUEUE_MAX_SPAN_HOURS * 3_600_000, `a queue spans at most ${QUEUE_MAX_SPAN_HOURS} hours`));
export type QueueFilter = z.output<typeof queueFilterSchema>;

/** A CSV export covers at most a month (31 days) of holds. */
export const EXPORT_MAX_SPAN_DAYS = 31;
export const exportFilterSchema = z
  .object({
    from: instant,
    to: instant,
    ...holdFilters,
    /** Document numbers in full; masked (as on the slip) unless the supervisor asks. */
    fullDocumentNumbers: z.boolean().default(false),
  })
  .strict()
  .superRefine(windowWithin(EXPORT_MAX_SPAN_DAYS * 86_400_000, `an export spans at most ${EXPORT_MAX_SPAN_DAYS} days`));
export type ExportFilter = z.output<typeof exportFilterSchema>;
export const csvExportSchema = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  /** The browser host: the file's text (with its byte-order mark) for the page to write where the supervisor chose; null when the shell saved it. */
  csv: z.string().nullable(),
  /** saved: the shell wrote the file where the supervisor chose; cancelled: nothing was written nor audited. */
  shellOutcome: z.enum(['saved', 'cancelled']).nullable(),
  /** The browser host: what the page sends back (review.csvSaved) once the file is written, to audit it; not yet audited. */
  exportId: z.string().nullable(),
});
export type CsvExport = z.infer<typeof csvExportSchema>;

/** The report covers a calendar day, week (Monday to Sunday) or month, each beside the one before it. */
export const REPORT_PERIODS = ['day', 'week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
/** What the report counts holds by, each beside the previous period. */
export const REPORT_BREAKDOWNS = ['decision', 'destination', 'indicator', 'agency', 'desk', 'hour', 'regency'] as const;
export type ReportBreakdown = (typeof REPORT_BREAKDOWNS)[number];
export const reportFilterSchema = z
  .object({
    period: z.enum(REPORT_PERIODS),
    /** Any day of the period, as on the calendar; a week starts on the Monday on or before it, a month on the 1st. */
    day: z.iso.date(),
    /** The desk's offset from UTC, for the calendar and the hour of day (Palembang: +07:00). */
    utcOffset: z.string().regex(/^[+-](0\d|1[0-4]):[0-5]\d$/, 'an offset such as +07:00').default('+07:00'),
    ...holdFilters,
  })
  .strict();
export type ReportFilter = z.output<typeof reportFilterSchema>;
/** The values present among a window's holds (before the filters), for the filter lists of the queue and the report. */
const filterChoicesSchema = z.object({
  /** Each desk by its code, with the name its latest hold of the window carries. */
  desks: z.array(z.object({ code: z.string(), name: z.string() })),
  officers: z.array(z.object({ number: z.string(), name: z.string() })),
  destinations: z.array(z.string()),
  regencies: z.array(z.string()),
});
export type FilterChoices = z.infer<typeof filterChoicesSchema>;
const reportCountSchema = z.object({
  /** A code (decision, country, indicator id, agency, regency, desk as PLM-D01) or an hour 00-23; null: not recorded. */
  key: z.string().nullable(),
  current: z.number().int(),
  previous: z.number().int(),
});
export type ReportCount = z.infer<typeof reportCountSchema>;
const periodCountSchema = z.object({ current: z.number().int(), previous: z.number().int() });
export const reportSchema = z.object({
  period: z.enum(REPORT_PERIODS),
  /** [from, to) and the period before it, as instants at the desk's offset. */
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  /** Travellers whose case was decided (clear included, before the filters), and the holds that pass the filters. */
  totals: z.object({ decided: periodCountSchema, holds: periodCountSchema }),
  breakdowns: z.record(z.enum(REPORT_BREAKDOWNS), z.array(reportCountSchema)),
  /** The values the holds of both periods carry, before the filters, for the filter lists. */
  choices: filterChoicesSchema,
});
export type ReviewReport = z.infer<typeof reportSchema>;
/** The page's HTML sent to be rendered is the report's screen: far below the browser host's request limit. */
export const REPORT_PAGE_MAX_CHARS = 1_500_000;
export const reportPdfInputSchema = reportFilterSchema.extend({
  /**
   * The browser host only: the report page as HTML (its styles inlined), which the host's Chromium renders to A4.
   * Electron's shell prints its own window instead and needs none.
   */
  page: z.string().min(1).max(REPORT_PAGE_MAX_CHARS).optional(),
});
/** The report as an A4 PDF of the page the screen shows: saved by the shell, or rendered for the page to save. */
export const reportPdfSchema = z.object({
  fileName: z.string(),
  /** saved: the shell wrote the file where the supervisor chose; cancelled: nothing written nor audited; null: see `pdf`. */
  shellOutcome: z.enum(['saved', 'cancelled']).nullable(),
  /** The browser host: the PDF (base64) for the page to write where the supervisor chose; not yet audited. */
  pdf: z.string().nullable(),
  /** The browser host: what the page sends back (review.reportPdfSaved) once the file is written, to audit it. */
  exportId: z.string().nullable(),
});
export type ReportPdf = z.infer<typeof reportPdfSchema>;
/** The browser host's page wrote an export (report PDF or CSV) where the supervisor chose. */
export const exportSavedSchema = z
  .object({
    exportId: z.string().uuid(),
    /** The name the supervisor gave the file in the save picker. */
    savedAs: z.string().trim().min(1).max(255),
  })
  .strict();

export const queueRowSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  openedAt: z.string(),
  /** The desk that opened the case, as its case number carries it (PLM-D01): what the review keys desks by. */
  deskCode: z.string(),
  /** The name that desk had when it opened the case. */
  deskName: z.string(),
  officerNumber: z.string(),
  officerName: z.string(),
  agency: z.enum(AGENCIES).nullable(),
  decision: holdDecision,
  status: z.enum(CASE_STATUSES),
  state: z.enum(REVIEW_STATES),
  riskLevel: z.enum(RISK_LEVELS),
  destinationCountry: z.string().nullable(),
  originRegency: z.string().nullable(),
  name: z.string(),
  documentNumber: z.string(),
  travellerOutcome: z.enum(TRAVELLER_OUTCOMES).nullable(),
  signedOffAt: z.string().nullable(),
  signedOffByName: z.string().nullable(),
  /** Sync conflicts on the case (two desks decided it, or amended one field, while apart). */
  conflicts: z.number().int(),
});
export type QueueRow = z.infer<typeof queueRowSchema>;

export const queueCountsSchema = z.object({
  /** Every hold in the window, before the filters. */
  holds: z.number().int(),
  tunda: z.number().int(),
  referred: z.number().int(),
  passportActions: z.number().int(),
  awaitingCountersignature: z.number().int(),
  notSignedOff: z.number().int(),
  /** Holds with a sync conflict. */
  conflicts: z.number().int(),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const queueSchema = z.object({
  counts: queueCountsSchema,
  rows: z.array(queueRowSchema),
  /** More rows matched than QUEUE_MAX_ROWS. */
  truncated: z.boolean(),
  /**
   * Cases of the window that stand as a clear (the first decision) while another desk, apart, held the traveller or
   * decided otherwise: no hold, so not in the rows, but a supervisor must see them.
   */
  conflictedClears: z.array(z.object({ id: z.string(), caseNumber: z.string(), openedAt: z.string(), deskCode: z.string(), deskName: z.string(), name: z.string() })),
  /** The values present in the window, for the filter lists. */
  choices: filterChoicesSchema,
});
export type ReviewQueue = z.infer<typeof queueSchema>;

export const reviewDetailSchema = z.object({
  case: caseDetailSchema,
  signedOff: z.object({ at: z.string(), by: z.string(), byName: z.string() }).nullable(),
  travellerOutcome: z
    .object({ outcome: z.enum(TRAVELLER_OUTCOMES), happenedAt: z.string(), note: z.string(), recordedAt: z.string(), by: z.string(), byName: z.string() })
    .nullable(),
  notes: z.array(z.object({ at: z.string(), by: z.string(), byName: z.string(), note: z.string() })),
  prints: z.array(printRecordSchema),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const reviewProcedures = {
  'review.queue': procedure({ input: queueFilterSchema, output: queueSchema, access: SUPERVISION }),
  'review.case': procedure({ input: z.object({ caseId }).strict(), output: reviewDetailSchema, access: SUPERVISION }),
  'review.countersign': procedure({
    // The supervisor types their password again: a passport withdrawal is not countersigned by whoever finds the desk open.
    input: z.object({ caseId, password: z.string().min(1).max(200) }).strict(),
    output: reviewDetailSchema,
    access: SUPERVISION,
  }),
  'review.recordOutcome': procedure({
    input: z
      .object({
        caseId,
        outcome: z.enum(TRAVELLER_OUTCOMES),
        /** When it happened; left out: now, as the core records it (never before the decision). */
        happenedAt: instant.optional(),
        note: z.string().trim().max(NOTE_MAX_LENGTH).default(''),
      })
      .strict(),
    output: reviewDetailSchema,
    access: SUPERVISION,
  }),
  'review.addNote': procedure({
    input: z.object({ caseId, note: z.string().trim().min(1).max(NOTE_MAX_LENGTH) }).strict(),
    output: reviewDetailSchema,
    access: SUPERVISION,
  }),
  'review.exportCsv': procedure({ input: exportFilterSchema, output: csvExportSchema, access: SUPERVISION }),
  'review.report': procedure({ input: reportFilterSchema, output: reportSchema, access: SUPERVISION }),
  'review.exportReportPdf': procedure({ input: reportPdfInputSchema, output: reportPdfSchema, access: SUPERVISION }),
  /** The browser host's page wrote a rendered report PDF where the supervisor chose: the export is audited now. */
  'review.reportPdfSaved': procedure({ input: exportSavedSchema, output: z.object({ fileName: z.string() }), access: SUPERVISION }),
  /** The browser host's page wrote a CSV export where the supervisor chose: the export is audited now. */
  'review.csvSaved': procedure({ input: exportSavedSchema, output: z.object({ fileName: z.string(), rows: z.number().int() }), access: SUPERVISION }),
  'review.signOff': procedure({
    input: z.object({ caseId }).strict(),
    output: reviewDetailSchema,
    // Signing off is the supervisor's own act; an admin manages the desk but does not vouch for holds.
    access: ['supervisor'],
  }),
} as const;
