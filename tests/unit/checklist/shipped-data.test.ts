// The files the desk ships with: they validate, and what they say holds to DOMAIN.md.
import { describe, expect, it } from 'vitest';
import checklistJson from '../../../shared/checklist/data/default-checklist.json';
import countryRulesJson from '../../../shared/checklist/data/country-rules.json';
import {
  DEFAULT_CHECKLIST,
  DEFAULT_COUNTRY_RULES,
  LEGAL_GROUNDS,
  OUTCOMES,
  OUTCOME_IDS,
  REASON_CODES,
  groundsFor,
  validateChecklist,
  validateCountryRules,
} from '../../../shared/checklist';

describe('the shipped checklist', () => {
  it('validates with no problems', () => {
    const result = validateChecklist(checklistJson);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(DEFAULT_CHECKLIST.version).toBe('2026.1');
  });

  it('gives every question, option and indicator text in Indonesian and English', () => {
    for (const q of DEFAULT_CHECKLIST.questions) {
      expect(q.text.id.length, q.id).toBeGreaterThan(0);
      expect(q.text.en.length, q.id).toBeGreaterThan(0);
      for (const o of q.options ?? []) expect(o.text.id !== '' && o.text.en !== '', `${q.id}.${o.id}`).toBe(true);
    }
    for (const i of DEFAULT_CHECKLIST.indicators) expect(i.text.id !== '' && i.text.en !== '', i.id).toBe(true);
  });

  it('never suggests a passport action', () => {
    expect(DEFAULT_CHECKLIST.rules.suggestions.map((s) => s.outcome)).not.toContain('passport_action');
  });

  it('uses only known reason codes', () => {
    const known = new Set(REASON_CODES.map((r) => r.code));
    for (const i of DEFAULT_CHECKLIST.indicators) expect(known.has(i.reasonCode), i.reasonCode).toBe(true);
  });
});

describe('the shipped country rules', () => {
  it('validate, and every entry names its source', () => {
    const result = validateCountryRules(countryRulesJson);
    expect(result.ok ? [] : result.problems).toEqual([]);
    for (const e of DEFAULT_COUNTRY_RULES.entries) expect(e.source.trim().length, e.country).toBeGreaterThan(10);
  });

  it('hold the 65 placement countries of Kepdirjen 3/111/PK.02.01/IV/2022, each citing it', () => {
    const placement = DEFAULT_COUNTRY_RULES.entries.filter((e) => e.list === 'placement');
    expect(new Set(placement.map((e) => e.country)).size).toBe(65);
    for (const e of placement) expect(e.source).toContain('3/111/PK.02.01/IV/2022');
    expect(placement.map((e) => e.country)).toEqual(expect.arrayContaining(['MYS', 'SGP', 'HKG', 'TWN', 'KOR', 'JPN', 'SAU', 'ARE', 'QAT', 'KWT', 'BRN']));
  });

  it('name the five not-placement countries of DOMAIN.md', () => {
    const not = DEFAULT_COUNTRY_RULES.entries.filter((e) => e.list === 'not_placement').map((e) => e.country);
    expect(not.sort()).toEqual(['KHM', 'LAO', 'MMR', 'PHL', 'VNM']);
  });

  it('keep the Kepmenaker 260/2015 moratorium list with its source', () => {
    const moratorium = DEFAULT_COUNTRY_RULES.entries.filter((e) => e.list === 'moratorium');
    expect(moratorium.length).toBeGreaterThanOrEqual(18);
    for (const e of moratorium) expect(e.source).toContain('260 Tahun 2015');
    expect(moratorium.map((e) => e.country)).toEqual(expect.arrayContaining(['SAU', 'ARE', 'QAT', 'KWT', 'OMN', 'BHR', 'JOR']));
  });
});

describe('legal grounds and outcomes', () => {
  it('tie passport action to the Permenkumham 8/2014 grounds only', () => {
    const passport = groundsFor('passport_action');
    expect(passport.map((g) => g.code).sort()).toEqual(['PERMENKUMHAM_8_2014_PREVENTION_LIST', 'PERMENKUMHAM_8_2014_SUSPECT']);
    for (const g of passport) expect(g.citation).toMatch(/Permenkumham No\. 8 Tahun 2014.*18 Tahun 2022/);
    for (const g of passport) expect(g.outcomes).toEqual(['passport_action']);
  });

  it('split UU 6/2011 Pasal 16 into its three cases and cover every named law', () => {
    expect(LEGAL_GROUNDS.filter((g) => g.citation.includes('UU No. 6 Tahun 2011') && g.citation.includes('Pasal 16'))).toHaveLength(3);
    const citations = LEGAL_GROUNDS.map((g) => g.citation).join(' | ');
    for (const law of ['IMI.2.GR.01.01-4.5890', 'Permenkumham No. 9 Tahun 2024', 'UU No. 18 Tahun 2017', 'UU No. 21 Tahun 2007']) expect(citations).toContain(law);
  });

  it('give every non-clear outcome at least one ground, and codes are unique', () => {
    for (const outcome of OUTCOME_IDS.filter((o) => o !== 'clear')) expect(groundsFor(outcome).length, outcome).toBeGreaterThan(0);
    expect(new Set(LEGAL_GROUNDS.map((g) => g.code)).size).toBe(LEGAL_GROUNDS.length);
    expect(new Set(REASON_CODES.map((g) => g.code)).size).toBe(REASON_CODES.length);
  });

  it('require an Imigrasi officer and a countersignature for a passport action, and nothing of the kind elsewhere', () => {
    expect(OUTCOMES.map((o) => o.outcome)).toEqual([...OUTCOME_IDS]);
    const passport = OUTCOMES.find((o) => o.outcome === 'passport_action');
    expect(passport).toMatchObject({ requiresAgency: 'IMIGRASI', requiresCountersignature: true });
    for (const o of OUTCOMES.filter((x) => x.outcome !== 'passport_action')) expect(o.requiresAgency).toBeUndefined();
  });

  it('offers the officer-chosen reason codes in both languages', () => {
    for (const code of ['OBSERVED_FEAR', 'COACHED', 'INCONSISTENT', 'DOCUMENTS_INCOMPLETE', 'MINOR_UNACCOMPANIED']) {
      const found = REASON_CODES.find((r) => r.code === code);
      expect(found?.text.id, code).toBeTruthy();
      expect(found?.text.en, code).toBeTruthy();
    }
  });
});
