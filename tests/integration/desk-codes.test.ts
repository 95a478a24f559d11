// A desk's codes at first-run setup (#14): asked, never defaulted, checked by the contract; a desk set up before
// keeps the codes its case numbers already carry; the demo desk gets its own.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, DESK_CODES, openDeskWithAdmin, openTestDesk, type TestDesk } from './core-harness';
import { passport } from './sync/sync-harness';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

function raw(open: TestDesk, sql: string): void {
  const db = new Database(open.core.databasePath);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

describe('first-run setup asks for the desk codes', () => {
  it('refuses a setup without a desk code, or with codes a case number cannot carry, and creates nothing', async () => {
    desk = await openTestDesk();
    const { deskCode: _none, ...withoutDesk } = { ...ADMIN, ...DESK_CODES };
    expect(await desk.core.dispatch('setup.createFirstAdmin', withoutDesk)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'deskCode' } });
    const { airportCode: _noAirport, ...withoutAirport } = { ...ADMIN, ...DESK_CODES };
    expect(await desk.core.dispatch('setup.createFirstAdmin', withoutAirport)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'airportCode' } });
    for (const deskCode of ['', 'd01', 'D', 'D-1', 'D0001', 'D01 ', 'Ｄ01', 'D0\n']) {
      const refused = await desk.core.dispatch('setup.createFirstAdmin', { ...ADMIN, airportCode: 'PLM', deskCode });
      expect([deskCode, refused]).toMatchObject([deskCode, { ok: false, error: { code: 'invalid_input', field: 'deskCode' } }]);
    }
    for (const airportCode of ['', 'plm', 'PL', 'PLMX', 'P1M']) {
      const refused = await desk.core.dispatch('setup.createFirstAdmin', { ...ADMIN, airportCode, deskCode: 'D07' });
      expect([airportCode, refused]).toMatchObject([airportCode, { ok: false, error: { code: 'invalid_input', field: 'airportCode' } }]);
    }
    expect((await desk.must('app.info', {})).setupNeeded).toBe(true);
    const db = new Database(desk.core.databasePath, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM settings WHERE key IN ('deskCode', 'airportCode')").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM officers').pluck().get()).toBe(0);
    db.close();
  });

  it('keeps the codes given at setup, and the first case carries them', async () => {
    desk = await openDeskWithAdmin({}, undefined, ADMIN, { airportCode: 'CGK', deskCode: 'T3A' });
    expect(await desk.must('settings.get', {})).toMatchObject({ airportCode: 'CGK', deskCode: 'T3A' });
    const opened = await desk.must('cases.open', { source: 'manual', mrz: passport('C1000001') });
    expect(opened.caseNumber).toMatch(/^CGK-T3A-\d{6}-0001$/);
    const db = new Database(desk.core.databasePath, { readonly: true });
    const audited = db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'settings.updated'").all();
    db.close();
    expect(audited).toEqual([{ actor: ADMIN.officerNumber, detail: JSON.stringify({ changes: { airportCode: 'CGK', deskCode: 'T3A' } }) }]);
  });
});

describe('a desk set up before the codes were asked', () => {
  it("keeps D01 (the former default) when its settings never named a code, and a code its admin set stays", async () => {
    desk = await openDeskWithAdmin({});
    const before = await desk.must('cases.open', { source: 'manual', mrz: passport('C1000002') });
    // As a desk of the version before: the default was not stored, and migration 14 had not run.
    desk.core.close();
    raw(desk, "DELETE FROM settings WHERE key IN ('deskCode', 'airportCode'); DELETE FROM schema_migrations WHERE version = 14;");
    const again = await openTestDesk({}, desk.dataDir);
    desk = again;
    await again.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(await again.must('settings.get', {})).toMatchObject({ airportCode: 'PLM', deskCode: 'D01' });
    const after = await again.must('cases.open', { source: 'manual', mrz: passport('C1000003') });
    expect([before.caseNumber.slice(0, 8), after.caseNumber.slice(0, 8)]).toEqual(['PLM-D01-', 'PLM-D01-']);

    // One whose admin had set D05 keeps D05.
    again.core.close();
    raw(again, `UPDATE settings SET value = '"D05"' WHERE key = 'deskCode'; DELETE FROM settings WHERE key = 'airportCode'; DELETE FROM schema_migrations WHERE version = 14;`);
    desk = await openTestDesk({}, again.dataDir);
    await desk.must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    expect(await desk.must('settings.get', {})).toMatchObject({ airportCode: 'PLM', deskCode: 'D05' });
  });

  it('gives a desk not yet set up no code: setup asks for it', async () => {
    desk = await openTestDesk();
    desk.core.close();
    raw(desk, 'DELETE FROM schema_migrations WHERE version = 14;');
    desk = await openTestDesk({}, desk.dataDir);
    const db = new Database(desk.core.databasePath, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM settings WHERE key = 'deskCode'").pluck().get()).toBe(0);
    db.close();
  });

  it('seeds the demo desk with its codes as setup would', async () => {
    desk = await openTestDesk({ demo: true });
    await desk.must('session.signIn', { officerNumber: 'DEMO-ADMIN', password: 'demo-admin-2026' });
    expect(await desk.must('settings.get', {})).toMatchObject({ airportCode: 'PLM', deskCode: 'D01' });
  });
});
