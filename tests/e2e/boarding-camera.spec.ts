// A boarding pass held up to the desk webcam on the case screen, end to end: Chromium is fed a video file of a
// printed pass (PDF417) or a phone's pass (QR) as its camera; once the officer switches the boarding-pass camera on
// in the onward-ticket question, the worker reads the barcode and the legs fill the onward tickets exactly as the
// desk scanner's do, in Indonesian and English. A QR code that is no boarding pass is said so.
import type { Page } from '@playwright/test';
import { generateMrz } from '../../shared/mrz';
import { encodePng } from '../../scripts/image-io';
import { codeFrame, smudgedCodeFrame, type GrayImage } from '../support/code-images';
import type { CodeFormat } from '../../shared/barcodes/read';
import { axeViolations, isBlocking } from '../support/axe';
import { completeFirstRun, expect, test } from './desk-fixture';
import { fakeCameraArgs, stillClip, withBrowser } from './camera-tools';

/** The through pass of interview.spec.ts: PLM→KUL, then KUL→PNH (IATA BCBP, two legs). */
const BOARDING_PASS = 'M2HANDAYANI/DEWI      EXK4P2Q PLMKULAK 1305 337Y012A0042 100' + 'XK4P2Q KULPNHAK 0542 338Y015C0043 100';

/** A clip of one webcam frame (by default the code in the middle); encoded again only when the picture changed. */
function clip(name: string, format: CodeFormat, text: string, frame: GrayImage = codeFrame(format, text)): string {
  return stillClip(name, encodePng(frame));
}
const PAPER_PASS = clip('boarding-pass-pdf417', 'pdf417', BOARDING_PASS);
const PHONE_PASS = clip('boarding-pass-qr', 'qr', BOARDING_PASS);
const NOT_A_PASS = clip('not-a-pass-qr', 'qr', 'https://checkin.example.com/?pnr=XK4P2Q');
const SMUDGED_PASS = clip('smudged-pass-pdf417', 'pdf417', BOARDING_PASS, smudgedCodeFrame('pdf417', BOARDING_PASS));

test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: fakeCameraArgs(PAPER_PASS) } });

const TRAVELLER = generateMrz('TD3', {
  documentCode: 'P', issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: 'HANDAYANI', secondaryIdentifier: 'DEWI',
  documentNumber: 'B2468013', birthDate: '1995-07-08', sex: 'F', expiryDate: '2031-05-06',
});

/** How long a test waits for the live camera to read: a loaded machine decodes the fake video slowly. */
const READING_WAIT = { timeout: 30_000 };

/** Types the passport, opens the case and answers up to the onward-ticket question (tourism, further on, Thailand). */
async function caseAtOnwardTickets(page: Page, labels: { newCase: RegExp; mrz: string; tourism: string; onward: string; country: string; resolved: string }): Promise<void> {
  await page.getByRole('button', { name: labels.newCase }).click();
  await page.getByLabel(labels.mrz).fill(TRAVELLER.join('\n'));
  await page.getByLabel(labels.mrz).press('Enter');
  await expect(page.getByTestId('case-number')).toBeVisible();
  // Answers chosen by their labels rather than keys: on a loaded machine a key can beat the focus to its question.
  await page.getByRole('radio', { name: labels.tourism, exact: true }).check();
  await page.getByRole('radio', { name: labels.onward, exact: true }).check();
  await page.getByLabel(labels.country, { exact: true }).fill('Thailand');
  await expect(page.getByTestId('q-destination_country-resolved')).toHaveText(labels.resolved);
}

test('a printed boarding pass held to the webcam fills the onward tickets as the scanner does (Indonesian)', async ({ page, desk, shot }) => {
  await desk.open(page);
  await completeFirstRun(page);
  await caseAtOnwardTickets(page, { newCase: /Pemeriksaan baru/, mrz: 'Baris MRZ', tourism: 'Wisata atau liburan', onward: 'Lebih jauh, tiket lanjutan sudah ada', country: 'Negara tujuan akhir', resolved: 'Thailand (THA)' });
  // The camera is off until asked: no stream, no barcode decoding.
  await expect(page.getByTestId('q-onward_airports-camera-state')).toHaveCount(0);
  const toggle = page.getByRole('button', { name: 'Baca boarding pass dengan kamera' });
  await toggle.click();
  await expect(page.getByTestId('q-onward_airports-pass-message')).toHaveText('Boarding pass dibaca: PLM→KUL, KUL→PNH', READING_WAIT);
  await expect(page.getByTestId('q-onward_airports-camera-state')).toHaveText('Kode boarding pass terbaca ✓');
  await expect(page.getByLabel(/Ke mana tiket lanjutannya/)).toHaveValue('KUL PNH');
  await expect(page.getByTestId('q-onward_airports-resolved')).toContainText('Tiket berakhir di Kamboja');
  await expect(page.getByTestId('risk')).toContainText('Tiket lanjutan berakhir di negara rute perdagangan orang');
  console.log(`boarding-pass camera: ${await page.getByTestId('q-onward_airports-camera-state').getAttribute('data-ms-per-frame')} ms per frame`);
  await shot(page, '1-pass-read-by-the-camera');
  // The preview and its state line add no serious or critical accessibility problem to the case screen.
  expect((await axeViolations(page)).filter(isBlocking).map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Stored as the officer's answer, as a scanned pass is.
  const caseNumber = (await page.getByTestId('case-number').textContent())!;
  await expect
    .poll(async () => {
      const stored = await desk.core.dispatch('cases.get', { caseId: caseNumber });
      return stored.ok ? (stored.value as { answers: Record<string, unknown> }).answers.onward_airports : undefined;
    })
    .toEqual(['KUL', 'PNH']);

  // Switched off, the camera stops: its track ends.
  await page.locator('.pass-camera video').evaluate((video: HTMLVideoElement) => {
    const stream = video.srcObject;
    if (stream instanceof MediaStream) Object.assign(window, { passTrack: stream.getVideoTracks()[0] });
  });
  await page.getByRole('button', { name: 'Matikan kamera boarding pass' }).click();
  await expect(page.getByTestId('q-onward_airports-camera-state')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { passTrack?: MediaStreamTrack }).passTrack?.readyState)).toBe('ended');
  await expect(page.getByRole('button', { name: 'Baca boarding pass dengan kamera' })).toBeVisible();
  // The desk remembers the choice for its next cases.
  expect(await page.evaluate(() => localStorage.getItem('meja-klarifikasi.camera.boardingPass'))).toBe('off');
});

test('a phone boarding pass (QR) held to the webcam fills the onward tickets (English)', async ({ playwright, desk, shot }) => {
  await withBrowser(playwright, fakeCameraArgs(PHONE_PASS), async (page) => {
    await desk.open(page);
    await completeFirstRun(page);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await caseAtOnwardTickets(page, { newCase: /New clarification/, mrz: 'MRZ lines', tourism: 'Tourism or holiday', onward: 'Further on, with an onward ticket', country: 'Final destination country', resolved: 'Thailand (THA)' });
    await page.getByRole('button', { name: 'Read the boarding pass with the camera' }).click();
    await expect(page.getByTestId('q-onward_airports-pass-message')).toHaveText('Boarding pass read: PLM→KUL, KUL→PNH', READING_WAIT);
    await expect(page.getByTestId('q-onward_airports-camera-state')).toHaveText('Boarding pass code read ✓');
    await expect(page.getByTestId('q-onward_airports-resolved')).toContainText('The tickets end in Cambodia');
    await shot(page, '2-phone-pass-read-in-english');
  });
});

test('a QR code that is no boarding pass is said so, and the onward tickets stay as typed', async ({ playwright, desk, shot }) => {
  await withBrowser(playwright, fakeCameraArgs(NOT_A_PASS), async (page) => {
    await desk.open(page);
    await completeFirstRun(page);
    await caseAtOnwardTickets(page, { newCase: /Pemeriksaan baru/, mrz: 'Baris MRZ', tourism: 'Wisata atau liburan', onward: 'Lebih jauh, tiket lanjutan sudah ada', country: 'Negara tujuan akhir', resolved: 'Thailand (THA)' });
    await page.getByLabel(/Ke mana tiket lanjutannya/).fill('KUL BKK');
    await page.getByRole('button', { name: 'Baca boarding pass dengan kamera' }).click();
    await expect(page.getByTestId('q-onward_airports-pass-message')).toHaveText('Ini bukan boarding pass (BCBP). Ketik kode bandaranya.', READING_WAIT);
    await expect(page.getByLabel(/Ke mana tiket lanjutannya/)).toHaveValue('KUL BKK');
    await shot(page, '3-not-a-boarding-pass');
  });
});

test('a smudged pass is seen but never read: the officer is asked to steady it, and nothing is filled', async ({ playwright, desk, shot }) => {
  await withBrowser(playwright, fakeCameraArgs(SMUDGED_PASS), async (page) => {
    await desk.open(page);
    await completeFirstRun(page);
    await caseAtOnwardTickets(page, { newCase: /Pemeriksaan baru/, mrz: 'Baris MRZ', tourism: 'Wisata atau liburan', onward: 'Lebih jauh, tiket lanjutan sudah ada', country: 'Negara tujuan akhir', resolved: 'Thailand (THA)' });
    await page.getByRole('button', { name: 'Baca boarding pass dengan kamera' }).click();
    const state = page.getByTestId('q-onward_airports-camera-state');
    await expect(state).toHaveAttribute('data-state', 'code_unreadable', READING_WAIT);
    await expect(state).toHaveText('Ada kode batang, tetapi belum terbaca: tahan rata dan diam, sedikit lebih dekat atau lebih jauh.');
    await expect(page.getByLabel(/Ke mana tiket lanjutannya/)).toHaveValue('');
    await expect(page.getByTestId('q-onward_airports-pass-message')).toHaveText('');
    await shot(page, '4-smudged-pass');
  });
});
