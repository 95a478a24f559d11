// Owns what conditions and triggers mean: which questions are shown for the answers so far, and whether a
// trigger holds for the answers plus the facts from outside the interview.
import { airportByIata } from '../reference-data/airports';
import { countryStatus, type CountryStatus } from './country-rules';
import type { AnswerCondition, AnswerValue, Answers, Checklist, Condition, FinalDestinationCheck, Question, RiskContext, Trigger } from './types';

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const set = new Set(a);
    return set.size === new Set(b).size && b.every((x) => set.has(x));
  }
  return a === b;
}

function answerHolds(c: AnswerCondition, answers: Answers): boolean {
  const value = answers[c.question];
  const answered = isAnswered(value);
  if (c.answered !== undefined && c.answered !== answered) return false;
  if (c.equals !== undefined || c.in !== undefined || c.atLeast !== undefined || c.atMost !== undefined) {
    if (!answered || value === undefined || value === null) return false;
    if (c.equals !== undefined && !sameValue(value, c.equals)) return false;
    if (c.in !== undefined) {
      const wanted = c.in;
      const hit = Array.isArray(value) ? value.some((v) => wanted.includes(v)) : typeof value === 'string' && wanted.includes(value);
      if (!hit) return false;
    }
    if (c.atLeast !== undefined && !(typeof value === 'number' && value >= c.atLeast)) return false;
    if (c.atMost !== undefined && !(typeof value === 'number' && value <= c.atMost)) return false;
  }
  return true;
}

export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers));
  if ('not' in condition) return !conditionHolds(condition.not, answers);
  return answerHolds(condition, answers);
}

/** Facts from outside the interview when none are known: no ticket, no age, empty lists. */
const NO_CONTEXT: RiskContext = { countryRules: { version: 'none', entries: [] } };

/**
 * The questions to ask now, in checklist order. A question's showIf sees only the answers to questions that
 * are themselves visible, so an answer left over from a branch the officer backed out of changes nothing.
 * Full-interview questions show only once the checklist's fullInterview trigger holds for the triage answers
 * and the context (ticket, age, earlier holds, watch list).
 */
export function visibleQuestions(checklist: Checklist, answers: Answers, context: RiskContext = NO_CONTEXT): Question[] {
  return visibleWithAnswers(checklist, answers, context).questions;
}

/** The visible questions and only their answers: what the risk evaluation may look at. */
export function visibleWithAnswers(checklist: Checklist, answers: Answers, context: RiskContext = NO_CONTEXT): { questions: Question[]; answers: Answers; fullInterview: boolean } {
  const questions: Question[] = [];
  const effective: Answers = {};
  const gate = checklist.fullInterview;
  // Decided once, at the first full-interview question, from the triage answers before it.
  let full: boolean | undefined;
  for (const question of checklist.questions) {
    if (gate !== undefined && question.section === 'full') {
      full ??= triggerHolds(gate.when, effective, context);
      if (!full) continue;
    }
    if (question.showIf !== undefined && !conditionHolds(question.showIf, effective)) continue;
    questions.push(question);
    const value = answers[question.id];
    if (value !== undefined) effective[question.id] = value;
  }
  return { questions, answers: effective, fullInterview: gate !== undefined && (full ?? triggerHolds(gate.when, effective, context)) };
}

/** Required visible questions still without an answer, so the UI can say what is missing. */
export function missingRequired(checklist: Checklist, answers: Answers, context: RiskContext = NO_CONTEXT): Question[] {
  const { questions, answers: effective } = visibleWithAnswers(checklist, answers, context);
  return questions.filter((q) => q.required === true && !isAnswered(effective[q.id]));
}

function destinations(question: string | undefined, answers: Answers, context: RiskContext): string[] {
  const found: string[] = [];
  const declared = question === undefined ? undefined : answers[question];
  if (typeof declared === 'string' && declared.trim() !== '') found.push(declared.trim().toUpperCase());
  const ticket = context.destinationCountry;
  if (typeof ticket === 'string' && ticket.trim() !== '') found.push(ticket.trim().toUpperCase());
  return found;
}

/**
 * Where the traveller ends up: the country they declared as final, else the ticket's destination. The ticket
 * from PLM nearly always lands in KUL, SIN or JED, so once a final country is declared the ticket is a transit
 * and says nothing about the destination.
 */
export function finalDestination(question: string, answers: Answers, context: RiskContext): string | undefined {
  const declared = answers[question];
  if (typeof declared === 'string' && declared.trim() !== '') return declared.trim().toUpperCase();
  const ticket = context.destinationCountry;
  return typeof ticket === 'string' && ticket.trim() !== '' ? ticket.trim().toUpperCase() : undefined;
}

/** The country the onward tickets end in: the last airport of an itinerary answer, when the desk knows it. */
export function itineraryFinalCountry(value: AnswerValue | undefined): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return airportByIata(value[value.length - 1]!.trim().toUpperCase())?.country;
}

function onList(check: FinalDestinationCheck, status: CountryStatus): boolean {
  switch (check) {
    case 'not_placement_country':
      return status.notPlacement;
    case 'moratorium_country':
      return status.moratorium;
    case 'trafficking_route':
      return status.traffickingRoute;
    case 'route_gateway':
      return status.routeGateway;
    case 'placement_unlisted':
      return status.unlisted;
  }
}

export function triggerHolds(trigger: Trigger, answers: Answers, context: RiskContext): boolean {
  if ('all' in trigger) return trigger.all.every((t) => triggerHolds(t, answers, context));
  if ('any' in trigger) return trigger.any.some((t) => triggerHolds(t, answers, context));
  if ('not' in trigger) return !triggerHolds(trigger.not, answers, context);
  if ('destination' in trigger) {
    if (trigger.destination === 'mismatch_ticket') {
      const declared = trigger.question === undefined ? undefined : answers[trigger.question];
      const ticket = context.destinationCountry;
      // Only a real disagreement counts: a missing side is not a mismatch.
      return typeof declared === 'string' && declared !== '' && typeof ticket === 'string' && ticket !== '' && declared.toUpperCase() !== ticket.toUpperCase();
    }
    const places = destinations(trigger.question, answers, context);
    return places.some((country) => {
      const status = countryStatus(context.countryRules, country);
      return trigger.destination === 'not_placement_country' ? status.notPlacement : status.moratorium;
    });
  }
  if ('finalDestination' in trigger) {
    // The declared final country, and the one the onward tickets end in where the checklist asks for both: a
    // traveller who says Thailand with a ticket on to Phnom Penh is judged by Cambodia's lists as well.
    const countries = [finalDestination(trigger.question, answers, context), trigger.itinerary === undefined ? undefined : itineraryFinalCountry(answers[trigger.itinerary])];
    return countries.some((country) => country !== undefined && onList(trigger.finalDestination, countryStatus(context.countryRules, country)));
  }
  if ('onwardItinerary' in trigger) {
    const ticketed = itineraryFinalCountry(answers[trigger.question]);
    const declared = answers[trigger.destinationQuestion];
    return ticketed !== undefined && typeof declared === 'string' && declared.trim() !== '' && declared.trim().toUpperCase() !== ticketed;
  }
  if ('destinationOutside' in trigger) {
    const allowed = trigger.destinationOutside;
    return destinations(trigger.question, answers, context).some((country) => !allowed.includes(country));
  }
  if ('age' in trigger) {
    const age = context.ageYears;
    if (age === undefined || age === null) return false;
    if (trigger.age.below !== undefined && !(age < trigger.age.below)) return false;
    if (trigger.age.atLeast !== undefined && !(age >= trigger.age.atLeast)) return false;
    return true;
  }
  if ('earlierHolds' in trigger) return (context.earlierHolds ?? 0) >= trigger.earlierHolds.atLeast;
  if ('watchListHits' in trigger) return (context.watchListHits ?? 0) >= trigger.watchListHits.atLeast;
  return answerHolds(trigger, answers);
}
