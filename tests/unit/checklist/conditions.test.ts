// Which questions the officer sees: the fast path for a plain traveller, the deeper branches when triggered.
import { describe, expect, it } from 'vitest';
import { shippedChecklist, type Checklist, conditionHolds, missingRequired, visibleQuestions, type Answers } from '../../../shared/checklist';

// These tests pin the rules of checklist 2026.1, which cases opened under it keep.
const CHECKLIST_2026_1 = shippedChecklist('2026.1') as Checklist;

const ids = (answers: Answers) => visibleQuestions(CHECKLIST_2026_1, answers).map((q) => q.id);
const FAST = ['purpose', 'destination_country', 'return_ticket', 'travel_companions', 'work_intent'];

describe('visibleQuestions on the default checklist', () => {
  it('asks a tourist with a return ticket five questions, plus the officer’s own observation', () => {
    const tourist: Answers = { purpose: 'tourism', destination_country: 'MYS', return_ticket: true, travel_companions: 'family', work_intent: false };
    expect(ids({})).toEqual([...FAST, 'officer_observation']);
    expect(ids(tourist)).toEqual([...FAST, 'officer_observation']);
    expect(missingRequired(CHECKLIST_2026_1, tourist)).toEqual([]);
    expect(missingRequired(CHECKLIST_2026_1, { purpose: 'tourism' }).map((q) => q.id)).toEqual(['destination_country', 'return_ticket', 'travel_companions', 'work_intent']);
  });

  it('opens the umrah questions for a pilgrim', () => {
    const shown = ids({ purpose: 'umrah_hajj', destination_country: 'SAU', return_ticket: true, travel_companions: 'tour_group', work_intent: false });
    expect(shown).toEqual([...FAST, 'visa_type', 'umrah_other_places', 'travel_agency', 'officer_observation']);
  });

  it('opens the work and deeper questions for a declared worker, without asking about a return ticket', () => {
    const shown = ids({ purpose: 'work' });
    expect(shown).toContain('has_id_pmi');
    expect(shown).toContain('family_consent');
    expect(shown).toContain('documents_held');
    expect(shown).not.toContain('return_ticket');
    expect(shown).not.toContain('work_intent');
    expect(shown).not.toContain('contract_months');
    expect(ids({ purpose: 'work', has_contract: true })).toContain('contract_months');
  });

  it('opens the work questions for a "tourist" who will work, and the deeper ones for a one-way ticket', () => {
    expect(ids({ purpose: 'tourism', work_intent: true })).toEqual(expect.arrayContaining(['visa_type', 'job_type', 'has_id_pmi', 'stay_days', 'who_paid']));
    const oneWay = ids({ purpose: 'tourism', return_ticket: false, work_intent: false });
    expect(oneWay).toEqual(expect.arrayContaining(['stay_days', 'who_paid', 'debt', 'met_on_arrival', 'money_for_stay']));
    expect(oneWay).not.toContain('has_id_pmi');
  });

  it('ignores answers left over from a branch the officer backed out of', () => {
    // purpose changed from work to tourism: the work answers stay in the record but open nothing.
    expect(ids({ purpose: 'tourism', has_contract: true, work_intent: false, return_ticket: true })).toEqual([...FAST, 'officer_observation']);
  });
});

describe('conditionHolds', () => {
  const answers: Answers = { purpose: 'work', seen: ['fearful', 'coached'], pay: 20_000_000, note: '  ', flag: false };

  it('equals compares values; multiple-choice answers as sets', () => {
    expect(conditionHolds({ question: 'purpose', equals: 'work' }, answers)).toBe(true);
    expect(conditionHolds({ question: 'flag', equals: false }, answers)).toBe(true);
    expect(conditionHolds({ question: 'seen', equals: ['coached', 'fearful'] }, answers)).toBe(true);
    expect(conditionHolds({ question: 'seen', equals: ['coached'] }, answers)).toBe(false);
  });

  it('in matches a single answer or any member of a multiple answer', () => {
    expect(conditionHolds({ question: 'purpose', in: ['tourism', 'work'] }, answers)).toBe(true);
    expect(conditionHolds({ question: 'seen', in: ['inconsistent', 'coached'] }, answers)).toBe(true);
    expect(conditionHolds({ question: 'seen', in: ['inconsistent'] }, answers)).toBe(false);
  });

  it('answered treats blank text and empty lists as unanswered; an unanswered question fails value tests', () => {
    expect(conditionHolds({ question: 'note', answered: false }, answers)).toBe(true);
    expect(conditionHolds({ question: 'missing', answered: false }, answers)).toBe(true);
    expect(conditionHolds({ question: 'missing', equals: null }, answers)).toBe(false);
    expect(conditionHolds({ question: 'missing', in: ['x'] }, answers)).toBe(false);
    expect(conditionHolds({ not: { question: 'missing', equals: true } }, answers)).toBe(true);
  });

  it('atLeast and atMost bound numbers; all, any and not combine', () => {
    expect(conditionHolds({ question: 'pay', atLeast: 15_000_000, atMost: 30_000_000 }, answers)).toBe(true);
    expect(conditionHolds({ question: 'pay', atMost: 1_000_000 }, answers)).toBe(false);
    expect(conditionHolds({ question: 'purpose', atLeast: 1 }, answers)).toBe(false);
    expect(conditionHolds({ all: [{ question: 'purpose', equals: 'work' }, { question: 'flag', equals: true }] }, answers)).toBe(false);
    expect(conditionHolds({ any: [{ question: 'purpose', equals: 'x' }, { question: 'flag', equals: false }] }, answers)).toBe(true);
  });
});
