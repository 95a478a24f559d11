// Owns the zod schemas of the checklist file: structure only. Cross-references are checked in validate.ts.
import { z } from 'zod';
import { OUTCOME_IDS } from './outcomes';
import {
  QUESTION_SECTIONS,
  QUESTION_TYPES,
  RISK_LEVELS,
  type AnswerCondition,
  type Checklist,
  type Condition,
  type Indicator,
  type Question,
  type Suggestion,
  type Trigger,
} from './types';

export const ALPHA3 = /^[A-Z]{3}$/;
const ID = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
const REASON = /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/;

const id = z.string().regex(ID, { error: 'must be a lower-case id of letters, digits and underscores, such as purpose_of_travel' });
export const reasonCodeSchema = z.string().regex(REASON, { error: 'must be an upper-case code such as OBSERVED_FEAR' });
export const alpha3Schema = z.string().regex(ALPHA3, { error: 'must be an ISO 3166 alpha-3 country code such as MYS' });

export const bilingualSchema = z.strictObject({ id: z.string().trim().min(1), en: z.string().trim().min(1) });

export const answerValueSchema = z.union([z.boolean(), z.string(), z.array(z.string()), z.number(), z.null()], {
  error: 'must be true/false, a text, a list of texts, a number or null',
});

const answerConditionSchema = z.strictObject({
  question: id,
  equals: answerValueSchema.optional(),
  in: z.array(z.string()).min(1).optional(),
  answered: z.boolean().optional(),
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
}) satisfies z.ZodType<AnswerCondition>;

const CONDITION_SHAPES = "must be a condition: {question, equals|in|answered|atLeast|atMost}, {all: [...]}, {any: [...]} or {not: ...}";

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      answerConditionSchema,
      z.strictObject({ all: z.array(conditionSchema).min(1) }),
      z.strictObject({ any: z.array(conditionSchema).min(1) }),
      z.strictObject({ not: conditionSchema }),
    ],
    { error: CONDITION_SHAPES },
  ),
);

const TRIGGER_SHAPES =
  'must be a trigger: an answer condition, {destination}, {destinationOutside}, {finalDestination, question, itinerary?}, {onwardItinerary, question, destinationQuestion}, {age}, {earlierHolds}, {watchListHits}, {all: [...]}, {any: [...]} or {not: ...}';

export const triggerSchema: z.ZodType<Trigger> = z.lazy(() =>
  z.union(
    [
      answerConditionSchema,
      z.strictObject({ destination: z.enum(['not_placement_country', 'moratorium_country', 'mismatch_ticket']), question: id.optional() }),
      z.strictObject({ destinationOutside: z.array(alpha3Schema).min(1), question: id.optional() }),
      z.strictObject({
        finalDestination: z.enum(['not_placement_country', 'moratorium_country', 'trafficking_route', 'route_gateway', 'placement_unlisted']),
        question: id,
        itinerary: id.optional(),
      }),
      z.strictObject({ onwardItinerary: z.enum(['final_mismatch']), question: id, destinationQuestion: id }),
      z.strictObject({ age: z.strictObject({ below: z.number().min(0).optional(), atLeast: z.number().min(0).optional() }) }),
      z.strictObject({ earlierHolds: z.strictObject({ atLeast: z.number().int().min(1) }) }),
      z.strictObject({ watchListHits: z.strictObject({ atLeast: z.number().int().min(1) }) }),
      z.strictObject({ all: z.array(triggerSchema).min(1) }),
      z.strictObject({ any: z.array(triggerSchema).min(1) }),
      z.strictObject({ not: triggerSchema }),
    ],
    { error: TRIGGER_SHAPES },
  ),
);

export const questionSchema = z.strictObject({
  id,
  type: z.enum(QUESTION_TYPES),
  text: bilingualSchema,
  help: bilingualSchema.optional(),
  options: z.array(z.strictObject({ id, text: bilingualSchema })).optional(),
  showIf: conditionSchema.optional(),
  required: z.boolean().optional(),
  section: z.enum(QUESTION_SECTIONS).optional(),
  officerOnly: z.boolean().optional(),
  privacyPrompt: z.boolean().optional(),
  exclusiveOption: id.optional(),
}) satisfies z.ZodType<Question>;

export const indicatorSchema = z.strictObject({
  id,
  reasonCode: reasonCodeSchema,
  weight: z.number().positive(),
  text: bilingualSchema,
  when: triggerSchema,
  minLevel: z.enum(['medium', 'high']).optional(),
  source: z.string().trim().min(1).optional(),
}) satisfies z.ZodType<Indicator>;

export const suggestionSchema = z.strictObject({
  level: z.array(z.enum(RISK_LEVELS)).min(1).optional(),
  reasonCodes: z.array(reasonCodeSchema).min(1).optional(),
  outcome: z.enum(OUTCOME_IDS),
  text: bilingualSchema,
  source: z.string().trim().min(1).optional(),
}) satisfies z.ZodType<Suggestion>;

export const thresholdsSchema = z.strictObject({ medium: z.number(), high: z.number(), source: z.string().trim().min(1).optional() });

export const fullInterviewSchema = z.strictObject({ when: triggerSchema, source: z.string().trim().min(1).optional() });

export const checklistSchema: z.ZodType<Checklist> = z.strictObject({
  version: z.string().trim().min(1),
  title: bilingualSchema,
  questions: z.array(questionSchema).min(1),
  indicators: z.array(indicatorSchema),
  rules: z.strictObject({ thresholds: thresholdsSchema, suggestions: z.array(suggestionSchema) }),
  fullInterview: fullInterviewSchema.optional(),
});
