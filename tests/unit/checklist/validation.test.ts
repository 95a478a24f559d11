// A checklist or country-rules file with mistakes: every problem is reported at once, in words, with its path.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST, validateChecklist, validateCountryRules } from '../../../shared/checklist';

const yes = (id: string) => ({ id, type: 'yes_no', text: { id: 'Ya?', en: 'Yes?' } });

describe('validateChecklist', () => {
  it('lists structural and cross-reference problems together', () => {
    const bad = {
      version: '2026.x',
      title: { id: 'Uji', en: 'Test' },
      questions: [
        {
          id: 'purpose',
          type: 'single',
          text: { id: 'Tujuan?', en: 'Purpose?' },
          options: [
            { id: 'tourism', text: { id: 'Wisata', en: 'Tourism' } },
            { id: 'work', text: { id: 'Kerja', en: 'Work' } },
          ],
        },
        { ...yes('later_dep'), showIf: { question: 'has_visa', equals: true } },
        yes('purpose'),
        { id: 'only_one', type: 'single', text: { id: 'Satu?', en: 'One?' }, options: [{ id: 'a', text: { id: 'A', en: 'A' } }] },
        yes('has_visa'),
        { id: 'broken', type: 'essay', text: { id: '', en: 'x' } },
        { ...yes('ghost_dep'), showIf: { question: 'nowhere', equals: true } },
      ],
      indicators: [
        { id: 'x', reasonCode: 'NOT_A_CODE', weight: 2, text: { id: 'x', en: 'x' }, when: { question: 'purpose', equals: 'holiday' } },
        { id: 'x', reasonCode: 'NO_ID_PMI', weight: 2, text: { id: 'x', en: 'x' }, when: { question: 'missing_q', equals: true } },
        { id: 'y', reasonCode: 'NO_ID_PMI', weight: 0, text: { id: 'y', en: 'y' }, when: { foo: 1 } },
      ],
      rules: {
        thresholds: { medium: 8, high: 5 },
        suggestions: [{ outcome: 'passport_action', text: { id: 'Tarik', en: 'Withdraw' } }],
      },
    };
    const result = validateChecklist(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problems = result.problems;
    const expectProblem = (path: string, words: RegExp) =>
      expect(problems.some((p) => p.startsWith(`${path}:`) && words.test(p)), `${path} ${words}\n${problems.join('\n')}`).toBe(true);

    expectProblem('questions[3].options', /a single-choice question needs at least two options/);
    expectProblem('questions[2].id', /'purpose' is already the id of questions\[0\]/);
    expectProblem('questions[1].showIf.question', /'has_visa' is questions\[4\], which comes later/);
    expectProblem('questions[6].showIf.question', /unknown question 'nowhere'/);
    expectProblem('questions[5].type', /must be one of/);
    expectProblem('questions[5].text.id', /must not be empty/);
    expectProblem('indicators[0].reasonCode', /'NOT_A_CODE' is not a known reason code/);
    expectProblem('indicators[0].when.equals', /'holiday' is not an option of question 'purpose'/);
    expectProblem('indicators[1].id', /'x' is already the id of indicators\[0\]/);
    expectProblem('indicators[1].when.question', /unknown question 'missing_q'/);
    expectProblem('indicators[2].weight', /more than 0/);
    expectProblem('indicators[2].when', /must be a trigger/);
    expectProblem('rules.thresholds', /medium \(8\) must be lower than high \(5\)/);
    expectProblem('rules.suggestions[0].outcome', /may not suggest a passport action/);
    // Every problem is a sentence naming where it is.
    for (const p of problems) expect(p).toMatch(/^[a-zA-Z]+(\[\d+\]|\.[a-zA-Z]+)*: \S/);
  });

  it('checks that a condition value fits the question type', () => {
    const base = structuredClone(DEFAULT_CHECKLIST);
    base.indicators.push({ id: 'bad_yes', reasonCode: 'OTHER', weight: 1, text: { id: 'x', en: 'x' }, source: 'test', when: { question: 'earlier_trouble', equals: 'no' } });
    base.indicators.push({ id: 'bad_num', reasonCode: 'OTHER', weight: 1, text: { id: 'x', en: 'x' }, source: 'test', when: { question: 'purpose', atLeast: 3 } });
    base.indicators.push({ id: 'bad_dest', reasonCode: 'OTHER', weight: 1, text: { id: 'x', en: 'x' }, source: 'test', when: { destination: 'not_placement_country', question: 'purpose' } });
    base.indicators.push({ id: 'bad_tickets', reasonCode: 'OTHER', weight: 1, text: { id: 'x', en: 'x' }, source: 'test', when: { finalDestination: 'trafficking_route', question: 'destination_country', itinerary: 'destination_city' } });
    const n = base.indicators.length;
    const result = validateChecklist(base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      `indicators[${n - 4}].when.equals: 'earlier_trouble' is a yes/no question, so the value must be true or false`,
      `indicators[${n - 3}].when: atLeast and atMost apply to number questions, but 'purpose' is a single-choice question`,
      `indicators[${n - 2}].when.question: 'purpose' is a single-choice question, but a destination needs a country question`,
      `indicators[${n - 1}].when.itinerary: 'destination_city' is a text question, but the onward tickets need an itinerary question`,
    ]);
  });

  it('says what is wrong with something that is not a checklist at all', () => {
    const result = validateChecklist([1, 2]);
    expect(result).toEqual({ ok: false, problems: ['checklist: should be an object, but is a list'] });
    const empty = validateChecklist({});
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems).toEqual(expect.arrayContaining(['version: is missing', 'questions: is missing', 'rules: is missing']));
  });

  it('refuses unknown fields rather than ignoring a typo', () => {
    const base = structuredClone(DEFAULT_CHECKLIST) as unknown as { questions: Record<string, unknown>[] };
    base.questions[0]!.showif = { question: 'x', equals: true };
    const result = validateChecklist(base);
    expect(result.ok ? [] : result.problems).toEqual(["questions[0]: has unknown field 'showif'"]);
  });
});

describe('validateCountryRules', () => {
  it('lists every problem: bad codes, missing sources, duplicates and contradictions', () => {
    const result = validateCountryRules({
      version: '1',
      entries: [
        { country: 'mys', list: 'placement', source: 'x' },
        { country: 'KHM', list: 'nowhere', source: '' },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContain('entries[0].country: must be an ISO 3166 alpha-3 country code such as MYS');
      expect(result.problems.some((p) => p.startsWith('entries[1].list: must be one of'))).toBe(true);
      expect(result.problems).toContain('entries[1].source: must name the source of this entry');
    }
    const contradictory = validateCountryRules({
      version: '1',
      entries: [
        { country: 'MYS', list: 'placement', source: 'a' },
        { country: 'MYS', list: 'placement', source: 'b' },
        { country: 'MYS', list: 'not_placement', source: 'c' },
      ],
    });
    expect(contradictory).toEqual({
      ok: false,
      problems: [
        'entries[1]: MYS is already on the placement list at entries[0]',
        'entries[2]: MYS cannot be both a placement country (entries[0]) and not a placement country',
      ],
    });
  });
});
