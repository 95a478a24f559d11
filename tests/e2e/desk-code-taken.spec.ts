// A desk used as D01 before enrolment, while another desk is enrolled as D01 (#14): the hub refuses its enrolment,
// and the settings screen says which of its cases and which desk, in the officer's language; nothing changes.
import type { Page } from '@playwright/test';
import { completeFirstRun, expect, test } from './desk-fixture';
import { MANUAL_SYNC, must, startDesk, startPgHub, type E2eDesk, type PgHub } from './hub-tools';
import { passport } from './queue-tools';

/** The test traveller's typed MRZ (only the passport number varies). */
const wulandari = (documentNumber: string) => passport(documentNumber, 'WULANDARI', 'SRI', '1998-07-21').join('\n');

const WORDS = {
  id: { address: 'Alamat hub', code: 'Kode pendaftaran sekali pakai', enroll: 'Daftarkan meja' },
  en: { address: 'Hub address', code: 'One-time enrollment code', enroll: 'Enroll this desk' },
};

async function enrollOnScreen(page: Page, hubUrl: string, code: string, language: 'id' | 'en' = 'id'): Promise<void> {
  const words = WORDS[language];
  await page.getByLabel(words.address).fill(hubUrl);
  await page.getByLabel(words.code).fill(code);
  await page.getByRole('button', { name: words.enroll }).click();
}

test("a desk whose cases carry another desk's code is refused at enrolment, and the settings screen says which cases and which desk", async ({ page, shot }) => {
  test.setTimeout(180_000);
  let hubs: PgHub | undefined;
  const desks: E2eDesk[] = [];
  try {
    hubs = await startPgHub();
    const hub = hubs.hub!;
    const d1 = await startDesk({ syncTiming: MANUAL_SYNC });
    const d2 = await startDesk({ syncTiming: MANUAL_SYNC });
    desks.push(d1, d2);
    await must(d1.core, 'setup.createFirstAdmin', { name: 'Dedi Admin', officerNumber: 'ADM-D01', agency: 'BP3MI', password: 'admin-password-2', airportCode: 'PLM', deskCode: 'D01' });
    await must(d1.core, 'session.signIn', { officerNumber: 'ADM-D01', password: 'admin-password-2' });
    await must(d1.core, 'sync.enroll', { hubUrl: hub.url, code: (await hub.services.desks.createDesk('PLM', 'D01', 'Meja Gerbang')).code });

    // Desk 2 was also set up as D01 and has recorded two cases before anyone enrolled it.
    await page.goto(d2.host.launchUrl);
    await completeFirstRun(page);
    for (const document of ['E7100001', 'E7100002']) await must(d2.core, 'cases.open', { source: 'manual', mrz: wulandari(document) });
    await page.getByRole('button', { name: /Pengaturan meja/ }).click();
    await expect(page.getByRole('heading', { name: 'Hub sinkronisasi' })).toBeVisible();
    const { code } = await hub.services.desks.createDesk('PLM', 'D02', 'Meja 2');
    await enrollOnScreen(page, hub.url, code);
    await expect(page.getByRole('alert')).toHaveText(
      'Hub menolak pendaftaran: kode meja pada nomor PLM-D01-… sudah dipakai oleh meja PLM-D01 "Meja Gerbang", dan meja ini punya 2 kasus bernomor demikian. Nomor kasus tidak pernah diubah; tidak ada yang berubah di meja ini. Hubungi admin hub.',
    );
    await expect(page.getByTestId('sync-state')).toHaveText('Sinkronisasi belum dikonfigurasi');
    await expect(page.getByLabel('Kode meja (untuk nomor kasus)')).toHaveValue('D01');
    await shot(page, 'desk-code-taken');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await enrollOnScreen(page, hub.url, code, 'en');
    await expect(page.getByRole('alert')).toContainText('is already used by desk PLM-D01 "Meja Gerbang"');
    await shot(page, 'desk-code-taken-english');
  } finally {
    for (const desk of desks) await desk.close();
    await hubs?.close();
  }
});
