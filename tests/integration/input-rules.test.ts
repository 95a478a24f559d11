// Input an attacker at the desk would try (issue #16, finding 9): blank and common passwords, and a clear
// decision carrying a legal ground of any text.
import { afterEach, describe, expect, it } from 'vitest';
import { generateMrz } from '../../shared/mrz';
import { ADMIN, DESK_CODES, openDeskWithAdmin, openTestDesk, type TestDesk } from './core-harness';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('passwords', () => {
  it('refuses a blank or common password at setup, for a new officer and on reset', async () => {
    desk = await openTestDesk();
    for (const password of [' '.repeat(10), 'password123', 'qwertyuiop', '1234567890', 'indonesia123', 'rahasia12345']) {
      const refused = await desk.call('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES, password });
      expect([password, refused]).toMatchObject([password, { ok: false, error: { code: 'invalid_input', field: 'password', reason: 'passwordTooWeak' } }]);
    }
    // The officer's own name or number with digits is as weak.
    expect(await desk.call('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES, password: `${ADMIN.officerNumber}2026` })).toMatchObject({ ok: false, error: { reason: 'passwordTooWeak' } });
    await desk.must('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES });
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    const officer = { name: 'Budi Santoso', officerNumber: 'BP-7', agency: 'BP3MI', role: 'officer', password: 'jakarta2026' } as const;
    expect(await desk.call('officers.create', officer)).toMatchObject({ ok: false, error: { reason: 'passwordTooWeak' } });
    const created = await desk.must('officers.create', { ...officer, password: 'kopi tubruk di pagi hari' });
    expect(await desk.call('officers.resetPassword', { officerId: created.id, password: ' '.repeat(12) })).toMatchObject({ ok: false, error: { reason: 'passwordTooWeak' } });
  }, 60_000);
});

describe('officer names', () => {
  it('refuses a name with a line break or another control character, for the first admin and a new officer, and makes no account', async () => {
    desk = await openTestDesk();
    const refused = { ok: false, error: { code: 'invalid_input', field: 'name', reason: 'nameControlCharacters' } };
    const hostile = ['Dewi\nLestari', 'Dewi\r\nLestari', 'Dewi\tLestari', 'Dewi\u0000', 'Dewi\u0085Lestari', 'Dewi\u2028Lestari', 'Dewi\u202Eirtsel', 'Dewi\u2066L\u2069', 'Dewi\u001b[31m'];
    for (const name of hostile) expect([name, await desk.call('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES, name })]).toMatchObject([name, refused]);
    await desk.must('setup.createFirstAdmin', { ...ADMIN, ...DESK_CODES });
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    const officer = { officerNumber: 'BP-8', agency: 'BP3MI', role: 'officer', password: 'kopi tubruk di pagi hari' } as const;
    for (const name of hostile) expect([name, await desk.call('officers.create', { ...officer, name })]).toMatchObject([name, refused]);
    expect((await desk.must('officers.list', {})).map((o) => o.officerNumber)).toEqual([ADMIN.officerNumber]);
    // What a name may hold: a comma, quotes, Arabic script with its joiners and marks; spaces at the ends are trimmed.
    for (const [i, name] of ['Siti, "Ina" Rahayu', 'عائشة بنت أحمد', 'می\u200Cخواهم \u200Fعلی', ' Budi Santoso\n'].entries()) {
      const made = await desk.must('officers.create', { ...officer, officerNumber: `BP-9${i}`, name });
      expect(made.name).toBe(name.trim());
    }
    // A desk's name, shown in the supervisors' lists and exported, takes the same rule.
    const deskRefused = { ok: false, error: { ...refused.error, field: 'deskName' } };
    for (const deskName of hostile) expect([deskName, await desk.call('settings.update', { deskName })]).toMatchObject([deskName, deskRefused]);
    expect((await desk.must('settings.update', { deskName: 'Meja Keberangkatan, "A"' })).deskName).toBe('Meja Keberangkatan, "A"');
  }, 60_000);
});

describe('a clear decision', () => {
  it('takes no legal ground of free text, nor one that does not support clearing', async () => {
    desk = await openDeskWithAdmin();
    const mrz = generateMrz('TD3', { documentCode: 'P', issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: 'LESTARI', secondaryIdentifier: 'SITI', documentNumber: 'C7654321', birthDate: '1990-01-01', sex: 'F', expiryDate: '2031-01-01' }).join('\n');
    const opened = await desk.must('cases.open', { source: 'manual', mrz });
    for (const legalGround of ['Anything I like to write here', 'UU18_2017_PMI_PROTECTION']) {
      const refused = await desk.call('cases.decide', { caseId: opened.id, outcome: 'clear', reasons: [], legalGround, note: '' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'legalGround', reason: 'groundNotForOutcome' } });
    }
  });
});
