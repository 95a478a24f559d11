// The clarification case on the real core: open from an MRZ, history first, answers raising risk, decisions with
// their required reasons, ground and note, passport actions and countersignature, amendments, search, events.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateMrz } from '../../shared/mrz';
import { SITI_MRZ } from '../fixtures/travellers';
import { ADMIN, openDeskWithAdmin, type TestDesk } from './core-harness';
import { CLEAR_TOURIST } from '../fixtures/triage-answers';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

const IMIGRASI_OFFICER = { name: 'Agus Saputra', officerNumber: 'IMI-1', agency: 'IMIGRASI', role: 'officer', password: 'imigrasi-pass-1' } as const;
const IMIGRASI_SUPERVISOR = { name: 'Hendra Wijaya', officerNumber: 'IMI-SPV', agency: 'IMIGRASI', role: 'supervisor', password: 'supervisor-pass-1' } as const;

async function deskWithStaff(): Promise<TestDesk> {
  const opened = await openDeskWithAdmin();
  await opened.must('officers.create', IMIGRASI_OFFICER);
  await opened.must('officers.create', IMIGRASI_SUPERVISOR);
  return opened;
}

function rawDb(d: TestDesk): Database.Database {
  return new Database(d.core.databasePath, { readonly: true });
}

describe('cases', () => {
  it('opens a case from MRZ text with the traveller card, a readable case number and an event', async () => {
    desk = await openDeskWithAdmin();
    const opened = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ.toLowerCase() });
    expect(opened.caseNumber).toMatch(/^PLM-D01-\d{6}-0001$/);
    expect(opened.traveller).toMatchObject({ primaryIdentifier: 'LESTARI', secondaryIdentifier: 'SITI AMINAH', nationality: 'IDN', sex: 'F', birthDate: '1999-04-12' });
    expect(opened.status).toBe('open');
    expect(opened.risk.level).toBe('low');
    expect(opened.history).toEqual([]);
    const second = await desk.must('cases.open', { source: 'reader', mrz: SITI_MRZ });
    expect(second.caseNumber).toMatch(/-0002$/);
    const db = rawDb(desk);
    const events = db.prepare("SELECT type, device_seq FROM events WHERE type = 'case.opened' ORDER BY device_seq").all() as { device_seq: number }[];
    expect(events.map((e) => e.device_seq)).toEqual([1, 2]);
    db.close();
  });

  it('opens a passport with an unknown country code and a two-digit birth year from the future, and says so', async () => {
    desk = await openDeskWithAdmin();
    const odd = generateMrz('TD3', { documentCode: 'P', issuingState: 'ZZX', nationality: 'ZZX', primaryIdentifier: 'TEST', secondaryIdentifier: 'ODD', documentNumber: 'X1234567', birthDate: '2027-05-01', sex: 'M', expiryDate: '2031-01-01' });
    const opened = await desk.must('cases.open', { source: 'manual', mrz: odd.join('\n') });
    expect(opened.traveller.warnings).toContain('unknown_state');
    // YYMMDD has no century: a birth date cannot lie ahead, so '27' is read as 1927 and the age shows it.
    expect(opened.traveller.birthDate).toBe('1927-05-01');
    expect(opened.traveller.ageYears).toBe(99);
  });

  it('opens a card whose MRZ holds a date that does not exist, with the document at fault and the check digits right', async () => {
    desk = await openDeskWithAdmin();
    // The Czech ID card specimen: born 29 February 1979, every check digit right.
    const opened = await desk.must('cases.open', { source: 'manual', mrz: 'IDCZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<\n9900070281CZE7902295F15072290292<<<5' });
    expect(opened.traveller.warnings).toContain('impossible_field');
    expect(opened.traveller.warnings).not.toContain('check_digits');
    expect(opened.traveller.mrzErrors.map((e) => e.field)).toEqual(['birthDate']);
    // A typo in the same field breaks its check digit as well: both are said.
    const typo = await desk.must('cases.open', { source: 'manual', mrz: 'IDCZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<\n9900070281CZE7902395F15072290292<<<5' });
    expect(typo.traveller.warnings).toEqual(expect.arrayContaining(['check_digits', 'impossible_field']));
  });

  it('refuses text that is not an MRZ with a clear error and opens nothing', async () => {
    desk = await openDeskWithAdmin();
    const result = await desk.call('cases.open', { source: 'manual', mrz: 'hello <script>alert(1)</script>' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'mrz', reason: 'mrzUnreadable' } });
    expect(await desk.must('cases.search', {})).toEqual([]);
  });

  it('clears a traveller with no indicators, then shows that encounter first when the passport comes back', async () => {
    desk = await openDeskWithAdmin();
    const first = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    await desk.must('cases.recordAnswers', { caseId: first.id, answers: CLEAR_TOURIST });
    const cleared = await desk.must('cases.decide', { caseId: first.id, outcome: 'clear' });
    expect(cleared).toMatchObject({ status: 'decided', decision: 'clear' });
    const again = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    expect(again.history).toHaveLength(1);
    expect(again.history[0]).toMatchObject({ caseNumber: first.caseNumber, decision: 'clear', matchedBy: 'document', officerName: ADMIN.name });
  });

  it('requires reasons, a legal ground that fits, and a note for a Tunda, and raises risk from answers', async () => {
    desk = await openDeskWithAdmin();
    const opened = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    const answered = await desk.must('cases.recordAnswers', {
      caseId: opened.id,
      answers: {
        ...CLEAR_TOURIST,
        purpose: 'work',
        id_pmi: 'none',
        final_destination: 'onward_ticketed',
        destination_country: 'KHM',
        private_setting: 'separated',
        job_type: 'online_admin',
        job_found_via: 'social_media',
      },
    });
    expect(answered.risk.level).toBe('high');
    expect(answered.risk.indicators.map((i) => i.reasonCode)).toContain('NO_ID_PMI');
    const base = { caseId: opened.id, outcome: 'tunda' as const };
    expect(await desk.call('cases.decide', { ...base, legalGround: 'UU18_2017_PMI_PROTECTION', note: 'x' })).toMatchObject({ ok: false, error: { field: 'reasons' } });
    expect(await desk.call('cases.decide', { ...base, reasons: ['NO_ID_PMI'], note: 'x' })).toMatchObject({ ok: false, error: { field: 'legalGround' } });
    expect(await desk.call('cases.decide', { ...base, reasons: ['NO_ID_PMI'], legalGround: 'PERMENKUMHAM_8_2014_SUSPECT', note: 'x' })).toMatchObject({
      ok: false,
      error: { reason: 'groundNotForOutcome' },
    });
    expect(await desk.call('cases.decide', { ...base, reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION' })).toMatchObject({ ok: false, error: { field: 'note' } });
    expect(await desk.call('cases.decide', { ...base, reasons: ['MADE_UP'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'x' })).toMatchObject({ ok: false, error: { field: 'reasons' } });
    const note = `<img src=x onerror=alert(1)>'; DROP TABLE cases; -- ${'n'.repeat(9_900)}`;
    const decided = await desk.must('cases.decide', { ...base, reasons: ['NO_ID_PMI', 'NO_WORK_VISA'], legalGround: 'UU18_2017_PMI_PROTECTION', note });
    expect(decided.decisionDetail).toMatchObject({ outcome: 'tunda', note, legalGround: 'UU18_2017_PMI_PROTECTION' });
    // Decided means decided: the record changes only by amendment.
    expect(await desk.call('cases.decide', { caseId: opened.id, outcome: 'clear' })).toMatchObject({ ok: false, error: { reason: 'caseDecided' } });
    const again = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    expect(again.history[0]).toMatchObject({ decision: 'tunda', reasons: ['NO_ID_PMI', 'NO_WORK_VISA'] });
    expect(again.risk.indicators.map((i) => i.reasonCode)).toContain('EARLIER_HOLD');
  });

  it('lets only an Imigrasi officer take a passport action, which waits for an Imigrasi supervisor to countersign', async () => {
    desk = await deskWithStaff();
    const opened = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    const action = { caseId: opened.id, outcome: 'passport_action' as const, reasons: ['WATCH_LIST'], legalGround: 'PERMENKUMHAM_8_2014_PREVENTION_LIST', note: 'On the prevention list.' };
    // The admin is BP3MI: refused.
    expect(await desk.call('cases.decide', action)).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'passportActionImigrasiOnly' } });
    await desk.must('session.signIn', { officerNumber: IMIGRASI_OFFICER.officerNumber, password: IMIGRASI_OFFICER.password });
    const decided = await desk.must('cases.decide', action);
    expect(decided.status).toBe('awaiting_countersignature');
    expect(await desk.call('cases.countersign', { caseId: opened.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(await desk.call('cases.countersign', { caseId: opened.id })).toMatchObject({ ok: false, error: { reason: 'countersignImigrasiSupervisor' } });
    const waiting = await desk.must('cases.search', { status: 'awaiting_countersignature' });
    expect(waiting.map((c) => c.id)).toEqual([opened.id]);
    await desk.must('session.signIn', { officerNumber: IMIGRASI_SUPERVISOR.officerNumber, password: IMIGRASI_SUPERVISOR.password });
    const signed = await desk.must('cases.countersign', { caseId: opened.id });
    expect(signed.status).toBe('decided');
    expect(signed.decisionDetail).toMatchObject({ countersignedBy: IMIGRASI_SUPERVISOR.officerNumber, decidedBy: IMIGRASI_OFFICER.officerNumber });
  });

  it('amends without overwriting: the original stays visible with author and reason', async () => {
    desk = await openDeskWithAdmin();
    const opened = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    await desk.must('cases.decide', { caseId: opened.id, outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Original note' });
    const amended = await desk.must('cases.amend', { caseId: opened.id, field: 'note', value: 'Corrected note', reason: 'Typo in the shelter name' });
    expect(amended.decisionDetail?.note).toBe('Corrected note');
    expect(amended.amendments).toEqual([
      expect.objectContaining({ field: 'note', from: JSON.stringify('Original note'), to: JSON.stringify('Corrected note'), reason: 'Typo in the shelter name', author: ADMIN.officerNumber }),
    ]);
    const db = rawDb(desk);
    const decidedEvent = db.prepare("SELECT payload FROM events WHERE type = 'case.decided'").pluck().get() as string;
    expect(JSON.parse(decidedEvent).note).toBe('Original note');
    db.close();
    expect(await desk.call('cases.amend', { caseId: opened.id, field: 'legalGround', value: 'PERMENKUMHAM_8_2014_SUSPECT', reason: 'wrong' })).toMatchObject({ ok: false });
  });

  it('keeps contact details only with consent', async () => {
    desk = await openDeskWithAdmin();
    const opened = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    const decision = { caseId: opened.id, outcome: 'refer_bp3mi' as const, reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'n' };
    expect(await desk.call('cases.decide', { ...decision, contact: { phone: '0812 3456 7890', address: null, consent: false } })).toMatchObject({
      ok: false,
      error: { reason: 'contactNeedsConsent' },
    });
    const decided = await desk.must('cases.decide', { ...decision, contact: { phone: '0812 3456 7890', address: null, consent: true } });
    expect(decided.contact).toEqual({ phone: '0812 3456 7890', address: null, consent: true });
  });

  it('audits every opening of a case, and finds cases by document, name prefix, decision and date', async () => {
    desk = await openDeskWithAdmin();
    const opened = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    await desk.must('cases.get', { caseId: opened.id });
    await desk.must('cases.get', { caseId: opened.caseNumber });
    const views = (await desk.must('audit.recent', { limit: 50 })).filter((e) => e.action === 'case.viewed');
    expect(views).toHaveLength(2);
    expect((await desk.must('cases.search', { documentNumber: 'c1234567' })).map((c) => c.id)).toEqual([opened.id]);
    expect((await desk.must('cases.search', { name: 'lest' })).map((c) => c.id)).toEqual([opened.id]);
    expect(await desk.must('cases.search', { name: 'SITI_MRZ' })).toEqual([]);
    expect((await desk.must('cases.search', { decision: 'undecided' })).length).toBe(1);
    expect(await desk.must('cases.search', { decision: 'clear' })).toEqual([]);
    expect(await desk.must('cases.search', { from: '2099-01-01' })).toEqual([]);
  });

  it('refuses a bad checklist file with every problem listed, and keeps the version in use', async () => {
    desk = await openDeskWithAdmin();
    const before = await desk.must('reference.current', {});
    const bad = JSON.stringify({ version: '', title: { id: 'x' }, questions: [{ id: 'a', type: 'single', text: { id: 'A', en: 'A' } }], indicators: [], rules: {} });
    const refused = await desk.call('reference.import', { kind: 'checklist', content: bad });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.reason).toBe('referenceFileRefused');
    expect(refused.error.problems!.length).toBeGreaterThan(2);
    expect(await desk.call('reference.import', { kind: 'checklist', content: '{not json' })).toMatchObject({ ok: false, error: { problems: [expect.stringMatching(/JSON/)] } });
    expect((await desk.must('reference.current', {})).versions).toEqual(before.versions);
  });

  it('shows watch-list hits for a listed document number', async () => {
    desk = await openDeskWithAdmin();
    const watchList = { version: 'w-1', entries: [{ kind: 'document', value: 'C1234567', note: 'Recruited by a scam compound', source: 'BP3MI Sumsel 2026-10' }] };
    await desk.must('reference.import', { kind: 'watch_list', content: JSON.stringify(watchList) });
    const opened = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    expect(opened.watchListHits).toEqual([expect.objectContaining({ kind: 'document', value: 'C1234567' })]);
    expect(opened.risk.indicators.map((i) => i.reasonCode)).toContain('WATCH_LIST');
  });
});
