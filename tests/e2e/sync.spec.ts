// Sync end to end in Chromium: a hub on a throwaway PostgreSQL cluster and two desks (two cores, two browser hosts)
// on this machine. Desk 1 is enrolled from its settings screen; a traveller held at desk 1 opens at desk 2 with
// the hold at the top of the history, and desk 1's slip number scanned at desk 2 opens the case; desk 1's watch list
// reaches desk 2, whose diagnostics say when reference data last synced; the header's sync state follows the hub
// through a stop and a start; a hub change that would take away a desk's last admin is refused there, and the header's
// notice of it stays until an admin has marked it seen.
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type DeskCore } from '../../electron/core';
import { startHub, type RunningHub } from '../../server/hub';
import { createLogger } from '../../server/logger';
import type { ReferenceItem } from '../../shared/contract/sync';
import { ADMIN, completeFirstRun, expect, test } from './desk-fixture';
import { MANUAL_SYNC, must, startDesk, startPgHub, type E2eDesk, type PgHub } from './hub-tools';
import { deviceTypes, passport } from './queue-tools';

/** One sync round of a desk, asked for and waited for (sync.now answers when a round started after the ask has ended); fails unless it ended in this state. */
async function syncedTo(core: DeskCore, state: 'idle' | 'offline' | 'revoked'): Promise<void> {
  const result = (await core.dispatch('sync.now', {})) as { ok: boolean; value?: { state: string } };
  expect(result).toMatchObject({ ok: true, value: { state } });
}

/** The test traveller's typed MRZ (only the passport number varies). */
const wulandari = (documentNumber: string) => passport(documentNumber, 'WULANDARI', 'SRI', '1998-07-21').join('\n');

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Pengaturan meja/ }).click();
  await expect(page.getByRole('heading', { name: 'Hub sinkronisasi' })).toBeVisible();
}

test('two desks and a hub: enroll on the settings screen, a hold at desk 1 in desk 2, the header through a hub stop and start', async ({ page, browser, shot }) => {
  test.setTimeout(240_000);
  let hubs: PgHub | undefined;
  const desks: E2eDesk[] = [];
  try {
    hubs = await startPgHub();
    let hub = hubs.hub!;
    const d1 = await startDesk();
    const d2 = await startDesk();
    desks.push(d1, d2);

    // Desk 1: first run, then the admin enrolls the desk on the settings screen.
    await page.goto(d1.host.launchUrl);
    await completeFirstRun(page);
    await expect(page.getByTestId('sync-state')).toHaveText('Sinkronisasi belum dikonfigurasi');
    await openSettings(page);
    const badCode = 'SALAH-KODE-1234';
    await page.getByLabel('Alamat hub').fill(hub.url);
    await page.getByLabel('Kode pendaftaran sekali pakai').fill(badCode);
    await page.getByRole('button', { name: 'Daftarkan meja' }).click();
    await expect(page.getByRole('alert')).toContainText('Hub menolak kode ini');
    await shot(page, '1-code-refused');
    const { code } = await hub.services.desks.createDesk('PLM', 'D01', 'Meja 1');
    await page.getByLabel('Kode pendaftaran sekali pakai').fill(code);
    await page.getByRole('button', { name: 'Daftarkan meja' }).click();
    await expect(page.getByText('Meja terdaftar di hub.')).toBeVisible();
    await expect(page.getByTestId('hub-url')).toHaveText(hub.url);
    await expect(page.getByTestId('sync-state')).toHaveText(/^Tersinkron \d{2}[.:]\d{2}$/);
    await shot(page, '2-enrolled');
    // The credential never reaches the page.
    expect(await page.content()).not.toMatch(/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}/);

    // Desk 2 is set up and enrolled by its admin too (through the same core procedures).
    await d2.core.dispatch('setup.createFirstAdmin', { name: 'Dedi Admin', officerNumber: 'ADM-D02', agency: 'BP3MI', password: 'admin-password-2', airportCode: 'PLM', deskCode: 'D02' });
    await d2.core.dispatch('session.signIn', { officerNumber: 'ADM-D02', password: 'admin-password-2' });
    const { code: code2 } = await hub.services.desks.createDesk('PLM', 'D02', 'Meja 2');
    expect(await d2.core.dispatch('sync.enroll', { hubUrl: hub.url, code: code2 })).toMatchObject({ ok: true });

    // Desk 1 holds a traveller (Tunda) through its screens.
    await page.getByRole('button', { name: /Kembali ke beranda/ }).click();
    await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
    await page.getByLabel('Baris MRZ').fill(wulandari('E7000001'));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('history')).toBeVisible();
    const opened = (await d1.core.dispatch('cases.search', { documentNumber: 'E7000001' })) as { ok: true; value: { id: string; caseNumber: string }[] };
    const held = opened.value[0]!;
    expect(
      await d1.core.dispatch('cases.decide', { caseId: held.id, outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tanpa ID PMI' }),
    ).toMatchObject({ ok: true });
    // Desk 1's admin imports a watch list: it reaches desk 2 through the hub (#14 reference data).
    const watchList = { version: 'w-e2e-1', entries: [{ kind: 'document', value: 'E7000009', note: 'Perekrut', source: 'BP3MI Sumsel' }] };
    expect(await d1.core.dispatch('reference.import', { kind: 'watch_list', content: JSON.stringify(watchList) })).toMatchObject({ ok: true });
    // Desk 1 pushes the hold and the list, then desk 2 pulls them (each a sync round asked for and waited for).
    await syncedTo(d1.core, 'idle');
    await expect(page.getByTestId('sync-state')).toHaveText(/^Tersinkron/);
    await syncedTo(d2.core, 'idle');
    expect(await d2.core.dispatch('cases.get', { caseId: held.caseNumber })).toMatchObject({ ok: true });
    expect(await d2.core.dispatch('reference.current', {})).toMatchObject({ ok: true, value: { versions: { watchList: 'w-e2e-1' } } });

    // Desk 2, in its own browser page: the same passport opens with desk 1's hold at the top of the history.
    const page2 = await browser.newPage();
    await page2.goto(d2.host.launchUrl);
    await expect(page2.getByTestId('sync-state')).toHaveText(/^Tersinkron/);
    await page2.getByRole('button', { name: /Pemeriksaan baru/ }).click();
    await page2.getByLabel('Baris MRZ').fill(wulandari('E7000001'));
    await page2.keyboard.press('Enter');
    const history = page2.getByTestId('history');
    await expect(history).toContainText('Tunda keberangkatan');
    await expect(history).toContainText('Meja 1');
    await expect(history).toContainText(ADMIN.name);
    await shot(page2, '3-desk2-history');
    // Desk 2's diagnostics say when reference data last came from the hub, and desk 1's watch list is in use.
    await page2.getByRole('button', { name: /Kembali ke beranda/ }).click();
    await page2.getByRole('button', { name: /Diagnostik meja/ }).click();
    const reference = page2.getByTestId('diagnostics-reference');
    await expect(reference).toContainText(/Sinkron terakhir: \d/);
    await expect(reference).toContainText('daftar pantauan w-e2e-1');
    await expect(reference).toContainText('Tidak ada data referensi yang ditolak');
    await shot(page2, '3b-desk2-reference-data');
    // Desk 1's slip (its case number in the QR code) scanned at desk 2 opens desk 1's case.
    await page2.getByRole('button', { name: /Kembali ke beranda/ }).click();
    // A scanner types faster than a person: sent from inside the page at device speed (Playwright's typing on a
    // loaded machine is slower than a scanner, and the home screen would take it for a person).
    await deviceTypes(page2, `${held.caseNumber}\n`);
    await expect(page2.getByText(held.caseNumber).first()).toBeVisible();
    await expect(page2.getByTestId('decision')).toHaveText('Tunda keberangkatan');
    await shot(page2, '4-desk1-slip-at-desk2');
    await page2.close();

    // The hub stops: desk 1 says since when it is offline, and how much waits.
    await hubs.stop();
    await syncedTo(d1.core, 'offline');
    await expect(page.getByTestId('sync-state')).toHaveText(/^Luring sejak \d{2}[.:]\d{2}/);
    expect(await d1.core.dispatch('cases.decide', { caseId: held.id, outcome: 'clear' })).toMatchObject({ ok: false });
    await page.getByRole('button', { name: /Kembali ke beranda/ }).click();
    await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
    await page.getByLabel('Baris MRZ').fill(wulandari('E7000002'));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('history')).toBeVisible();
    await syncedTo(d1.core, 'offline');
    await expect(page.getByTestId('sync-state')).toHaveText(/^Luring sejak .* · 1 menunggu$/);
    await shot(page, '5-offline-pending');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByTestId('sync-state')).toHaveText(/^Offline since .* · 1 waiting$/);
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    // The hub starts again on the same address: the header comes back to synced with nothing waiting.
    hub = await hubs.start();
    await page.getByTestId('sync-now').click();
    await syncedTo(d1.core, 'idle');
    await expect(page.getByTestId('sync-state')).toHaveText(/^Tersinkron \d{2}[.:]\d{2}$/);
    await shot(page, '6-back-online');

    // Revoked: at its next sync the header says so, and why, and offers no "sync now".
    await hub.services.desks.revoke('PLM', 'D01');
    await syncedTo(d1.core, 'revoked');
    await expect(page.getByTestId('sync-state')).toHaveText('Dicabut oleh hub · daftarkan lagi dengan kode baru di Pengaturan meja');
    await expect(page.getByTestId('sync-now')).toHaveCount(0);
    await shot(page, '7-revoked');
  } finally {
    for (const desk of desks) await desk.close();
    await hubs?.close();
  }
});

// MANUAL_SYNC: the PLM desk has not pulled what CGK recorded when the case opens.

test('across airports: a hold at CGK shows at PLM from the hub before PLM has pulled it; a stopped hub is said so', async ({ page, desk, shot }) => {
  test.setTimeout(180_000);
  const hubDir = mkdtempSync(join(tmpdir(), 'meja-e2e-hub-'));
  const cgkDir = mkdtempSync(join(tmpdir(), 'meja-e2e-cgk-'));
  // The embedded hub (PGlite): the same hub code over the trial database.
  let hub: RunningHub | undefined = await startHub({ dataDir: hubDir, host: '127.0.0.1', port: 0, logger: createLogger('silent') });
  const cgk = await openCore({ dataDir: cgkDir, syncTiming: MANUAL_SYNC });
  try {
    await must(cgk, 'setup.createFirstAdmin', { name: 'Yuni Admin', officerNumber: 'ADM-CGK', agency: 'IMIGRASI', password: 'admin-password-3', airportCode: 'CGK', deskCode: 'T3A' });
    await must(cgk, 'session.signIn', { officerNumber: 'ADM-CGK', password: 'admin-password-3' });
    await must(cgk, 'sync.enroll', { hubUrl: hub.url, code: (await hub.services.desks.createDesk('CGK', 'T3A', 'Terminal 3 A')).code });

    await desk.start({ syncTiming: MANUAL_SYNC });
    await desk.open(page);
    await completeFirstRun(page);
    await must(desk.core, 'session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    await must(desk.core, 'sync.enroll', { hubUrl: hub.url, code: (await hub.services.desks.createDesk('PLM', 'D01', 'Meja 1')).code });
    // The sync that enrolling starts is over before CGK records anything.
    await must(desk.core, 'sync.now', {});

    const held = await must(cgk, 'cases.open', { source: 'manual', mrz: wulandari('E7100001') });
    await must(cgk, 'cases.decide', { caseId: held.id, outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tanpa ID PMI' });
    expect(await must(cgk, 'sync.now', {})).toMatchObject({ state: 'idle', pending: 0 });

    await page.reload();
    await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
    await page.getByLabel('Baris MRZ').fill(wulandari('E7100001'));
    await page.keyboard.press('Enter');
    const fromHub = page.getByTestId('hub-history');
    await expect(fromHub).toHaveAttribute('data-state', 'answered');
    await expect(fromHub).toContainText('CGK · meja T3A');
    await expect(fromHub).toContainText(String(held.caseNumber));
    await expect(fromHub).toContainText('Tunda keberangkatan');
    await expect(fromHub).toContainText('dari hub');
    await expect(page.getByTestId('history')).toHaveClass(/card-alert/);
    await shot(page, '1-hub-encounter-id');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(fromHub).toContainText('CGK · desk T3A');
    await expect(fromHub).toContainText('from the hub');
    await shot(page, '2-hub-encounter-en');
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    // The hub stops: the next case opens at once and says the hub could not be asked.
    await hub.close();
    hub = undefined;
    await page.getByRole('button', { name: /Kembali ke beranda/ }).click();
    await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
    await page.getByLabel('Baris MRZ').fill(wulandari('E7100002'));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('hub-history')).toHaveText(/^Hub tidak dapat ditanya/);
    await shot(page, '3-hub-unreachable-id');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByTestId('hub-history')).toHaveText(/^The hub could not be asked/);
    await shot(page, '4-hub-unreachable-en');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
  } finally {
    cgk.close();
    await hub?.close();
    rmSync(cgkDir, { recursive: true, force: true });
    rmSync(hubDir, { recursive: true, force: true });
  }
});

test("a desk keeps its last admin against the hub, and the refused notice stays until an admin has seen it", async ({ page, desk, shot }) => {
  test.setTimeout(180_000);
  const hubDir = mkdtempSync(join(tmpdir(), 'meja-e2e-hub-'));
  const hub = await startHub({ dataDir: hubDir, host: '127.0.0.1', port: 0, logger: createLogger('silent') });
  try {
    await desk.start({ syncTiming: MANUAL_SYNC });
    await desk.open(page);
    await completeFirstRun(page);
    await must(desk.core, 'session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
    await must(desk.core, 'sync.enroll', { hubUrl: hub.url, code: (await hub.services.desks.createDesk('PLM', 'D01', 'Meja 1')).code });
    await must(desk.core, 'sync.now', {});
    // A deactivation of this desk's only admin, as another desk's push could bring it (the hub's own command refuses it).
    const held = (await hub.services.reference.pull({ cursor: null })).items
      .map((r) => r.item)
      .find((item): item is Extract<ReferenceItem, { kind: 'officer' }> => item.kind === 'officer' && item.officerNumber === ADMIN.officerNumber)!;
    await hub.services.reference.push(null, [{ ...held, active: false, changedAt: new Date(Date.now() + 60_000).toISOString() }]);

    await page.reload();
    const header = page.getByTestId('sync-state');
    await page.getByTestId('sync-now').click();
    // The sync went through: the header says when, then what needs an admin.
    await expect(header).toHaveText(/^Tersinkron \d{2}[.:]\d{2} · sebagian data referensi ditolak; admin perlu melihatnya di Diagnostik meja$/);
    // Another round brings nothing new; the notice stays, and the admin is still signed in and active.
    expect(await must(desk.core, 'sync.now', {})).toMatchObject({ problem: { code: 'reference_refused' } });
    await expect(header).toContainText('sebagian data referensi ditolak');
    await shot(page, '1-notice-stays');

    await page.getByRole('button', { name: /Diagnostik meja/ }).click();
    const refused = page.getByTestId('diagnostics-reference-refused');
    await expect(refused).toContainText(`officer ${ADMIN.officerNumber}`);
    // Worded in the screen's language; the core's English account only behind "Rincian teknis".
    const problem = refused.locator('td[data-problem="last_admin"]');
    await expect(problem).toContainText(`${ADMIN.officerNumber} adalah admin aktif terakhir meja ini: tetap aktif di sini.`);
    const technical = problem.locator('details code');
    await expect(technical).toBeHidden();
    await problem.getByText('Rincian teknis').click();
    await expect(technical).toHaveText(/last active administrator: kept active here/);
    await expect(refused).toContainText('Belum dilihat admin');
    await shot(page, '2-diagnostics-open');
    await page.getByRole('button', { name: 'Tandai sudah dilihat (1)' }).click();
    await expect(refused).toContainText(`Dilihat ${ADMIN.officerNumber}`);
    await expect(page.getByRole('button', { name: /Tandai sudah dilihat/ })).toHaveCount(0);
    await expect(header).toHaveText(/^Tersinkron \d{2}[.:]\d{2}$/);
    await shot(page, '3-seen');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(refused).toContainText(`Seen by ${ADMIN.officerNumber}`);
    await expect(problem).toContainText(`${ADMIN.officerNumber} is this desk's last active administrator: kept active here.`);
    await shot(page, '4-seen-en');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    // The next sync keeps it quiet.
    expect(await must(desk.core, 'sync.now', {})).toMatchObject({ state: 'idle', problem: null });
  } finally {
    await hub.close();
    rmSync(hubDir, { recursive: true, force: true });
  }
});
