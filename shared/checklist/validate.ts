// Owns checking a checklist file: its structure (schema.ts) and what a schema cannot see: duplicate ids,
// references to unknown or later questions and options, unknown reason codes, thresholds out of order.
// It reports every problem at once, each as a sentence naming where it is, so one edit round fixes a file.
import { z } from 'zod';
import { formatIssues } from './problems';
import { isReasonCode } from './reason-codes';
import { ALPHA3, checklistSchema, fullInterviewSchema, indicatorSchema, questionSchema, suggestionSchema, thresholdsSchema } from './schema';
import type { AnswerCondition, AnswerValue, Checklist, Question, Trigger } from './types';

export type ChecklistValidation = { ok: true; checklist: Checklist } | { ok: false; problems: string[] };

const TYPE_NAMES: Record<Question['type'], string> = {
  yes_no: 'a yes/no question',
  single: 'a single-choice question',
  multiple: 'a multiple-choice question',
  text: 'a text question',
  number: 'a number question',
  date: 'a date question',
  country: 'a country question',
  itinerary: 'an itinerary question',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses each element on its own so that one broken question does not hide the problems of the others. */
function parsedItems<T>(raw: unknown, schema: z.ZodType<T>): { index: number; item: T }[] {
  if (!Array.isArray(raw)) return [];
  const out: { index: number; item: T }[] = [];
  raw.forEach((element, index) => {
    const parsed = schema.safeParse(element);
    if (parsed.success) out.push({ index, item: parsed.data });
  });
  return out;
}

type QuestionRef = { index: number; question: Question | undefined };

class SemanticCheck {
  readonly problems: string[] = [];
  /** Every question id found in the file, even in a question that is broken elsewhere, to avoid knock-on reports. */
  private readonly ids = new Map<string, QuestionRef>();

  constructor(rawQuestions: unknown, questions: { index: number; item: Question }[]) {
    const parsed = new Map(questions.map((q) => [q.index, q.item]));
    if (Array.isArray(rawQuestions)) {
      rawQuestions.forEach((raw, index) => {
        if (!isRecord(raw) || typeof raw.id !== 'string') return;
        const earlier = this.ids.get(raw.id);
        if (earlier !== undefined) this.problems.push(`questions[${index}].id: '${raw.id}' is already the id of questions[${earlier.index}]`);
        else this.ids.set(raw.id, { index, question: parsed.get(index) });
      });
    }
  }

  questions(questions: { index: number; item: Question }[]): void {
    for (const { index, item } of questions) {
      const where = `questions[${index}]`;
      const choice = item.type === 'single' || item.type === 'multiple';
      const options = item.options ?? [];
      if (choice && options.length < 2) this.problems.push(`${where}.options: ${TYPE_NAMES[item.type]} needs at least two options`);
      if (!choice && item.options !== undefined) this.problems.push(`${where}.options: ${TYPE_NAMES[item.type]} has no options; remove them`);
      const seen = new Set<string>();
      options.forEach((option, o) => {
        if (seen.has(option.id)) this.problems.push(`${where}.options[${o}].id: option '${option.id}' appears twice in this question`);
        seen.add(option.id);
      });
      if (item.showIf !== undefined) this.trigger(item.showIf, `${where}.showIf`, index);
      if (item.exclusiveOption !== undefined && (item.type !== 'multiple' || !seen.has(item.exclusiveOption))) {
        this.problems.push(`${where}.exclusiveOption: '${item.exclusiveOption}' must be an option of a multiple-choice question`);
      }
    }
  }

  /** A checklist with a full interview: its trigger may look only at triage questions, which come first. */
  sections(questions: { index: number; item: Question }[], fullInterview: Checklist['fullInterview']): void {
    const sectioned = questions.filter((q) => q.item.section !== undefined);
    if (fullInterview === undefined) {
      if (sectioned.length > 0) this.problems.push(`questions: sections are given but there is no fullInterview trigger to open the 'full' section`);
      return;
    }
    let firstFull: number | undefined;
    for (const { index, item } of questions) {
      if (item.section === undefined) this.problems.push(`questions[${index}].section: a checklist with a full interview gives every question a section ('triage' or 'full')`);
      if (item.section === 'full') firstFull ??= index;
      else if (item.section === 'triage' && firstFull !== undefined) {
        this.problems.push(`questions[${index}].section: triage questions come before the first full-interview question (questions[${firstFull}])`);
      }
    }
    this.trigger(fullInterview.when, 'fullInterview.when', firstFull ?? Number.MAX_SAFE_INTEGER);
  }

  /** `before`: the index of the question that owns the condition; it may only look at earlier questions. */
  trigger(trigger: Trigger, where: string, before?: number): void {
    if ('all' in trigger) return trigger.all.forEach((t, i) => this.trigger(t, `${where}.all[${i}]`, before));
    if ('any' in trigger) return trigger.any.forEach((t, i) => this.trigger(t, `${where}.any[${i}]`, before));
    if ('not' in trigger) return this.trigger(trigger.not, `${where}.not`, before);
    if ('destination' in trigger || 'destinationOutside' in trigger || 'finalDestination' in trigger) {
      if (trigger.question !== undefined) {
        const ref = this.ids.get(trigger.question);
        if (ref === undefined) this.problems.push(`${where}.question: refers to unknown question '${trigger.question}'`);
        else if (ref.question !== undefined && ref.question.type !== 'country') {
          this.problems.push(`${where}.question: '${trigger.question}' is ${TYPE_NAMES[ref.question.type]}, but a destination needs a country question`);
        }
      }
      if ('destination' in trigger && trigger.destination === 'mismatch_ticket' && trigger.question === undefined) {
        this.problems.push(`${where}: mismatch_ticket compares the ticket with a declared destination, so it needs 'question'`);
      }
      if ('finalDestination' in trigger && trigger.itinerary !== undefined) {
        this.questionOfType(trigger.itinerary, 'itinerary', `${where}.itinerary`, 'the onward tickets need an itinerary question');
      }
      return;
    }
    if ('onwardItinerary' in trigger) {
      this.questionOfType(trigger.question, 'itinerary', `${where}.question`, 'an onward itinerary needs an itinerary question');
      this.questionOfType(trigger.destinationQuestion, 'country', `${where}.destinationQuestion`, 'it is compared with a country question');
      return;
    }
    if ('age' in trigger) {
      if (trigger.age.below === undefined && trigger.age.atLeast === undefined) this.problems.push(`${where}.age: give 'below' or 'atLeast'`);
      return;
    }
    if ('earlierHolds' in trigger || 'watchListHits' in trigger) return;
    this.answer(trigger, where, before);
  }

  private questionOfType(id: string, type: Question['type'], where: string, why: string): void {
    const ref = this.ids.get(id);
    if (ref === undefined) this.problems.push(`${where}: refers to unknown question '${id}'`);
    else if (ref.question !== undefined && ref.question.type !== type) this.problems.push(`${where}: '${id}' is ${TYPE_NAMES[ref.question.type]}, but ${why}`);
  }

  private answer(c: AnswerCondition, where: string, before: number | undefined): void {
    const ref = this.ids.get(c.question);
    if (ref === undefined) {
      this.problems.push(`${where}.question: refers to unknown question '${c.question}'`);
      return;
    }
    if (before !== undefined && ref.index >= before) {
      const which = ref.index === before ? 'the question itself' : `questions[${ref.index}], which comes later`;
      this.problems.push(`${where}.question: '${c.question}' is ${which}; a question may only depend on earlier questions`);
    }
    if (c.equals === undefined && c.in === undefined && c.answered === undefined && c.atLeast === undefined && c.atMost === undefined) {
      this.problems.push(`${where}: a condition on '${c.question}' needs equals, in, answered, atLeast or atMost`);
    }
    const q = ref.question;
    if (q === undefined) return;
    const optionIds = new Set((q.options ?? []).map((o) => o.id));
    if (c.equals !== undefined) this.value(c.equals, q, optionIds, `${where}.equals`);
    if (c.in !== undefined) {
      if (q.type === 'yes_no' || q.type === 'number' || q.type === 'date') {
        this.problems.push(`${where}.in: '${q.id}' is ${TYPE_NAMES[q.type]}; use equals${q.type === 'number' ? ', atLeast or atMost' : ''}`);
      } else {
        c.in.forEach((v, i) => this.member(v, q, optionIds, `${where}.in[${i}]`));
      }
    }
    if ((c.atLeast !== undefined || c.atMost !== undefined) && q.type !== 'number') {
      this.problems.push(`${where}: atLeast and atMost apply to number questions, but '${q.id}' is ${TYPE_NAMES[q.type]}`);
    }
  }

  private member(value: string, q: Question, optionIds: Set<string>, where: string): void {
    if ((q.type === 'single' || q.type === 'multiple') && !optionIds.has(value)) {
      this.problems.push(`${where}: '${value}' is not an option of question '${q.id}'`);
    }
    if (q.type === 'country' && !ALPHA3.test(value)) this.problems.push(`${where}: '${value}' is not an ISO alpha-3 country code`);
  }

  private value(value: AnswerValue, q: Question, optionIds: Set<string>, where: string): void {
    const wrong = (expected: string) => this.problems.push(`${where}: '${q.id}' is ${TYPE_NAMES[q.type]}, so the value must be ${expected}`);
    switch (q.type) {
      case 'yes_no':
        if (typeof value !== 'boolean') wrong('true or false');
        return;
      case 'number':
        if (typeof value !== 'number') wrong('a number');
        return;
      case 'itinerary':
        if (!Array.isArray(value)) wrong('a list of IATA airport codes');
        return;
      case 'multiple':
        if (!Array.isArray(value)) wrong('a list of option ids');
        else value.forEach((v, i) => this.member(v, q, optionIds, `${where}[${i}]`));
        return;
      case 'date':
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) wrong("a date written 'YYYY-MM-DD'");
        return;
      default:
        if (typeof value !== 'string') wrong(q.type === 'single' ? 'an option id' : q.type === 'country' ? 'an alpha-3 country code' : 'a text');
        else this.member(value, q, optionIds, where);
    }
  }
}

/**
 * The sectioned versions shipped before their suggested routes and thresholds named a source (issue #18). They stay
 * valid as shipped (a case keeps its version, and a known version cannot be given other content); every later one must.
 */
const SHIPPED_WITHOUT_ROUTE_SOURCES: ReadonlySet<unknown> = new Set(['2026.2', '2026.3']);

export function validateChecklist(json: unknown): ChecklistValidation {
  const parsed = checklistSchema.safeParse(json, { reportInput: true });
  const problems = parsed.success ? [] : formatIssues(parsed.error.issues, 'checklist');
  const root = isRecord(json) ? json : {};
  const rules = isRecord(root.rules) ? root.rules : {};

  const questions = parsedItems(root.questions, questionSchema);
  const check = new SemanticCheck(root.questions, questions);
  check.questions(questions);
  const fullInterview = fullInterviewSchema.safeParse(root.fullInterview);
  // A broken fullInterview is reported by the schema; its references are checked only once it parses.
  if (root.fullInterview === undefined || fullInterview.success) check.sections(questions, fullInterview.data);
  // The trigger is a rule too: it decides who is taken aside for the private questions.
  if (fullInterview.success && fullInterview.data.source === undefined) check.problems.push(`fullInterview.source: name where this trigger comes from`);

  const indicatorIds = new Map<string, number>();
  for (const { index, item } of parsedItems(root.indicators, indicatorSchema)) {
    const earlier = indicatorIds.get(item.id);
    if (earlier !== undefined) check.problems.push(`indicators[${index}].id: '${item.id}' is already the id of indicators[${earlier}]`);
    else indicatorIds.set(item.id, index);
    if (!isReasonCode(item.reasonCode)) check.problems.push(`indicators[${index}].reasonCode: '${item.reasonCode}' is not a known reason code`);
    check.trigger(item.when, `indicators[${index}].when`);
    // From the sectioned checklists on (2026.2), every rule and weight says where it comes from.
    if (root.fullInterview !== undefined && item.source === undefined) check.problems.push(`indicators[${index}].source: name where this rule and its weight come from`);
  }

  // Like the indicators' sources, from the sectioned checklists on; the routes and thresholds from 2026.4 on.
  const sourced = root.fullInterview !== undefined && !SHIPPED_WITHOUT_ROUTE_SOURCES.has(root.version);
  const thresholds = thresholdsSchema.safeParse(rules.thresholds);
  if (thresholds.success) {
    const { medium, high, source } = thresholds.data;
    if (!(medium > 0)) check.problems.push(`rules.thresholds.medium: must be above 0, or every traveller would be medium risk`);
    if (!(medium < high)) check.problems.push(`rules.thresholds: medium (${medium}) must be lower than high (${high})`);
    if (sourced && source === undefined) check.problems.push(`rules.thresholds.source: name where these numbers come from`);
  }
  for (const { index, item } of parsedItems(rules.suggestions, suggestionSchema)) {
    item.reasonCodes?.forEach((code, i) => {
      if (!isReasonCode(code)) check.problems.push(`rules.suggestions[${index}].reasonCodes[${i}]: '${code}' is not a known reason code`);
    });
    // A checklist cannot establish the Permenkumham 8/2014 grounds (suspect status, prevention list), so it
    // may never steer an officer towards passport withdrawal.
    if (item.outcome === 'passport_action') {
      check.problems.push(`rules.suggestions[${index}].outcome: a checklist may not suggest a passport action; only an Imigrasi officer decides that on a legal ground`);
    }
    if (sourced && item.source === undefined) check.problems.push(`rules.suggestions[${index}].source: name where this route comes from`);
  }

  const all = [...problems, ...check.problems];
  if (all.length > 0 || !parsed.success) return { ok: false, problems: all };
  return { ok: true, checklist: parsed.data };
}
