// Checklist versions on the real core: a case keeps the checklist it was opened under, is judged and shown with
// it after a newer one is in use, and replays from its events; a triage checklist clears nobody it has not asked;
// a known version cannot be imported again with other content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateMrz } from '../../shared/mrz';
import { openDatabase } from '../../electron/core/db/connection';
import type { EventRow } from '../../electron/core/events/event-store';
import { openDeskWithAdmin, type TestDesk } from './core-harness';
import { replay } from './replay';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

const RIA = generateMrz('TD3', {
  documentCode: 'P',
  issuingState: 'IDN',
  nationality: 'IDN',
  primaryIdentifier: 'PURNAMA',
  secondaryIdentifier: 'RIA',
  documentNumber: 'C7654321',
  birthDate: '1996-02-03',
  sex: 'F',
  expiryDate: '2031-01-01',
}).join('\n');

const FILE = (version: string) => readFileSync(join(import.meta.dirname, '../../shared/checklist/data/checklists', `${version}.json`), 'utf8');

/** Puts a version in use the way an admin does, whichever version the desk ships in use. */
async function use(d: TestDesk, version: string): Promise<void> {
  await d.must('reference.import', { kind: 'checklist', content: FILE(version) });
  expect((await d.must('reference.current', {})).versions.checklist).toBe(version);
}

const TOURIST_TRIAGE = {
  purpose: 'tourism',
  final_destination: 'onward_ticketed',
  destination_country: 'THA',
  // Landing in KUL on the way: a transit, never a mismatch with Thailand.
  onward_airports: ['KUL', 'BKK'],
  return_ticket: true,
  arranged_by: 'self_family',
  stay_meet: 'own_arrangement',
  officer_observation: ['none'],
};

describe('checklist versions', () => {
  it('judges and shows a case with the version it was opened under, after a newer one is in use', async () => {
    desk = await openDeskWithAdmin();
    await use(desk, '2026.1');
    const old = await desk.must('cases.open', { source: 'manual', mrz: RIA });
    expect(old.checklistVersion).toBe('2026.1');
    await desk.must('cases.recordTravel', { caseId: old.id, travel: { flight: 'AK 1325', destinationAirport: 'KUL' } });

    await use(desk, '2026.3');
    // 2026.1's questions: under 2026.3 'travel_companions' would be dropped (hidden) and the transit at KUL would
    // no longer count as a mismatch. The old case keeps both.
    const answered = await desk.must('cases.recordAnswers', {
      caseId: old.id,
      answers: { purpose: 'tourism', destination_country: 'THA', return_ticket: true, travel_companions: 'friends', work_intent: false },
    });
    expect(answered.checklistVersion).toBe('2026.1');
    expect(answered.answers).toMatchObject({ travel_companions: 'friends', destination_country: 'THA' });
    expect(answered.risk.indicators.map((i) => i.reasonCode)).toEqual(['DESTINATION_MISMATCH']);
    // 2026.1 had no triage, so its cases clear as they always did.
    const cleared = await desk.must('cases.decide', { caseId: old.id, outcome: 'clear' });
    expect(cleared).toMatchObject({ decision: 'clear', checklistVersion: '2026.1' });
    expect((await desk.must('cases.get', { caseId: old.id })).risk.indicators.map((i) => i.reasonCode)).toEqual(['DESTINATION_MISMATCH']);

    // A new case takes the version in use and its rules: the same traveller's transit is no mismatch.
    const fresh = await desk.must('cases.open', { source: 'manual', mrz: RIA });
    expect(fresh.checklistVersion).toBe('2026.3');
    await desk.must('cases.recordTravel', { caseId: fresh.id, travel: { flight: 'AK 1325', destinationAirport: 'KUL' } });
    const triaged = await desk.must('cases.recordAnswers', { caseId: fresh.id, answers: TOURIST_TRIAGE });
    expect(triaged.risk).toMatchObject({ level: 'low', indicators: [] });
  });

  it('refuses to clear a triage case whose triage is unanswered, and clears it once answered', async () => {
    desk = await openDeskWithAdmin();
    await use(desk, '2026.3');
    const opened = await desk.must('cases.open', { source: 'manual', mrz: RIA });
    const refused = await desk.call('cases.decide', { caseId: opened.id, outcome: 'clear' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: 'interviewUnanswered' } });
    if (!refused.ok) expect(refused.error.message).toContain('officer_observation');
    // Half a triage is still not enough; a full interview opened by an answer must be answered too.
    await desk.must('cases.recordAnswers', { caseId: opened.id, answers: { ...TOURIST_TRIAGE, arranged_by: 'third_party' } });
    const stillRefused = await desk.call('cases.decide', { caseId: opened.id, outcome: 'clear' });
    expect(stillRefused).toMatchObject({ ok: false, error: { reason: 'interviewUnanswered' } });
    if (!stillRefused.ok) expect(stillRefused.error.message).toContain('private_setting');
    await desk.must('cases.recordAnswers', { caseId: opened.id, answers: TOURIST_TRIAGE });
    expect(await desk.must('cases.decide', { caseId: opened.id, outcome: 'clear' })).toMatchObject({ decision: 'clear' });
    // A hold is never blocked by unanswered questions: an officer may stop a traveller at any point.
    const other = await desk.must('cases.open', { source: 'manual', mrz: RIA });
    const held = await desk.must('cases.decide', { caseId: other.id, outcome: 'refer_imigrasi', reasons: ['ROUTINE_CLARIFICATION'], legalGround: 'UU6_2011_P9_EXAMINATION', note: 'Perlu klarifikasi.' });
    expect(held.decision).toBe('refer_imigrasi');
  });

  it('replays cases of both versions from their events alone, each keeping its version and its risk', async () => {
    desk = await openDeskWithAdmin();
    await use(desk, '2026.1');
    const old = await desk.must('cases.open', { source: 'manual', mrz: RIA });
    await desk.must('cases.recordAnswers', { caseId: old.id, answers: { purpose: 'work', destination_country: 'KHM', has_id_pmi: false } });
    await use(desk, '2026.3');
    const fresh = await desk.must('cases.open', { source: 'manual', mrz: RIA });
    await desk.must('cases.recordAnswers', { caseId: fresh.id, answers: { ...TOURIST_TRIAGE, officer_observation: ['fearful', 'answered_by_other'] } });

    const db = openDatabase(desk.core.databasePath);
    const events = db.prepare('SELECT * FROM events ORDER BY device_seq').all() as EventRow[];
    const cases = db.prepare('SELECT * FROM cases ORDER BY id').all();
    db.close();
    const replayed = openDatabase(join(desk.dataDir, 'replayed.sqlite'));
    replay(replayed, events);
    const rebuilt = replayed.prepare('SELECT * FROM cases ORDER BY id').all() as { checklist_version: string; risk: string }[];
    replayed.close();
    expect(rebuilt).toEqual(cases);
    const byVersion = Object.fromEntries(rebuilt.map((r) => [r.checklist_version, (JSON.parse(r.risk) as { suggestedOutcome: string }).suggestedOutcome]));
    expect(byVersion).toEqual({ '2026.1': 'refer_bp3mi', '2026.3': 'refer_police' });
  });

  it('keeps a case decided under 2026.2 on 2026.2 once the desk uses 2026.3: its questions, its risk, its decision', async () => {
    desk = await openDeskWithAdmin();
    await use(desk, '2026.2');
    const old = await desk.must('cases.open', { source: 'manual', mrz: RIA });
    // The same "tourist to Thailand" whose onward tickets end in Phnom Penh: 2026.2 never asks for the tickets.
    const concealed = { ...TOURIST_TRIAGE, onward_airports: ['KUL', 'PNH'] };
    const judged = await desk.must('cases.recordAnswers', { caseId: old.id, answers: concealed });
    expect(judged.risk).toMatchObject({ level: 'low', indicators: [] });
    expect(judged.answers).not.toHaveProperty('onward_airports');
    await desk.must('cases.decide', { caseId: old.id, outcome: 'clear' });

    // The admin puts 2026.3 in use: new cases take it.
    await desk.must('reference.import', { kind: 'checklist', content: FILE('2026.3') });
    const fresh = await desk.must('cases.open', { source: 'manual', mrz: RIA });
    expect(fresh.checklistVersion).toBe('2026.3');
    const raised = await desk.must('cases.recordAnswers', { caseId: fresh.id, answers: concealed });
    expect(raised.risk.indicators.map((i) => i.reasonCode)).toEqual(['DESTINATION_MISMATCH', 'ONWARD_TO_ROUTE_COUNTRY']);

    const kept = await desk.must('cases.get', { caseId: old.id });
    expect(kept).toMatchObject({ checklistVersion: '2026.2', decision: 'clear', risk: { level: 'low', indicators: [] } });
    // The screen shows the case with its own questions.
    const shown = await desk.must('reference.checklist', { version: '2026.2' });
    expect(shown.questions.map((q) => q.id)).not.toContain('onward_airports');
  });

  it('refuses a file that changes a known version, and keeps the version in use', async () => {
    desk = await openDeskWithAdmin();
    const changed = JSON.parse(FILE('2026.2')) as { indicators: { id: string; weight: number }[] };
    changed.indicators[0]!.weight += 1;
    const refused = await desk.call('reference.import', { kind: 'checklist', content: JSON.stringify(changed) });
    expect(refused.ok ? refused.value : refused.error.message).toMatch(/2026\.2 is already known/);
    expect((await desk.must('reference.current', {})).versions.checklist).toBe('2026.6');
    // The same version again with its own content is taken: it puts that version back in use.
    await use(desk, '2026.2');
  });

  it('opens new cases under 2026.6, whose routes name their sources, and refuses a new version whose routes name none', async () => {
    desk = await openDeskWithAdmin();
    expect((await desk.must('cases.open', { source: 'manual', mrz: RIA })).checklistVersion).toBe('2026.6');
    const unsourced = { ...(JSON.parse(FILE('2026.3')) as object), version: '2027.1' };
    const refused = await desk.call('reference.import', { kind: 'checklist', content: JSON.stringify(unsourced) });
    expect(refused.ok ? refused.value : refused.error.message).toMatch(/rules\.suggestions\[0\]\.source: name where this route comes from/);
    expect((await desk.must('reference.current', {})).versions.checklist).toBe('2026.6');
    // An indicator (a rule and its weight) without a source is refused at import as well.
    const ruleUnsourced = { ...(JSON.parse(FILE('2026.4')) as { indicators: { source?: string }[] }), version: '2027.2' };
    delete ruleUnsourced.indicators[3]!.source;
    const refusedRule = await desk.call('reference.import', { kind: 'checklist', content: JSON.stringify(ruleUnsourced) });
    expect(refusedRule.ok ? refusedRule.value : refusedRule.error.message).toMatch(/indicators\[3\]\.source: name where this rule and its weight come from/);
    expect((await desk.must('reference.current', {})).versions.checklist).toBe('2026.6');
  });
});
