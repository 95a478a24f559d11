// The files the desk ships with: they validate, and what they say holds to DOMAIN.md.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import checklist2026_1 from '../../../shared/checklist/data/checklists/2026.1.json';
import checklist2026_2 from '../../../shared/checklist/data/checklists/2026.2.json';
import checklist2026_3 from '../../../shared/checklist/data/checklists/2026.3.json';
import checklist2026_4 from '../../../shared/checklist/data/checklists/2026.4.json';
import checklist2026_5 from '../../../shared/checklist/data/checklists/2026.5.json';
import checklist2026_6 from '../../../shared/checklist/data/checklists/2026.6.json';
import countryRulesJson from '../../../shared/checklist/data/country-rules.json';
import {
  DEFAULT_CHECKLIST,
  DEFAULT_COUNTRY_RULES,
  LEGAL_GROUNDS,
  OUTCOME_IDS,
  OUTCOME_RULES,
  REASON_CODES,
  SHIPPED_CHECKLISTS,
  groundsFor,
  shippedChecklist,
  validateChecklist,
  validateCountryRules,
} from '../../../shared/checklist';

describe('the shipped checklists', () => {
  it('validate with no problems, every version kept, the one in use among them', () => {
    for (const json of [checklist2026_1, checklist2026_2, checklist2026_3, checklist2026_4, checklist2026_5, checklist2026_6]) {
      const result = validateChecklist(json);
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
    expect(SHIPPED_CHECKLISTS.map((c) => c.version)).toEqual(['2026.1', '2026.2', '2026.3', '2026.4', '2026.5', '2026.6']);
    expect(DEFAULT_CHECKLIST.version).toBe('2026.6');
  });

  // A case is judged, shown and replayed with the version it was opened under, found by its number alone: a file
  // changed after it landed would re-judge every case decided under it (2026.2 once gained the onward-ticket question
  // this way; it is restored and the change shipped as 2026.3). Change nothing here: ship a new version instead. The
  // only edit a landed file has had is wording with the same meaning (ditahan → ditunda, issue #19).
  it('never changes a version once shipped', () => {
    const fingerprint = (json: unknown) => createHash('sha256').update(JSON.stringify(json)).digest('hex');
    expect({
      '2026.1': fingerprint(checklist2026_1),
      '2026.2': fingerprint(checklist2026_2),
      '2026.3': fingerprint(checklist2026_3),
      '2026.4': fingerprint(checklist2026_4),
      '2026.5': fingerprint(checklist2026_5),
      '2026.6': fingerprint(checklist2026_6),
    }).toEqual({
      '2026.1': '2ccba0c84f7f6c8e55f49ac7c02a339ffaacccadb81d18a96c7eb483bd0ec3f3',
      '2026.2': 'd7b98d3894743bd11bab388c0ec0c2fc6016b9b76659350e70a6f328f455b516',
      '2026.3': '433b11593e9a8ca78ce9797bac11d4a91d57cb3e69af533d666e5f3557b84486',
      '2026.4': '06e1ef1be468dda80bfdbc48379b5c46e90eeff024ecbce19364697d5506e3b1',
      '2026.5': '14aa449d51f7bd3e72efd2b12eb12bb1ae6955b4ca93bfa28bbbeb5e55cd2d14',
      '2026.6': '8306890ed6d9891016d8ff565e8c43c0d64a1955726b92445c0215fc1455e204',
    });
  });

  it.each(SHIPPED_CHECKLISTS.map((c) => [c.version, c] as const))('%s gives every question, option and indicator text in Indonesian and English', (_v, checklist) => {
    for (const q of checklist.questions) {
      expect(q.text.id.length, q.id).toBeGreaterThan(0);
      expect(q.text.en.length, q.id).toBeGreaterThan(0);
      for (const o of q.options ?? []) expect(o.text.id !== '' && o.text.en !== '', `${q.id}.${o.id}`).toBe(true);
    }
    for (const i of checklist.indicators) expect(i.text.id !== '' && i.text.en !== '', i.id).toBe(true);
  });

  it.each(SHIPPED_CHECKLISTS.map((c) => [c.version, c] as const))('%s never suggests a passport action and uses only known reason codes', (_v, checklist) => {
    expect(checklist.rules.suggestions.map((s) => s.outcome)).not.toContain('passport_action');
    const known = new Set(REASON_CODES.map((r) => r.code));
    for (const i of checklist.indicators) expect(known.has(i.reasonCode), i.reasonCode).toBe(true);
  });

  it.each(['2026.2', '2026.3', '2026.4', '2026.5', '2026.6'])('%s names the source of every rule and weight and of the full-interview trigger', (version) => {
    const v2 = shippedChecklist(version);
    expect(v2?.fullInterview?.source).toBeTruthy();
    for (const i of v2?.indicators ?? []) expect(i.source?.length ?? 0, i.id).toBeGreaterThan(20);
  });

  // 2026.2 and 2026.3 shipped their suggested routes and thresholds without a source; 2026.4 is 2026.3 with them.
  it('2026.4 names the source of every suggested route and of the thresholds, and changes no rule of 2026.3', () => {
    const v4 = shippedChecklist('2026.4')!;
    for (const [i, s] of v4.rules.suggestions.entries()) expect(s.source?.length ?? 0, `suggestions[${i}] ${s.outcome}`).toBeGreaterThan(20);
    expect(v4.rules.thresholds.source?.length ?? 0).toBeGreaterThan(20);
    const withoutSources = structuredClone(checklist2026_4) as { version: string; rules: { thresholds: { source?: string }; suggestions: { source?: string }[] } };
    delete withoutSources.rules.thresholds.source;
    for (const s of withoutSources.rules.suggestions) delete s.source;
    expect({ ...withoutSources, version: '2026.3' }).toEqual(checklist2026_3);
  });

  // 2026.5 is 2026.4 with one rule more: an employer or placement agency behind a trip whose purpose is not work is
  // a work signal (it opens the full interview and routes a medium score to BP3MI). Nothing else changes.
  it('2026.5 adds the work signal to 2026.4 and changes nothing else', () => {
    const v5 = structuredClone(checklist2026_5) as typeof checklist2026_4 & { indicators: { id: string }[] };
    const signal = v5.indicators.findIndex((i) => i.id === 'work_signal');
    expect(v5.indicators[signal]).toMatchObject({ reasonCode: 'WORK_SIGNAL', minLevel: 'medium' });
    v5.indicators.splice(signal, 1);
    (v5.fullInterview.when as { any: unknown[] }).any.splice(1, 1);
    const medium = v5.rules.suggestions.find((s) => s.reasonCodes?.includes('WORK_SIGNAL'))!;
    expect(medium.outcome).toBe('refer_bp3mi');
    medium.reasonCodes = medium.reasonCodes!.filter((c) => c !== 'WORK_SIGNAL');
    const sourceless = (c: unknown) => JSON.parse(JSON.stringify(c, (k, v: unknown) => (k === 'source' ? undefined : v))) as unknown;
    expect(sourceless({ ...v5, version: '2026.4' })).toEqual(sourceless(checklist2026_4));
  });

  // 2026.6 is 2026.5 where an officer's observation counts on its own (documents seen in another's hands weigh 3, at
  // least medium, and only a checkable lawful holder takes their place; every observation at least medium), and where
  // the triage asks about earlier trouble abroad with the return ticket, or with the ID PMI for a worker.
  it('2026.6 changes only the observations, the earlier-trouble answers and what they touch', () => {
    const v5 = shippedChecklist('2026.5')!;
    const v6 = shippedChecklist('2026.6')!;
    const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
    const changedQuestions = v6.questions.filter((q) => JSON.stringify(q) !== JSON.stringify(byId(v5.questions).get(q.id))).map((q) => q.id);
    // id_pmi_number and the work-document questions follow id_pmi's second "verified" option.
    expect(changedQuestions).toEqual(['id_pmi', 'id_pmi_number', 'return_history', 'visa_type', 'has_contract', 'family_consent']);
    expect(v5.questions.map((q) => q.id).filter((id) => !v6.questions.some((q) => q.id === id))).toEqual(['return_ticket']);
    const changedIndicators = v6.indicators.filter((i) => JSON.stringify(i) !== JSON.stringify(byId(v5.indicators).get(i.id))).map((i) => i.id);
    expect(changedIndicators).toEqual([
      'one_way_ticket',
      'earlier_trouble',
      'observed_answered_by_other',
      'observed_fear',
      'observed_coached',
      'observed_inconsistent',
      'observed_documents_by_other',
      'control_by_companion',
    ]);
    expect(v6.indicators.map((i) => i.id)).toEqual(v5.indicators.map((i) => i.id));
    for (const i of v6.indicators.filter((x) => x.id.startsWith('observed_'))) expect(i.minLevel, i.id).toBeDefined();
    expect(byId(v6.indicators).get('observed_documents_by_other')).toMatchObject({ weight: 3, minLevel: 'medium' });
    expect(v6.rules.thresholds).toEqual(v5.rules.thresholds);
    expect(v6.rules.suggestions.map((s) => s.reasonCodes?.filter((c) => c !== 'DOCUMENTS_SEEN_HELD'))).toEqual(v5.rules.suggestions.map((s) => s.reasonCodes));
  });

  it('refuses a new version whose suggested routes or thresholds name no source; the versions shipped before stay valid', () => {
    const unsourced = { ...structuredClone(checklist2026_3), version: '2027.1' };
    const result = validateChecklist(unsourced);
    expect(result.ok ? [] : result.problems).toEqual([
      'rules.thresholds.source: name where these numbers come from',
      ...checklist2026_3.rules.suggestions.map((_s, i) => `rules.suggestions[${i}].source: name where this route comes from`),
    ]);
    expect(validateChecklist({ ...structuredClone(checklist2026_4), version: '2027.1' }).ok).toBe(true);
  });

  // A rule, a weight or the trigger of the full interview without a source is refused, whichever it is.
  it('refuses a new version with an indicator or the full-interview trigger that names no source, or only spaces', () => {
    const unsourced = { ...structuredClone(checklist2026_4), version: '2027.1' } as {
      version: string;
      indicators: { source?: string }[];
      fullInterview: { source?: string };
    };
    delete unsourced.indicators[0]!.source;
    unsourced.indicators[5]!.source = '   ';
    delete unsourced.fullInterview.source;
    const result = validateChecklist(unsourced);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContain('indicators[0].source: name where this rule and its weight come from');
    expect(problems).toContain('fullInterview.source: name where this trigger comes from');
    expect(problems.some((p) => p.startsWith('indicators[5].source'))).toBe(true);
    expect(problems).toHaveLength(3);
  });

  it.each(['2026.2', '2026.3', '2026.4', '2026.5', '2026.6'])('%s has no rule against an umrah visa outside Makkah, Madinah and Jeddah (lifted in 2019)', (version) => {
    const v2 = shippedChecklist(version);
    const codes = v2?.indicators.map((i) => i.reasonCode) ?? [];
    expect(codes).not.toContain('UMRAH_VISA_OUTSIDE_SAUDI');
    expect(codes).not.toContain('UMRAH_OTHER_PLACES');
    expect(JSON.stringify(v2)).not.toContain('destinationOutside');
  });

  it.each(['2026.2', '2026.3', '2026.4', '2026.5', '2026.6'])('%s asks at most five triage steps, the observations officer-only with a "none" that excludes the rest', (version) => {
    const v2 = shippedChecklist(version);
    const triage = v2?.questions.filter((q) => q.section === 'triage' && q.required === true && q.showIf === undefined) ?? [];
    // Final destination and return date are one open question ("where to, and when back?") recorded in two fields.
    expect(triage.map((q) => q.id)).toEqual(['purpose', 'final_destination', 'arranged_by', 'stay_meet', 'officer_observation']);
    const observation = v2?.questions.find((q) => q.id === 'officer_observation');
    expect(observation).toMatchObject({ officerOnly: true, exclusiveOption: 'none' });
    expect(observation?.options?.map((o) => o.id)).toEqual(expect.arrayContaining(['answered_by_other', 'fearful', 'coached', 'documents_by_other', 'injuries']));
    expect(v2?.questions.filter((q) => q.privacyPrompt === true).map((q) => q.section)).toEqual(['full']);
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
    expect(Object.keys(OUTCOME_RULES)).toEqual([...OUTCOME_IDS]);
    expect(OUTCOME_RULES.passport_action).toMatchObject({ onlyAgency: 'IMIGRASI', needsCountersignature: true });
    for (const o of OUTCOME_IDS.filter((x) => x !== 'passport_action')) expect(OUTCOME_RULES[o]).toMatchObject({ onlyAgency: null, needsCountersignature: false });
  });

  it('offers the officer-chosen reason codes in both languages', () => {
    for (const code of ['OBSERVED_FEAR', 'COACHED', 'INCONSISTENT', 'DOCUMENTS_INCOMPLETE', 'MINOR_UNACCOMPANIED']) {
      const found = REASON_CODES.find((r) => r.code === code);
      expect(found?.text.id, code).toBeTruthy();
      expect(found?.text.en, code).toBeTruthy();
    }
  });
});
