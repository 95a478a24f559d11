// Owns the public types of the MRZ engine: formats, fields, check digits, results and recogniser candidates.

export type MrzFormat = 'TD3' | 'TD2' | 'TD1' | 'MRVA' | 'MRVB' | 'FRENCH_ID';

/** One possible reading of one character position; score in 0..1, higher is more likely. */
export interface CharAlternative {
  char: string;
  score: number;
}
/** The alternatives for one text position, best first. */
export type CharCandidates = CharAlternative[];
/** One MRZ line as the recogniser saw it. */
export type LineCandidates = CharCandidates[];

export interface ParseOptions {
  /** "Today" for date plausibility, age and expiry; its local calendar date is used. Default: now. */
  referenceDate?: Date;
}

export type MrzFieldName =
  | 'documentCode'
  | 'issuingState'
  | 'primaryIdentifier'
  | 'secondaryIdentifier'
  | 'documentNumber'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'expiryDate'
  | 'optionalData'
  /** TD1 only: the optional data on line 2. */
  | 'optionalData2'
  /** FRENCH_ID only: year and month of issue (YYMM, the first four characters of the card number). */
  | 'issueDate';

export type MrzCheckName = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';

/** 0-based line, 0-based start column, end column exclusive. */
export interface MrzPosition {
  line: number;
  start: number;
  end: number;
}

export interface MrzField {
  name: MrzFieldName;
  /** The characters exactly as read (after normalisation and any correction listed in `corrections`). */
  raw: string;
  /**
   * Display value: fillers stripped, `<` inside names and text turned into spaces, dates as
   * YYYY-MM-DD with XX for unknown parts. null when the field is too malformed to give one.
   */
  value: string | null;
  position: MrzPosition;
  /** A TD1/TD2 long document number continues here (in the optional data). */
  continuation?: MrzPosition;
  valid: boolean;
  /** Plain English, null when valid. */
  error: string | null;
}

export interface MrzDate {
  year: number | null;
  month: number | null;
  day: number | null;
  /** YYYY-MM-DD, unknown parts as XX (XXXX for the year). */
  iso: string;
}

export interface MrzCheck {
  name: MrzCheckName;
  /** Where the check digit itself is. */
  position: MrzPosition;
  /** The text the digit protects, in order. */
  covers: MrzPosition[];
  /** The check character as read. */
  raw: string;
  /** The digit the covered text gives, or -1 when it contains characters outside the MRZ alphabet. */
  expected: number;
  valid: boolean;
  error: string | null;
}

export interface MrzIssue {
  /** A field name, a check name (`composite`, `birthDateCheck`, …) or `input` / `format` / `line1`… */
  field: string;
  message: string;
}

/**
 * Facts about the document or its holder that an officer must see and that say nothing against the
 * reading (an expired passport is read correctly, and is expired):
 * - `expired`: the expiry date is before the reference date;
 * - `expires_soon`: it is within six months after it (and not before);
 * - `minor`: the holder is under 18 at the reference date;
 * - `state_unspecified`: the state is a code for no state, a stateless person (XXA), a refugee
 *   (XXB, XXC) or unspecified (XXX).
 */
export const MRZ_NOTICE_CODES = ['expired', 'expires_soon', 'minor', 'state_unspecified'] as const;
export type MrzNoticeCode = (typeof MRZ_NOTICE_CODES)[number];

export interface MrzNotice {
  code: MrzNoticeCode;
  field: MrzFieldName;
  /** Plain English. */
  message: string;
}

/** One character changed against the input (0-based line and column). */
export interface MrzCorrection {
  line: number;
  column: number;
  from: string;
  to: string;
}

export interface MrzResult {
  format: MrzFormat | null;
  /**
   * True when the reading is correct: every check digit holds, every field is well formed, dates
   * exist and state codes are ones an issuer uses. Says nothing about whether the document is
   * in date or its holder of age: see `notices`.
   */
  valid: boolean;
  /** The lines that were parsed (after normalisation and corrections). */
  lines: string[];
  fields: Partial<Record<MrzFieldName, MrzField>>;
  /** Every check digit one by one, composite last. */
  checks: MrzCheck[];
  /** What is wrong with the reading (or the document): check digits, malformed fields, impossible dates, unknown state codes. */
  errors: MrzIssue[];
  /** Facts about a correctly read document: expired, expires soon, minor holder, no state. */
  notices: MrzNotice[];
  corrections: MrzCorrection[];
  /** What input normalisation did (for example "converted lower case to upper case"). */
  normalised: string[];
  /** The reference date used, YYYY-MM-DD. */
  referenceDate: string;
  /** The full document number (a TD1/TD2 long number joined with its continuation), or null. */
  documentNumber: string | null;
  birthDate: MrzDate | null;
  expiryDate: MrzDate | null;
  /**
   * Age in whole years at the reference date. With an unknown birth day or month the latest
   * possible birth date is assumed, so the figure is the youngest the holder can be.
   */
  ageYears: number | null;
  /** ageYears < 18. */
  isMinor: boolean | null;
  /** Expiry before the reference date (an unknown day or month counts as the earliest possible). */
  expired: boolean | null;
  /** Expiry before the reference date plus six months; true for expired documents too. */
  expiresWithinSixMonths: boolean | null;
  /** Names with `<` turned into spaces; '' when absent. */
  primaryIdentifier: string;
  secondaryIdentifier: string;
  nameParts: { primary: string[]; secondary: string[] };
  /** The name field is full to its last character, so the issuer may have truncated the name. */
  nameMayBeTruncated: boolean;
}

/** Field values accepted by generateMrz; anything missing gets a neutral default. */
export interface MrzFieldValues {
  /** 'P', 'PO', 'I', 'ID', 'AC', 'V' … (the second character defaults to `<`). */
  documentCode: string;
  issuingState: string;
  /** Spaces, hyphens and apostrophes become `<` (apostrophes are dropped); accents are removed. */
  primaryIdentifier: string;
  secondaryIdentifier: string;
  /** TD1/TD2: longer than 9 characters uses the ICAO long-number layout. FRENCH_ID: 12 characters. */
  documentNumber: string;
  nationality: string;
  /** 'YYMMDD', 'YYYY-MM-DD' (XX or << for unknown parts) or a Date. */
  birthDate: string | Date;
  sex: string;
  expiryDate: string | Date;
  optionalData: string;
  /** TD1 only: optional data on line 2. */
  optionalData2: string;
}
