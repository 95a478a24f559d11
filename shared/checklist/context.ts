// Owns what a case tells the checklist from outside the interview (ticket, age, earlier holds, watch-list hits),
// computed one way for the core that judges and the screen that shows the questions.
import type { CountryRules, RiskContext } from './types';

export type CaseFacts = {
  /** The ticket's destination country (boarding pass or typed travel), alpha-3. */
  destinationCountry: string | null;
  ageYears: number | null;
  /** Earlier encounters of this traveller; a decided one other than clear is an earlier hold. */
  history: readonly { decision: string | null }[];
  watchListHits: number;
};

export function interviewContext(facts: CaseFacts, countryRules: CountryRules): RiskContext {
  return {
    destinationCountry: facts.destinationCountry,
    ageYears: facts.ageYears,
    countryRules,
    earlierHolds: facts.history.filter((entry) => entry.decision !== null && entry.decision !== 'clear').length,
    watchListHits: facts.watchListHits,
  };
}
