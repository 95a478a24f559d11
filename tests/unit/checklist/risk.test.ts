// Risk levels and suggested outcomes for the cases the desk sees most. The officer decides; these only suggest.
import { describe, expect, it } from 'vitest';
import {
  shippedChecklist,
  DEFAULT_COUNTRY_RULES,
  evaluateRisk,
  recordedRisk,
  suggestionText,
  validateChecklist,
  RISK_SUGGESTION_KEYS,
  type Answers,
  type Checklist,
  type RiskContext,
} from '../../../shared/checklist';
import { catalogue } from '../../../shared/i18n/catalogue';

// These tests pin the rules of checklist 2026.1, which cases opened under it keep.
const CHECKLIST_2026_1 = shippedChecklist('2026.1') as Checklist;

const ctx = (extra: Partial<RiskContext> = {}): RiskContext => ({ countryRules: DEFAULT_COUNTRY_RULES, ageYears: 30, ...extra });
const codes = (answers: Answers, context: RiskContext) => evaluateRisk(CHECKLIST_2026_1, answers, context).indicators.map((i) => i.reasonCode);

const tourist: Answers = { purpose: 'tourism', destination_country: 'MYS', return_ticket: true, travel_companions: 'family', work_intent: false, officer_observation: [] };

describe('evaluateRisk on the default checklist', () => {
  it('a tourist with no indicators: low, clear', () => {
    const result = evaluateRisk(CHECKLIST_2026_1, tourist, ctx({ destinationCountry: 'MYS' }));
    expect(result).toMatchObject({ level: 'low', score: 0, indicators: [], suggestedOutcome: 'clear' });
    // The engine names its own suggestion by catalogue key; the words come from the one catalogue, in both languages.
    expect(result.suggestion).toEqual({ catalogueKey: 'risk.suggestion.none' });
    expect(suggestionText(result.suggestion)).toEqual({ id: catalogue.id['risk.suggestion.none'], en: catalogue.en['risk.suggestion.none'] });
    expect(recordedRisk(result).suggestion.id).toBe('Tidak ada indikator risiko. Pelaku perjalanan boleh melanjutkan perjalanan.');
    expect(recordedRisk(result).suggestion.en).toBe('No risk indicators. The traveller may proceed.');
  });

  it('a tourist to Cambodia is not flagged for the placement list: it matters only for work', () => {
    const result = evaluateRisk(CHECKLIST_2026_1, { ...tourist, destination_country: 'KHM' }, ctx({ destinationCountry: 'KHM' }));
    expect(result.level).toBe('low');
  });

  it('a worker without ID PMI going to a not-placement country: high, referred to BP3MI', () => {
    const worker: Answers = {
      purpose: 'work',
      destination_country: 'KHM',
      travel_companions: 'alone',
      visa_type: 'work',
      job_type: 'online_admin',
      job_found_via: 'direct_employer',
      has_id_pmi: false,
      has_work_visa: true,
      has_contract: true,
      family_consent: true,
      who_paid: 'self',
      debt: false,
      documents_held: false,
      met_on_arrival: 'employer_official',
      address_known: true,
      earlier_trouble: false,
    };
    const result = evaluateRisk(CHECKLIST_2026_1, worker, ctx({ destinationCountry: 'KHM' }));
    expect(result.level).toBe('high');
    expect(result.indicators.map((i) => i.reasonCode).sort()).toEqual(['NOT_PLACEMENT_COUNTRY', 'NO_ID_PMI']);
    expect(result.score).toBe(9);
    expect(result.suggestedOutcome).toBe('refer_bp3mi');
  });

  it('the same worker with trafficking signs is suggested for the airport police', () => {
    const result = evaluateRisk(
      CHECKLIST_2026_1,
      { purpose: 'work', destination_country: 'KHM', has_id_pmi: false, documents_held: true, officer_observation: ['fearful'] },
      ctx({ destinationCountry: 'MYS' }),
    );
    expect(result.level).toBe('high');
    expect(result.indicators.map((i) => i.reasonCode)).toEqual(expect.arrayContaining(['DESTINATION_MISMATCH', 'DOCUMENTS_HELD_BY_OTHER', 'OBSERVED_FEAR']));
    expect(result.suggestedOutcome).toBe('refer_police');
  });

  it('an umrah visa to a non-Saudi destination: medium, secondary inspection', () => {
    const pilgrim: Answers = { purpose: 'umrah_hajj', destination_country: 'SAU', return_ticket: true, travel_companions: 'tour_group', work_intent: false, visa_type: 'umrah', umrah_other_places: false };
    expect(evaluateRisk(CHECKLIST_2026_1, pilgrim, ctx({ destinationCountry: 'SAU' })).level).toBe('low');
    const elsewhere = evaluateRisk(CHECKLIST_2026_1, { ...pilgrim, destination_country: 'TUR' }, ctx({ destinationCountry: 'TUR' }));
    expect(elsewhere.indicators.map((i) => i.reasonCode)).toEqual(['UMRAH_VISA_OUTSIDE_SAUDI']);
    expect(elsewhere).toMatchObject({ level: 'medium', suggestedOutcome: 'refer_imigrasi' });
    // Declaring Saudi Arabia while the ticket ends elsewhere is caught too, as a mismatch as well.
    expect(codes(pilgrim, ctx({ destinationCountry: 'KHM' })).sort()).toEqual(['DESTINATION_MISMATCH', 'UMRAH_VISA_OUTSIDE_SAUDI']);
    expect(codes({ ...pilgrim, umrah_other_places: true }, ctx({ destinationCountry: 'SAU' }))).toEqual(['UMRAH_OTHER_PLACES']);
  });

  it('a minor travelling alone is medium; a minor going to work is high whatever else', () => {
    const alone = evaluateRisk(CHECKLIST_2026_1, { ...tourist, travel_companions: 'alone' }, ctx({ ageYears: 16 }));
    expect(alone.indicators.map((i) => i.reasonCode)).toEqual(['MINOR_UNACCOMPANIED']);
    expect(alone.level).toBe('medium');
    expect(evaluateRisk(CHECKLIST_2026_1, { ...tourist, travel_companions: 'family' }, ctx({ ageYears: 16 })).level).toBe('low');
    const worker = evaluateRisk(
      CHECKLIST_2026_1,
      { purpose: 'work', destination_country: 'MYS', has_id_pmi: true, has_work_visa: true, has_contract: true, family_consent: true, visa_type: 'work' },
      ctx({ ageYears: 17, destinationCountry: 'MYS' }),
    );
    expect(worker.indicators.map((i) => i.reasonCode)).toEqual(['MINOR_WORKER']);
    expect(worker.level).toBe('high');
    expect(worker.suggestedOutcome).toBe('refer_police');
  });

  it('domestic work in a moratorium country is flagged; factory work there is not', () => {
    const base: Answers = { purpose: 'work', destination_country: 'SAU', has_id_pmi: true, has_work_visa: true, has_contract: true, family_consent: true, visa_type: 'work' };
    expect(codes({ ...base, job_type: 'domestic' }, ctx({ destinationCountry: 'SAU' }))).toEqual(['MORATORIUM_COUNTRY']);
    expect(codes({ ...base, job_type: 'factory' }, ctx({ destinationCountry: 'SAU' }))).toEqual([]);
  });

  it('a declared tourist who will work on a visa-free entry gets the work-document indicators and a tunda suggestion', () => {
    const result = evaluateRisk(
      CHECKLIST_2026_1,
      { ...tourist, work_intent: true, visa_type: 'visa_free', has_id_pmi: false },
      ctx({ destinationCountry: 'MYS' }),
    );
    expect(result.indicators.map((i) => i.reasonCode)).toEqual(['WORK_ON_NON_WORK_VISA', 'UNDECLARED_WORK', 'NO_ID_PMI']);
    expect(result).toMatchObject({ level: 'high', suggestedOutcome: 'tunda' });
  });

  it('history from other desks: an earlier hold is at least medium, a watch-list hit high and for Imigrasi', () => {
    expect(evaluateRisk(CHECKLIST_2026_1, tourist, ctx({ earlierHolds: 1 })).level).toBe('medium');
    expect(evaluateRisk(CHECKLIST_2026_1, tourist, ctx({ watchListHits: 1 }))).toMatchObject({ level: 'high', suggestedOutcome: 'refer_imigrasi' });
  });

  it('answers to questions no longer shown do not count', () => {
    // The officer first chose work, answered "no ID PMI", then corrected the purpose to tourism.
    expect(evaluateRisk(CHECKLIST_2026_1, { ...tourist, has_id_pmi: false, job_found_via: 'social_media' }, ctx()).level).toBe('low');
  });

  it('a single minor indicator stays low and clear', () => {
    const result = evaluateRisk(CHECKLIST_2026_1, { ...tourist, officer_observation: ['inconsistent'] }, ctx());
    expect(result).toMatchObject({ level: 'low', score: 2, suggestedOutcome: 'clear' });
  });
});

describe('evaluateRisk mechanics', () => {
  const mini = (): Checklist => {
    const result = validateChecklist({
      version: 't',
      title: { id: 'Uji', en: 'Test' },
      questions: [{ id: 'q', type: 'yes_no', text: { id: 'Q?', en: 'Q?' } }],
      indicators: [
        { id: 'a', reasonCode: 'OTHER', weight: 2, text: { id: 'a', en: 'a' }, when: { question: 'q', equals: true } },
        { id: 'b', reasonCode: 'COACHED', weight: 2, text: { id: 'b', en: 'b' }, when: { question: 'q', equals: true } },
      ],
      rules: { thresholds: { medium: 4, high: 10 }, suggestions: [] },
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return result.checklist;
  };

  it('adds weights, applies thresholds, and falls back to a suggestion per level when no rule matches', () => {
    const result = evaluateRisk(mini(), { q: true }, ctx());
    expect(result).toMatchObject({ score: 4, level: 'medium', suggestedOutcome: 'refer_imigrasi', suggestion: { catalogueKey: 'risk.suggestion.medium' } });
    expect(evaluateRisk(mini(), { q: false }, ctx())).toMatchObject({ score: 0, level: 'low', suggestedOutcome: 'clear' });
  });

  it('names every fallback by a catalogue key with words in both languages, and passes a matching rule\'s own text on', () => {
    for (const key of RISK_SUGGESTION_KEYS) {
      expect(catalogue.id[key].length, key).toBeGreaterThan(10);
      expect(catalogue.en[key].length, key).toBeGreaterThan(10);
      expect(catalogue.id[key], key).not.toBe(catalogue.en[key]);
    }
    const checklist = mini();
    checklist.rules.suggestions.push({ level: ['medium'], outcome: 'refer_bp3mi', text: { id: 'Aturan daftar', en: 'Checklist rule' } });
    const result = evaluateRisk(checklist, { q: true }, ctx());
    expect(result.suggestion).toEqual({ checklistText: { id: 'Aturan daftar', en: 'Checklist rule' } });
    expect(recordedRisk(result)).toMatchObject({ suggestedOutcome: 'refer_bp3mi', suggestion: { id: 'Aturan daftar', en: 'Checklist rule' } });
  });

  it('never suggests a passport action even from a hand-built checklist', () => {
    const checklist = mini();
    checklist.rules.suggestions.push({ outcome: 'passport_action', text: { id: 'x', en: 'x' } });
    expect(evaluateRisk(checklist, { q: true }, ctx()).suggestedOutcome).not.toBe('passport_action');
  });
});
