// The webcam on the passport screen, end to end: Chromium is fed a video file as its camera (a synthetic
// passport photo, or a plain desk with no document), the worker reads the MRZ into the field, and the
// officer opens the case with Enter. Without a camera the screen says so and typing still works.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { generateMrz, parseMrz } from '../../shared/mrz';
import type { CaseDetail, CaseSummary } from '../../shared/contract';
import { synthesiseFrame } from '../../scripts/synth/document';
import { Rng } from '../../scripts/synth/render';
import { encodePng, encodeRgbaPng } from '../../scripts/image-io';
import { PRINT_TINTS, tintedConditionFrame } from '../../scripts/synth/conditions';
import { CONDITION_SEED } from '../bench/mrz-bench-set';
import { qrMatrix } from '../../shared/slips/qr-matrix';
import { ADMIN, completeFirstRun, expect, test } from './desk-fixture';
import { fakeCameraArgs, ffmpegTo, stillClip, stillToY4m, VIDEO_DIR, withBrowser } from './camera-tools';

// One clean-ish 1280×720 photo of a TD3 data page (mild blur, noise, a small tilt, clutter around it),
// made by the reader's own synthetic generator. The seed fixes the document; its MRZ is the ground truth.
const passportFrame = synthesiseFrame(new Rng(6), { width: 1280, height: 720, format: 'TD3', difficulty: 0.15, capHeight: 18 });
const PASSPORT_LINES = passportFrame.lines!;
const PASSPORT_Y4M = stillClip('passport', encodePng(passportFrame.image));

// The same photo with the second MRZ line covered (a thumb over it): an MRZ is seen but cannot be read.
const covered = new Uint8Array(passportFrame.image.data);
{
  const [topLeft, topRight, , bottomLeft] = passportFrame.mrzQuad!;
  const width = passportFrame.image.width;
  for (let y = Math.floor((topLeft![1] + bottomLeft![1]) / 2 + 4); y < bottomLeft![1] + 10; y++) {
    for (let x = Math.floor(topLeft![0] - 10); x < topRight![0] + 10; x++) covered[y * width + x] = 200;
  }
}
const COVERED_Y4M = stillClip('passport-covered', encodePng({ ...passportFrame.image, data: covered }));

// The Czech specimen passport, long expired (2012-07-04), its holder born 2011: every check digit right.
const EXPIRED_LINES = ['P<CZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<<<<<<<<<', '99003853<1CZE1101018M1207046110101111<<<<<94'];
const EXPIRED_Y4M = stillClip('passport-expired', encodePng(synthesiseFrame(new Rng(7), { width: 1280, height: 720, format: 'TD3', lines: EXPIRED_LINES, difficulty: 0.15, capHeight: 18 }).image));

// The Czech ID card specimen (TD2): every check digit right, its holder born on 29 February 1979, which did not exist.
const FAULTY_LINES = ['IDCZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<', '9900070281CZE7902295F15072290292<<<5'];
const FAULTY_Y4M = stillClip('id-card-impossible-date', encodePng(synthesiseFrame(new Rng(10), { width: 1280, height: 720, format: 'TD2', lines: FAULTY_LINES, difficulty: 0.15, capHeight: 18 }).image));

// A passport laid upside down whose MRZ is printed over deep blue guilloche (condition-set frame 204 in colour):
// from the camera's luma alone no MRZ is found in it; the brightest channel takes the blue print away.
const colourPrint = tintedConditionFrame(CONDITION_SEED, 204, PRINT_TINTS[204 % PRINT_TINTS.length]!)!;
const COLOUR_Y4M = stillClip('passport-colour-print', encodeRgbaPng(colourPrint.rgba, colourPrint.width, colourPrint.height));

// A plain desk: an even colour with a camera's temporal noise, and no document at all.
const EMPTY_Y4M = join(VIDEO_DIR, 'empty-desk.y4m');
if (!existsSync(EMPTY_Y4M)) ffmpegTo(EMPTY_Y4M, ['-f', 'lavfi', '-i', 'color=c=0x8a7f70:s=1280x720:r=10', '-t', '5', '-vf', 'noise=alls=12:allf=t']);

// The file's own browser sees the passport clip. Tests that need another camera launch their own browser
// (launch options cannot change inside one file's worker).
test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: fakeCameraArgs(PASSPORT_Y4M) } });

/** A desk opened for the first time: its first run completed, then the passport screen of a new case. */
async function openFirstCase(page: Page, desk: { open(page: Page): Promise<void> }): Promise<void> {
  await desk.open(page);
  await completeFirstRun(page);
  await openNewCase(page);
}

async function openNewCase(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Pemeriksaan baru/ }).click();
  await expect(page.getByRole('heading', { name: 'Baca paspor' })).toBeVisible();
}

/**
 * How long a test waits for the live camera to read (or hold) a document. Generous on purpose: a loaded machine
 * decodes the fake video slowly. How fast the desk reads is measured by npm run bench:mrz-browser, not here.
 */
const READING_WAIT = { timeout: 30_000 };

/** Waits until the camera delivers frames to the worker, and returns when that happened. */
async function cameraStarted(page: Page): Promise<number> {
  await expect(page.getByTestId('camera-state')).not.toHaveAttribute('data-state', 'starting', READING_WAIT);
  return Date.now();
}

/**
 * The preview outlines the MRZ read where it is in the picture: each corner of the outline (frame pixels, as the text
 * reads) within 1.5 cap heights of the document's, and the outline drawn over the video where the frame shows them.
 */
async function expectZoneOn(page: Page, quad: [number, number][], capHeight: number): Promise<void> {
  const outline = page.getByTestId('camera-zone');
  await expect(outline).toHaveAttribute('data-state', 'read');
  const corners = ((await outline.getAttribute('points')) ?? '').split(' ').map((p) => p.split(',').map(Number) as [number, number]);
  expect(corners).toHaveLength(4);
  corners.forEach(([x, y], k) => expect(Math.hypot(x - quad[k]![0], y - quad[k]![1]), `corner ${k}`).toBeLessThan(1.5 * capHeight));
  // On screen: the outline's box and the video's picture share their place and scale (1280×720 into a 16:9 view).
  const [zoneBox, videoBox] = await Promise.all([outline.boundingBox(), page.locator('[data-testid="camera-panel"] video').boundingBox()]);
  const scale = videoBox!.width / 1280, xs = corners.map(([x]) => x), ys = corners.map(([, y]) => y);
  expect(Math.abs(zoneBox!.x - (videoBox!.x + Math.min(...xs) * scale))).toBeLessThan(6);
  expect(Math.abs(zoneBox!.y - (videoBox!.y + Math.min(...ys) * scale))).toBeLessThan(6);
}

test.describe('a passport held up to the camera', () => {
  test('is read from the live camera and opens as a camera reading with Enter', async ({ page, desk, shot }, testInfo) => {
    const truth = parseMrz(PASSPORT_LINES);
    expect(truth.valid, 'the generated passport must be a valid MRZ').toBe(true);
    await openFirstCase(page, desk);
    const started = await cameraStarted(page);

    const preview = page.getByTestId('mrz-preview');
    await expect(preview).toContainText(`TD3 · ${truth.documentNumber} · ${truth.primaryIdentifier}, ${truth.secondaryIdentifier}`, READING_WAIT);
    const readAfter = Date.now() - started;
    await expect(preview).toContainText('Semua digit periksa benar.');
    await expect(page.getByLabel('Baris MRZ')).toHaveValue(PASSPORT_LINES.join('\n'));
    const state = page.getByTestId('camera-state');
    await expect(state).toHaveAttribute('data-state', 'read');
    await expect(state).toContainText('Terbaca ✓');
    await expect(page.getByText('Dibaca dari kamera.')).toBeVisible();
    await expectZoneOn(page, passportFrame.mrzQuad!, passportFrame.capHeight);
    const msPerFrame = await page.getByTestId('camera-speed').getAttribute('data-ms-per-frame');
    const msGrab = await page.getByTestId('camera-speed').getAttribute('data-ms-grab');
    const msToRead = await state.getAttribute('data-ms-to-read');
    const timings = `read ${readAfter} ms after the camera started (worker: ${msToRead} ms from the first frame); ${msPerFrame} ms per frame in the worker, of which ${msGrab} ms getting the pixels`;
    testInfo.annotations.push({ type: 'timing', description: timings });
    console.log(`camera: ${timings}`);
    await shot(page, '1-read');

    // Hold on to the camera's track, to see that leaving the screen switches the camera off.
    await page.locator('[data-testid="camera-panel"] video').evaluate((video: HTMLVideoElement) => {
      const stream = video.srcObject;
      if (stream instanceof MediaStream) Object.assign(window, { cameraTrack: stream.getVideoTracks()[0] });
    });
    // The field has the focus, so Enter opens the case, recorded as a camera reading.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-number')).toBeVisible();
    const trackState = await page.evaluate(() => (window as unknown as { cameraTrack?: MediaStreamTrack }).cameraTrack?.readyState);
    expect(trackState).toBe('ended');
    await shot(page, '2-case');
    const found = await desk.core.dispatch('cases.search', { documentNumber: truth.documentNumber!, limit: 5 });
    if (!found.ok) throw new Error(found.error.message);
    const [summary] = found.value as CaseSummary[];
    const detail = await desk.core.dispatch('cases.get', { caseId: summary!.id });
    if (!detail.ok) throw new Error(detail.error.message);
    expect((detail.value as CaseDetail).source).toBe('camera');
  });

  test('a camera that gives no picture on its first open is opened again, and reads', async ({ page, desk, shot }) => {
    // The first open of the camera stalls (its play() never settles, so no frame ever reaches the worker), as a
    // webcam or Chromium's capture now and then does; the screen must open it again by itself rather than say
    // "starting" for ever.
    await page.addInitScript(() => {
      const counts = { opens: 0 };
      Object.assign(window, { cameraCounts: counts });
      const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (constraints) => {
        counts.opens++;
        return getUserMedia(constraints);
      };
      const play = HTMLMediaElement.prototype.play;
      let plays = 0;
      HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
        plays++;
        return plays === 1 ? new Promise<void>(() => undefined) : play.call(this);
      };
    });
    const truth = parseMrz(PASSPORT_LINES);
    await openFirstCase(page, desk);
    await expect(page.getByTestId('camera-state')).toHaveAttribute('data-state', 'starting');
    await expect(page.getByTestId('mrz-preview')).toContainText(`TD3 · ${truth.documentNumber}`, READING_WAIT);
    expect(await page.evaluate(() => (window as unknown as { cameraCounts: { opens: number } }).cameraCounts.opens)).toBe(2);
    await shot(page, 'stalled-first-open-read');
  });

  test('typing over a camera reading makes it a manual reading; clearing the field reads the passport again', async ({ page, desk }) => {
    await openFirstCase(page, desk);
    await cameraStarted(page);
    const field = page.getByLabel('Baris MRZ');
    await expect(field).toHaveValue(PASSPORT_LINES.join('\n'), READING_WAIT);
    const typed = generateMrz('TD3', {
      documentCode: 'P', issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: 'LESTARI', secondaryIdentifier: 'AYU',
      documentNumber: 'B1234567', birthDate: '1999-09-09', sex: 'F', expiryDate: '2032-01-01',
    }).join('\n');
    await field.fill(typed);
    // The same passport stays in view: it must not overwrite what the officer typed.
    await page.waitForTimeout(1500);
    await expect(field).toHaveValue(typed);
    await expect(page.getByText('Dibaca dari kamera.')).toHaveCount(0);
    await field.fill('');
    await expect(field).toHaveValue(PASSPORT_LINES.join('\n'), READING_WAIT);

    // The resolution chosen is remembered for the next passport screen.
    await page.getByLabel('Resolusi').selectOption('640x480');
    await expect(page.getByTestId('camera-state')).not.toHaveAttribute('data-state', 'starting');
    await page.getByRole('button', { name: /Kembali ke beranda/ }).click();
    await openNewCase(page);
    await expect(page.getByLabel('Resolusi')).toHaveValue('640x480');
    await expect(page.getByTestId('camera-speed')).toContainText('640×480');
  });
});

test('a desk with no document in view shows no reading after 10 seconds and keeps looking', async ({ playwright, desk, shot }) => {
  await withBrowser(playwright, fakeCameraArgs(EMPTY_Y4M), async (page) => {
    await openFirstCase(page, desk);
    await cameraStarted(page);
    const state = page.getByTestId('camera-state');
    // Record every state the line shows for 10 s, not just the last one.
    const seen = await state.evaluate(
      (el) =>
        new Promise<string[]>((resolve) => {
          const states = [el.getAttribute('data-state') ?? ''];
          const observer = new MutationObserver(() => states.push(el.getAttribute('data-state') ?? ''));
          observer.observe(el, { attributes: true, attributeFilter: ['data-state'] });
          setTimeout(() => {
            observer.disconnect();
            resolve(states);
          }, 10_000);
        }),
    );
    expect(new Set(seen)).toEqual(new Set(['looking']));
    await expect(state).toContainText('Mencari MRZ…');
    await expect(page.getByTestId('mrz-preview')).toHaveCount(0);
    await expect(page.getByLabel('Baris MRZ')).toHaveValue('');
    await expect(page.getByTestId('camera-speed')).toBeVisible();
    console.log(`camera: ${await page.getByTestId('camera-speed').getAttribute('data-ms-per-frame')} ms per frame on a desk with no document`);
    await shot(page, 'looking');
  });
});

test('a passport with one MRZ line covered is held, with a hint, and never read', async ({ playwright, desk, shot }) => {
  await withBrowser(playwright, fakeCameraArgs(COVERED_Y4M), async (page) => {
    await openFirstCase(page, desk);
    await cameraStarted(page);
    const state = page.getByTestId('camera-state');
    await expect(state).toHaveAttribute('data-state', 'hold', READING_WAIT);
    await expect(state).toHaveAttribute('data-hint', 'partial');
    await expect(state).toContainText('Tahan sebentar… MRZ terpotong: masukkan semua baris ke dalam bingkai.');
    await shot(page, 'hold');
    await page.waitForTimeout(2000);
    await expect(state).toHaveAttribute('data-state', 'hold', READING_WAIT);
    await expect(page.getByLabel('Baris MRZ')).toHaveValue('');
  });
});

test('a long-expired passport is read, accepted and opened, and its card says it expired', async ({ playwright, desk, shot }) => {
  await withBrowser(playwright, fakeCameraArgs(EXPIRED_Y4M), async (page) => {
    await openFirstCase(page, desk);
    await cameraStarted(page);
    const state = page.getByTestId('camera-state');
    await expect(state).toHaveAttribute('data-state', 'read', READING_WAIT);
    await expect(page.getByLabel('Baris MRZ')).toHaveValue(EXPIRED_LINES.join('\n'));
    const preview = page.getByTestId('mrz-preview');
    await expect(preview).toContainText('Semua digit periksa benar.');
    await expect(preview).toContainText('Paspor sudah habis masa berlaku pada 2012-07-04');
    await shot(page, 'expired-read');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-number')).toBeVisible();
    const card = page.getByTestId('traveller');
    await expect(card.getByTestId('document-warnings')).toContainText('Paspor sudah habis masa berlaku pada 2012-07-04');
    await expect(card.getByTestId('document-warnings')).toContainText('Anak di bawah 18 tahun');
    // Nothing is wrong with the reading itself.
    await expect(card.getByTestId('reading-problems')).toHaveCount(0);
    await shot(page, 'expired-case');
    const found = await desk.core.dispatch('cases.search', { documentNumber: '99003853', limit: 5 });
    if (!found.ok) throw new Error(found.error.message);
    const [summary] = found.value as CaseSummary[];
    const detail = await desk.core.dispatch('cases.get', { caseId: summary!.id });
    if (!detail.ok) throw new Error(detail.error.message);
    expect((detail.value as CaseDetail).source).toBe('camera');
    expect((detail.value as CaseDetail).mrzValid).toBe(true);
    expect((detail.value as CaseDetail).traveller.warnings).toEqual(['expired', 'minor']);
  });
});

test('an ID card whose MRZ holds a date that does not exist is read but not accepted, says why, and its typed case is flagged', async ({ playwright, desk, shot }) => {
  await withBrowser(playwright, fakeCameraArgs(FAULTY_Y4M), async (page) => {
    await openFirstCase(page, desk);
    await cameraStarted(page);
    const state = page.getByTestId('camera-state');
    await expect(state).toHaveAttribute('data-hint', 'impossible_field', READING_WAIT);
    await expect(state).toHaveAttribute('data-state', 'hold');
    await expect(state).toContainText('Tidak diterima otomatis');
    await expect(state).toContainText('MRZ memuat isian yang tidak mungkin');
    await expect(page.getByLabel('Baris MRZ')).toHaveValue('');
    await shot(page, 'impossible-field-held');
    // The officer inspects the card and types its MRZ: the preview and the case say what is wrong with it.
    await page.getByLabel('Baris MRZ').fill(FAULTY_LINES.join('\n'));
    const preview = page.getByTestId('mrz-preview');
    await expect(preview).toContainText('Semua digit periksa benar.');
    await expect(preview.locator('[data-fault="impossible_field"]')).toContainText('MRZ memuat isian yang tidak mungkin');
    await shot(page, 'impossible-field-typed');
    await page.keyboard.press('Enter'); // open the case
    await expect(page.getByTestId('case-number')).toBeVisible();
    await expect(page.getByTestId('traveller').getByTestId('reading-problems')).toContainText('MRZ memuat isian yang tidak mungkin');
    await shot(page, 'impossible-field-case');
  });
});

test('a passport printed over coloured guilloche is read from the camera\'s colours, not its luma alone', async ({ playwright, desk, shot }) => {
  await withBrowser(playwright, fakeCameraArgs(COLOUR_Y4M), async (page) => {
    await openFirstCase(page, desk);
    await cameraStarted(page);
    await expect(page.getByTestId('camera-state')).toHaveAttribute('data-state', 'read', READING_WAIT);
    await expect(page.getByLabel('Baris MRZ')).toHaveValue(colourPrint.lines.join('\n'));
    await expect(page.getByTestId('mrz-preview')).toContainText('Semua digit periksa benar.');
    // Upside down, the MRZ is at the top of the picture, far from the guide band: its outline is where it is.
    await expectZoneOn(page, colourPrint.mrzQuad, colourPrint.capHeight);
    await shot(page, 'colour-print-read');
  });
});

test('a refused camera is said so, and typing the MRZ still opens the case', async ({ playwright, desk, shot }) => {
  // The fake camera exists but the permission prompt is refused.
  const args = [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${EMPTY_Y4M}`, '--deny-permission-prompts'];
  await withBrowser(playwright, args, async (page) => {
    await openFirstCase(page, desk);
    await expect(page.getByTestId('camera-error')).toHaveText('Izin kamera ditolak. Gunakan pembaca paspor atau ketik MRZ.');
    await shot(page, 'denied');
    await typeAndOpen(page);
  });
});

test('a desk with no camera at all says so, and typing the MRZ still opens the case', async ({ playwright, desk, shot }) => {
  // Permission would be granted, but there is no device to grant it for.
  await withBrowser(playwright, [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream'], async (page) => {
    await openFirstCase(page, desk);
    await expect(page.getByTestId('camera-error')).toHaveText('Tidak ada kamera di meja ini. Gunakan pembaca paspor atau ketik MRZ.');
    await shot(page, 'absent');
    await typeAndOpen(page);
  });
});

async function typeAndOpen(page: Page): Promise<void> {
  const lines = generateMrz('TD3', {
    documentCode: 'P', issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: 'HIDAYAT', secondaryIdentifier: 'ARIF',
    documentNumber: 'C9876543', birthDate: '1990-01-02', sex: 'M', expiryDate: '2031-02-03',
  });
  await page.getByLabel('Baris MRZ').fill(lines.join('\n'));
  await expect(page.getByTestId('mrz-preview')).toContainText('C9876543 · HIDAYAT, ARIF');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-number')).toBeVisible();
}

test("a referral slip's QR code shown to the camera opens its case", async ({ playwright, desk, shot }) => {
  await desk.start();
  const must = async (name: string, input: unknown) => {
    const result = await desk.core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  await must('setup.createFirstAdmin', { name: ADMIN.name, officerNumber: ADMIN.officerNumber, agency: 'BP3MI', password: ADMIN.password, airportCode: 'PLM', deskCode: 'D01' });
  await must('session.signIn', { officerNumber: ADMIN.officerNumber, password: ADMIN.password });
  const opened = (await must('cases.open', { source: 'manual', mrz: generateMrz('TD3', { documentCode: 'P', issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: 'RAHAYU', secondaryIdentifier: 'SRI', documentNumber: 'Q5554443', birthDate: '1995-05-05', sex: 'F', expiryDate: '2030-05-05' }).join('\n') })) as CaseDetail;
  await must('cases.decide', { caseId: opened.id, outcome: 'refer_bp3mi', reasons: ['NO_CONSENT'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Dirujuk.' });

  // The printed slip's code held up to the webcam: 6 px modules, a little off-centre, on light paper.
  const modules = qrMatrix(opened.caseNumber);
  const width = 1280;
  const height = 720;
  const image = new Uint8Array(width * height).fill(215);
  const scale = 6;
  const left = 500;
  const top = 200;
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) image[(top + y * scale + dy) * width + left + x * scale + dx] = dark ? 25 : 245;
    }),
  );
  const png = join(VIDEO_DIR, 'slip-qr.png');
  const y4m = join(VIDEO_DIR, 'slip-qr.y4m');
  writeFileSync(png, encodePng({ width, height, data: image }));
  stillToY4m(png, y4m);

  await withBrowser(playwright, fakeCameraArgs(y4m), async (page) => {
    await desk.open(page);
    await openNewCase(page);
    await cameraStarted(page);
    // A camera that failed to start says so here, not as a case that never opened.
    await expect(page.getByTestId('camera-error')).toHaveCount(0);
    await expect(page.getByTestId('case-number')).toHaveText(opened.caseNumber, READING_WAIT);
    await expect(page.getByTestId('decision')).toHaveText('Rujuk ke BP3MI');
    await shot(page, 'slip-qr-opened-case');
  });
});
