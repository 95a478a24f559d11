// Referral slips as a held traveller receives them: each layout saved as PDF from the real slip screen, read back
// with poppler (text) and @zxing/library (the QR code), kept as PNG in test-output/slips for people to look at;
// prints counted; a scanned slip opens its case.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LEGAL_GROUNDS, REASON_CODES, type Outcome } from '../../shared/checklist';
import type { CaseDetail } from '../../shared/contract';
import { generateMrz } from '../../shared/mrz';
import { completeFirstRun, expect, test, type Desk } from './desk-fixture';
import { deviceTypes } from './queue-tools';
import { decodeQr, pdfPageCount, pdfPageSizeMm, pdfText, pdfToPng } from './slip-tools';

const OUT = join(process.cwd(), 'test-output', 'slips');
const MRZ = generateMrz('TD3', {
  documentCode: 'P',
  issuingState: 'IDN',
  nationality: 'IDN',
  primaryIdentifier: 'KURNIASARI',
  secondaryIdentifier: 'DEWI AYU',
  documentNumber: 'C7771234',
  birthDate: '2001-07-17',
  sex: 'F',
  expiryDate: '2030-03-03',
}).join('\n');

async function heldCase(desk: Desk, decision: { reasons: string[]; note: string }): Promise<CaseDetail> {
  const opened = await desk.core.dispatch('cases.open', { source: 'manual', mrz: MRZ });
  if (!opened.ok) throw new Error(opened.error.message);
  const caseId = (opened.value as CaseDetail).id;
  const decided = await desk.core.dispatch('cases.decide', { caseId, outcome: 'tunda', legalGround: 'UU18_2017_PMI_PROTECTION', ...decision });
  if (!decided.ok) throw new Error(decided.error.message);
  return decided.value as CaseDetail;
}

async function openSlip(page: Page, caseNumber: string): Promise<void> {
  await page.getByRole('button', { name: /^Tinjauan & pencarian/ }).click();
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await page.getByTestId('search-results').getByRole('row', { name: new RegExp(caseNumber) }).getByRole('button', { name: 'Buka' }).click();
  await page.getByRole('button', { name: 'Cetak surat rujukan' }).click();
  await expect(page.getByTestId('slip')).toBeVisible();
}

async function savePdf(page: Page, name: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return path;
}

test('a held traveller\'s slip in A5, A4 and on the 80 mm roll: text, paper size and QR code', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  const detail = await heldCase(desk, { reasons: ['NO_ID_PMI', 'NOT_PLACEMENT_COUNTRY'], note: 'Akan bekerja sebagai admin daring di Kamboja.' });
  await openSlip(page, detail.caseNumber);
  await shot(page, 'slip-screen');
  const expectedSize = { A5: { width: 148, height: 210 }, A4: { width: 210, height: 297 } } as const;
  for (const layout of ['A5', 'A4', 'ROLL80'] as const) {
    await page.getByLabel('Ukuran kertas').selectOption(layout);
    const pdf = await savePdf(page, `held-${layout}`);
    const text = pdfText(pdf);
    expect(text).toContain(detail.caseNumber);
    expect(text).toContain('KURNIASARI, DEWI AYU');
    expect(text).toContain('Keberangkatan ditunda');
    expect(text).toContain('Departure delayed');
    expect(text).toContain('UU No. 18 Tahun 2017');
    // The document number is masked by default.
    expect(text).toContain('C7••••34');
    expect(text).not.toContain('C7771234');
    const size = pdfPageSizeMm(pdf);
    if (layout === 'ROLL80') expect(size.width).toBe(80);
    else expect(size).toEqual(expectedSize[layout]);
    // A scanner is held over the QR code, not over the whole 40 cm roll.
    expect(decodeQr(pdfToPng(pdf, 150, layout === 'ROLL80' ? 100 : undefined))).toBe(detail.caseNumber);
  }
});

test('a 200-character name wraps and continues, never clips; thirty reasons and an Arabic note stay in the case, off the slip', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  const thirty = REASON_CODES.slice(0, 30).map((r) => r.code);
  expect(thirty).toHaveLength(30);
  const note = `${'ملاحظة الضابط: المسافرة تحتاج إلى مساعدة 🙏🏽 '.repeat(12)}ENDOFNOTE`;
  const detail = await heldCase(desk, { reasons: thirty, note });
  // An MRZ holds at most 39 name characters; the slip must still cope with a longer name from elsewhere,
  // so this test lengthens the name in the core's answer on its way to the page.
  const longName = `${'SITI NURHALIZA BINTI ABDULLAH '.repeat(6).padEnd(195, 'X')}AKHIR`;
  expect(longName).toHaveLength(200);
  await page.route('**/rpc/slips.get', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: { slip: { travellerName: string } } };
    body.value.slip.travellerName = longName;
    await route.fulfill({ response, json: body });
  });
  await openSlip(page, detail.caseNumber);
  for (const layout of ['A5', 'A4', 'ROLL80'] as const) {
    await page.getByLabel('Ukuran kertas').selectOption(layout);
    const pdf = await savePdf(page, `long-${layout}`);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    // The whole name arrives on paper; the reasons and the note never do (the slip gives one neutral reason).
    expect(text).not.toContain(REASON_CODES[29]!.text.id.split(' ').slice(0, 3).join(' '));
    expect(text).not.toContain('ENDOFNOTE');
    expect(text).toContain('Perlu klarifikasi lanjutan');
    expect(text).toContain('AKHIR');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    pdfToPng(pdf);
  }
  await shot(page, 'long-slip-screen');
});

test('the slip of a coached victim referred to the police is safe to hand over in front of a recruiter', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  const opened = await desk.core.dispatch('cases.open', { source: 'manual', mrz: MRZ });
  if (!opened.ok) throw new Error(opened.error.message);
  // A coached victim as the interview records her: observations, control, debt, the scam route and a watch-list hit.
  const reasons = ['ANSWERED_BY_OTHER', 'OBSERVED_FEAR', 'COACHED', 'VISIBLE_INJURIES', 'DOCUMENTS_HELD_BY_OTHER', 'DEBT_BONDAGE', 'SCAM_ROUTE', 'WATCH_LIST', 'SUSPECTED_TPPO'];
  const note = 'Pendamping (calo) memegang paspor dan menjawab untuknya; ia tampak takut, memar di lengan. Tujuan sebenarnya Kamboja.';
  const decided = await desk.core.dispatch('cases.decide', { caseId: (opened.value as CaseDetail).id, outcome: 'refer_police', reasons, legalGround: 'UU21_2007_TPPO', note });
  if (!decided.ok) throw new Error(decided.error.message);
  const detail = decided.value as CaseDetail;
  await openSlip(page, detail.caseNumber);
  await shot(page, 'victim-slip-screen');
  const pdf = await savePdf(page, 'victim-A5');
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  expect(text).toContain(detail.caseNumber);
  expect(text).toContain('Perlu klarifikasi lanjutan');
  // The ground by instrument and article only: the prevention duty, never the offence (Pasal 4, 10) or Pasal 44.
  expect(text).toContain('Sesuai ketentuan Under the provision UU No. 21 Tahun 2007, Pasal 57');
  expect(text).not.toMatch(/Pasal (4|10|44)\b/);
  expect(text).toContain('0800-1000');
  for (const code of reasons) {
    const reason = REASON_CODES.find((r) => r.code === code);
    expect(text, code).not.toContain(reason?.text.id.split(' ').slice(0, 3).join(' '));
    expect(text, code).not.toContain(reason?.text.en.split(' ').slice(0, 3).join(' '));
  }
  expect(text).not.toMatch(/calo|takut|memar|Kamboja|perdagangan|trafficking|TPPO|korban|victim|polres|polisi|police|pengawasan|watch|luka|injur|dihafal|coach|afraid|utang|debt|belum dikonfigurasi|not yet set/i);
  expect(text).toContain('Klarifikasi lanjutan bersama petugas');
  expect(decodeQr(pdfToPng(pdf))).toBe(detail.caseNumber);
});

// Every legal ground in the data as the traveller's slip prints it, once for a Tunda and once for a referral where the
// ground may be cited for both (the three referrals print alike): instrument and article, never the ground's title,
// its full citation or a word that names the suspicion. Kept as PNG in test-output/slips/grounds-*.png to look at.
test('every Tunda and referral slip cites its ground by instrument and article only, naming no suspicion', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await desk.open(page);
  await completeFirstRun(page);
  const slips = LEGAL_GROUNDS.flatMap((ground) => {
    const referral = ground.outcomes.find((o): o is Outcome => o.startsWith('refer_'));
    return [...(ground.outcomes.includes('tunda') ? (['tunda'] as Outcome[]) : []), ...(referral ? [referral] : [])].map((outcome) => ({ ground, outcome }));
  });
  expect(slips.length).toBeGreaterThanOrEqual(12);
  for (const { ground, outcome } of slips) {
    const opened = await desk.core.dispatch('cases.open', { source: 'manual', mrz: MRZ });
    if (!opened.ok) throw new Error(opened.error.message);
    const note = 'Calo memegang paspor; tujuan sebenarnya Kamboja.';
    const decided = await desk.core.dispatch('cases.decide', { caseId: (opened.value as CaseDetail).id, outcome, reasons: ground.suggestedBy.slice(0, 3).concat('OTHER'), legalGround: ground.code, note });
    if (!decided.ok) throw new Error(`${ground.code} ${outcome}: ${decided.error.message}`);
    const detail = decided.value as CaseDetail;
    await openSlip(page, detail.caseNumber);
    const pdf = await savePdf(page, `grounds-${ground.code}-${outcome}`);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text, ground.code).toContain(detail.caseNumber);
    expect(text, ground.code).toContain(`Sesuai ketentuan Under the provision ${ground.instrument}`);
    expect(text, ground.code).not.toContain(ground.title.id);
    expect(text, ground.code).not.toContain(ground.title.en);
    // A law's full name ("tentang Pemberantasan Tindak Pidana Perdagangan Orang") names the suspicion: never printed.
    const lawName = / tentang ([^,(;]+)/.exec(ground.citation)?.[1];
    if (lawName !== undefined) expect(text, ground.code).not.toContain(lawName.trim());
    expect(text, `${ground.code} ${outcome}`).not.toMatch(/perdagangan|trafficking|TPPO|prosedural|procedural|dugaan|diduga|suspect|tersangka|korban|victim|pencegahan|prevent|penyidikan|investigat|calo|Kamboja|polres|polisi|police/i);
    pdfToPng(pdf, 100);
    await page.getByRole('button', { name: /Kembali ke beranda/ }).click();
  }
});

test('printing is counted with who printed, and a scanned slip opens its case', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  const detail = await heldCase(desk, { reasons: ['NO_CONTRACT'], note: 'Belum ada perjanjian kerja.' });
  await openSlip(page, detail.caseNumber);
  await expect(page.getByTestId('print-count')).toHaveText('Belum pernah dicetak.');
  await page.getByRole('button', { name: /^Cetak/ }).click();
  await expect(page.getByTestId('print-count')).toContainText('Dicetak 1 kali: Rina Kartika');
  await page.getByRole('button', { name: /Cetak ulang/ }).click();
  await expect(page.getByTestId('print-count')).toContainText('Dicetak 2 kali');
  // Saving as PDF (the browser's print window, "Save as PDF") is one more copy, counted as such.
  await page.getByRole('button', { name: 'Simpan sebagai PDF' }).click();
  await expect(page.getByTestId('print-count')).toContainText('Dicetak 3 kali');
  await expect(page.getByTestId('print-count')).toContainText(', PDF)');
  await shot(page, 'printed-twice');

  await page.getByRole('button', { name: /Kembali ke beranda/ }).click();
  // A USB scanner types the QR's text and Enter, far faster than a person: sent from inside the page at device speed
  // (Playwright's typing on a loaded machine is slower than a scanner, and the home screen would take it for a person).
  await deviceTypes(page, `${detail.caseNumber}\n`);
  await expect(page.getByTestId('case-number')).toHaveText(detail.caseNumber);
  await page.getByRole('button', { name: /Kembali ke beranda/ }).click();
  await deviceTypes(page, 'PLM-D09-991231-9999\n');
  await expect(page.getByRole('alert')).toHaveText('Meja ini belum memiliki kasus tersebut (mungkin belum tersinkron).');
  await shot(page, 'unknown-slip');
});

// A desk PC whose clock is set to another zone (here New York, where it is still the day before) prints the airport's
// time on the slip, labelled WIB: the core's process and the page both run in that zone for this test.
test.describe('on a PC set to New York time', () => {
  test.use({ timezoneId: 'America/New_York' });

  test("the slip prints the time in Palembang's zone, saying WIB", async ({ page, desk, shot }) => {
    const pcZone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // The desk's clock starts at 20:05 UTC on 3 December: 03:05 WIB on the 4th, 15:05 on the 3rd in New York.
      const started = Date.now();
      const at = Date.parse('2026-12-03T20:05:00Z');
      await desk.start({ now: () => new Date(at + (Date.now() - started)) });
      await desk.open(page);
      await completeFirstRun(page);
      expect(await page.evaluate(() => new Date(Date.parse('2026-12-03T20:05:00Z')).getHours())).toBe(15);
      expect(new Date(at).getHours()).toBe(15);
      const detail = await heldCase(desk, { reasons: ['NO_CONTRACT'], note: 'Belum ada perjanjian kerja.' });
      await openSlip(page, detail.caseNumber);
      await expect(page.getByTestId('slip-issued')).toHaveText(/^04\/12\/2026 03\.0[5-7] WIB$/);
      await shot(page, 'slip-wib');
      const pdf = await savePdf(page, 'time-zone-A5');
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      expect(text).toMatch(/04\/12\/2026 03\.0[5-7] WIB/);
      expect(text).not.toMatch(/15\.0[5-7]/);
      pdfToPng(pdf);
    } finally {
      if (pcZone === undefined) delete process.env.TZ;
      else process.env.TZ = pcZone;
    }
  });
});
