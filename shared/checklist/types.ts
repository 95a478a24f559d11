// Owns the plain types of the clarification checklist, its answers, its indicators and the risk result.
import type { OUTCOME_IDS } from './outcomes';

/** User-facing text, Indonesian first (the desk's default language), then English. */
export type Bilingual = { id: string; en: string };

export type Outcome = (typeof OUTCOME_IDS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * yes/no → boolean; single → option id; multiple → option ids; text; number;
 * date → 'YYYY-MM-DD'; country → ISO 3166 alpha-3; itinerary → the IATA codes of the airports the traveller lands at,
 * in order (typed, or read from boarding passes), the last being where the tickets end. null means "asked, no answer".
 */
export type AnswerValue = boolean | string | string[] | number | null;
export type Answers = Record<string, AnswerValue>;

export const QUESTION_TYPES = ['yes_no', 'single', 'multiple', 'text', 'number', 'date', 'country', 'itinerary'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * A test on one earlier answer. Every key given must hold. An unanswered question fails every test
 * except `answered: false`, so a condition on a question the traveller never saw is simply false.
 */
export type AnswerCondition = {
  question: string;
  /** Same value; for a multiple-choice answer, the same set of option ids. */
  equals?: AnswerValue;
  /** The answer is one of these; for a multiple-choice answer, at least one of its ids is among these. */
  in?: string[];
  answered?: boolean;
  /** Number answers only, inclusive bounds. */
  atLeast?: number;
  atMost?: number;
};

/** What decides whether a question is shown: answers only, so it can be evaluated while the interview runs. */
export type Condition = AnswerCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export type DestinationCheck = 'not_placement_country' | 'moratorium_country' | 'mismatch_ticket';

/**
 * What a final-destination trigger asks of the country the traveller ends up in (checklist 2026.2 on):
 * on a country list, or absent from a placement list that is not complete (the officer must ask BP3MI).
 */
export type FinalDestinationCheck = 'not_placement_country' | 'moratorium_country' | 'trafficking_route' | 'route_gateway' | 'placement_unlisted';

/**
 * Facts from outside the interview. "Destination" means the ticket's destination (RiskContext) and,
 * when `question` names a country question, the destination the traveller declared there.
 */
export type ContextFact =
  /** not_placement/moratorium: any known destination is on that list; mismatch_ticket: declared ≠ ticket. */
  | { destination: DestinationCheck; question?: string }
  /** Any known destination lies outside these countries (alpha-3), e.g. an umrah visa used beyond Saudi Arabia. */
  | { destinationOutside: string[]; question?: string }
  /**
   * The final destination only: the declared country of `question` when answered, else the ticket's country.
   * A transit (the first leg from PLM to KUL, SIN or JED) is never judged when a final country is declared.
   * With `itinerary` (an itinerary question, checklist 2026.3 on), the country the onward tickets end in is judged
   * too, by the same lists: the trigger holds when either country is on it. The stops before the last are transits.
   */
  | { finalDestination: FinalDestinationCheck; question: string; itinerary?: string }
  /**
   * The onward tickets (an itinerary question) end in another country than the final destination declared (a country
   * question). Only the last airport counts: every stop before it is a transit, never a mismatch. An airport the desk
   * does not know, or a side not answered, is not a mismatch.
   */
  | { onwardItinerary: 'final_mismatch'; question: string; destinationQuestion: string }
  | { age: { below?: number; atLeast?: number } }
  | { earlierHolds: { atLeast: number } }
  | { watchListHits: { atLeast: number } };

/** What raises an indicator: answers and context facts, combined freely. */
export type Trigger = AnswerCondition | ContextFact | { all: Trigger[] } | { any: Trigger[] } | { not: Trigger };

export type QuestionOption = { id: string; text: Bilingual };

/**
 * triage: the short questions every traveller is asked; full: asked only when the checklist's fullInterview
 * trigger holds. A checklist without sections (2026.1) shows every question by its showIf alone.
 */
export const QUESTION_SECTIONS = ['triage', 'full'] as const;
export type QuestionSection = (typeof QUESTION_SECTIONS)[number];

export type Question = {
  id: string;
  type: QuestionType;
  text: Bilingual;
  help?: Bilingual;
  options?: QuestionOption[];
  showIf?: Condition;
  required?: boolean;
  section?: QuestionSection;
  /** Officer-only: recorded by the officer, never read aloud or shown to the traveller. */
  officerOnly?: boolean;
  /** The question that asks the officer to separate the traveller from companions before the sensitive ones. */
  privacyPrompt?: boolean;
  /** An option that excludes the others of a multiple-choice question (e.g. "nothing observed"). */
  exclusiveOption?: string;
};

export type Indicator = {
  id: string;
  reasonCode: string;
  /** Added to the score when the indicator is raised. */
  weight: number;
  text: Bilingual;
  when: Trigger;
  /** A floor for the level whatever the score, for signs that alone justify a closer look. */
  minLevel?: 'medium' | 'high';
  /** Where the rule and its weight come from, so that BP3MI and Imigrasi can check it (required from 2026.2). */
  source?: string;
};

/** One suggestion rule; the first whose every given test holds wins. */
export type Suggestion = {
  /** The level must be one of these. */
  level?: RiskLevel[];
  /** At least one raised indicator must carry one of these reason codes. */
  reasonCodes?: string[];
  outcome: Outcome;
  text: Bilingual;
  /** Where this route comes from (required from checklist 2026.4 on). */
  source?: string;
};

export type ChecklistRules = {
  /** Score at or above `medium` is medium, at or above `high` is high; `source` says where the numbers come from. */
  thresholds: { medium: number; high: number; source?: string };
  suggestions: Suggestion[];
};

export type Checklist = {
  version: string;
  title: Bilingual;
  questions: Question[];
  indicators: Indicator[];
  rules: ChecklistRules;
  /**
   * When the full interview opens: a trigger over the triage answers and the facts from outside the interview.
   * Without it (2026.1) there is no triage and every question follows its showIf alone.
   */
  fullInterview?: { when: Trigger; source?: string };
};

/**
 * trafficking_route: a destination where job offers commonly end in scam compounds (not a placement country);
 * route_gateway: a country travellers pass through on the way there (a placement country in its own right).
 */
export const COUNTRY_LISTS = ['placement', 'moratorium', 'not_placement', 'trafficking_route', 'route_gateway'] as const;
export type CountryList = (typeof COUNTRY_LISTS)[number];

export type CountryRuleEntry = { country: string; list: CountryList; note?: Bilingual; source: string };

export type CountryRules = {
  version: string;
  /**
   * True when the placement entries are the whole official list, so a country absent from it counts as
   * not a placement country. False when the list is partial: only explicit not_placement entries count.
   */
  placementListComplete?: boolean;
  /** What the lists cannot say themselves: later amendments, schemes, the state of a moratorium, with date checked. */
  caveats?: { text: Bilingual; source: string; asOf: string }[];
  entries: CountryRuleEntry[];
};

export type RiskContext = {
  /** The ticket's (boarding pass or manual travel entry) destination, alpha-3. */
  destinationCountry?: string | null;
  ageYears?: number | null;
  countryRules: CountryRules;
  /** Earlier holds of this traveller at any desk that has synced. */
  earlierHolds?: number;
  watchListHits?: number;
};

export type RaisedIndicator = { id: string; reasonCode: string; weight: number; text: Bilingual };

/** The engine's own suggestions, whose words are in the i18n catalogue (shared/i18n/catalogue.ts) under these keys. */
export const RISK_SUGGESTION_KEYS = ['risk.suggestion.none', 'risk.suggestion.low', 'risk.suggestion.medium', 'risk.suggestion.high'] as const;
export type RiskSuggestionKey = (typeof RISK_SUGGESTION_KEYS)[number];

/**
 * Which words go with a suggestion: a catalogue key for the engine's own (nothing found, or no rule of the checklist
 * matched), or the matching rule's text, which is versioned data of the checklist like its questions.
 */
export type RiskSuggestion = { catalogueKey: RiskSuggestionKey } | { checklistText: Bilingual };

export type RiskResult = {
  level: RiskLevel;
  score: number;
  indicators: RaisedIndicator[];
  suggestedOutcome: Outcome;
  suggestion: RiskSuggestion;
};

/** A risk as a case records it (contract riskSchema, event payloads): the suggestion in words, both languages. */
export type RecordedRisk = Omit<RiskResult, 'suggestion'> & { suggestion: Bilingual };
