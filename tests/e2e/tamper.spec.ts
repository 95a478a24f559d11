// Tamper evidence as a supervisor or admin meets it (issue #16, finding 3): a case row changed behind its events,
// a rehashed chain, a cut tail or a dropped trigger, done while the desk was off, is found at the next start and
// shown on the home screen; an officer sees no alarm.
import Database from 'better-sqlite3';
import { SITI_MRZ } from '../fixtures/travellers';
import { changeCaseRows, cutTail, dropEventsTrigger, rewriteAndRehash } from '../support/tamperings';
import { ADMIN, completeFirstRun, expect, signIn, signOut, test } from './desk-fixture';

const OFFICER = { name: 'Budi Santoso', officerNumber: 'BP-0001', agency: 'BP3MI', role: 'officer', password: 'petugas-pass-2026' } as const;

test('a case row changed while the desk was off is shown to the admin on the home screen at the next start', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  // No alarm on an untouched desk.
  await expect(page.getByTestId('integrity-alarm')).toHaveCount(0);
  const opened = await desk.core.dispatch('cases.open', { source: 'manual', mrz: SITI_MRZ });
  if (!opened.ok) throw new Error(opened.error.message);
  const caseId = (opened.value as { id: string }).id;
  const decided = await desk.core.dispatch('cases.decide', { caseId, outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Referred.' });
  expect(decided.ok).toBe(true);
  expect((await desk.core.dispatch('officers.create', OFFICER)).ok).toBe(true);

  // The desk is shut down; someone with a shell changes the decision in the file.
  const databasePath = desk.core.databasePath;
  await desk.host.close();
  desk.core.close();
  const raw = new Database(databasePath);
  changeCaseRows(raw);
  raw.close();

  await desk.start();
  await desk.open(page);
  await signIn(page, ADMIN.officerNumber, ADMIN.password);
  const alarm = page.getByTestId('integrity-alarm');
  await expect(alarm).toBeVisible({ timeout: 30_000 });
  await expect(alarm.getByRole('heading', { name: 'Catatan meja ini mungkin telah diubah' })).toBeVisible();
  // The officer reads what happened in the app's language; the core's technical account waits behind a click.
  await expect(alarm).toContainText(/Kasus PLM-\S+ tidak sesuai dengan riwayat kejadiannya: isinya telah diubah\./);
  const technical = alarm.getByText(/field\(s\) decision, note do not match its events/).first();
  await expect(technical).toBeHidden();
  await alarm.getByText('Rincian teknis').first().click();
  await expect(technical).toBeVisible();
  await shot(page, 'integrity-alarm');

  // An officer's home screen carries no alarm (the check's report is for supervisors and admins).
  await signOut(page);
  await signIn(page, OFFICER.officerNumber, OFFICER.password);
  await expect(page.getByRole('heading', { name: `Selamat bertugas, ${OFFICER.name}.` })).toBeVisible();
  await expect(page.getByTestId('integrity-alarm')).toHaveCount(0);
});

const OTHER_TAMPERINGS = [
  { what: 'an audit entry rewritten and every later hash recomputed', tamper: rewriteAndRehash, shown: /Log audit ditulis ulang: entri \d+ tidak sama/ },
  { what: 'the newest audit entries cut off', tamper: cutTail, shown: /Entri log audit setelah entri \d+ telah dipotong\./ },
  { what: 'an append-only trigger dropped', tamper: dropEventsTrigger, shown: /Pengaman yang membuat catatan tidak dapat diubah \(events_no_delete\)/ },
];

for (const { what, tamper, shown } of OTHER_TAMPERINGS) {
  test(`the admin is shown at the next start: ${what} while the desk was off`, async ({ page, desk, shot }) => {
    await desk.open(page);
    await completeFirstRun(page);
    const opened = await desk.core.dispatch('cases.open', { source: 'manual', mrz: SITI_MRZ });
    if (!opened.ok) throw new Error(opened.error.message);
    const decided = await desk.core.dispatch('cases.decide', { caseId: (opened.value as { id: string }).id, outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Referred.' });
    expect(decided.ok).toBe(true);
    const databasePath = desk.core.databasePath;
    await desk.host.close();
    desk.core.close();
    const raw = new Database(databasePath);
    tamper(raw);
    raw.close();

    await desk.start();
    await desk.open(page);
    await signIn(page, ADMIN.officerNumber, ADMIN.password);
    const alarm = page.getByTestId('integrity-alarm');
    await expect(alarm).toBeVisible({ timeout: 30_000 });
    await expect(alarm).toContainText(shown);
    await shot(page, `integrity-alarm-${tamper.name}`);
  });
}
