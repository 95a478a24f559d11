// Boarding passes shown to the desk camera: the 2D codes an IATA BCBP is printed in (PDF417, QR, Aztec) found in
// generated 1280×720 webcam frames and read into the same parser the desk scanner feeds; a damaged code, a QR code
// that is no boarding pass and frames with no code at all are answers, never a crash.
import { describe, expect, it } from 'vitest';
import { readCode } from '../../shared/barcodes/read';
import { parseBoardingPass } from '../../shared/bcbp';
import { BoardingPassWatcher, type PassSighting } from '../../shared/bcbp/camera';
import { synthesiseFrame } from '../../scripts/synth/document';
import { Rng } from '../../scripts/synth/render';
import { blankImage, codeFrame, smudgedCodeFrame, webcamLook, type GrayImage } from '../support/code-images';

/** One leg's 37 mandatory characters, as in tests/unit/bcbp.test.ts, with the conditional section's size given. */
const leg = (pnr: string, from: string, to: string, carrier: string, flight: string, day: string, seat: string, conditional = '') =>
  `${pnr.padEnd(7)}${from}${to}${carrier.padEnd(3)}${flight.padStart(4, '0').padEnd(5)}${day}Y${seat}0042 1${conditional.length.toString(16).toUpperCase().padStart(2, '0')}${conditional}`;
const pass = (name: string, ...legs: string[]) => `M${legs.length}${name.padEnd(20)}E${legs.join('')}`;

/** The IATA standard's example: one leg, no conditional section. */
const ONE_LEG = 'M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100';
/** Three legs through Kuala Lumpur and Bangkok to Phnom Penh, the first with a conditional section, and a security section. */
const THREE_LEGS = `${pass('LESTARI/SITI', leg('XK4P2Q', 'PLM', 'KUL', 'AK', '1305', '337', '012A', '>5180 ABCDEF'), leg('XK4P2Q', 'KUL', 'BKK', 'AK', '880', '338', '015C'), leg('ZZ9Q1R', 'BKK', 'PNH', 'FD', '612', '339', '003F'))}^164GIWVC5EH7JNT684FVNJ91W2QA4DVN5J8K4F0L0GE`;

/** Reads frames until the watcher tells a pass, as the camera worker does; what it saw on each frame. */
function watch(frames: GrayImage[], watcher = new BoardingPassWatcher()): PassSighting[] {
  return frames.map((frame) => watcher.push(frame));
}

describe('a boarding pass barcode in a webcam frame', () => {
  it.each(['pdf417', 'qr', 'aztec'] as const)('is read from %s, and its legs come out of the scanner parser', (format) => {
    for (const text of [ONE_LEG, THREE_LEGS]) {
      const sightings = watch([codeFrame(format, text), codeFrame(format, text)]);
      const read = sightings.find((s) => s.seen === 'code');
      expect(read, `${format} ${text.slice(0, 20)}`).toMatchObject({ seen: 'code', text, format, fresh: true });
    }
    const legs = parseBoardingPass(THREE_LEGS);
    expect(legs.ok && legs.pass.legs.map((l) => `${l.from}-${l.to} ${l.carrier} ${l.flight}`)).toEqual(['PLM-KUL AK 1305', 'KUL-BKK AK 880', 'BKK-PNH FD 612']);
  });

  it('reads a code whatever its print size, at full size on one frame or half size on the next', () => {
    for (const [format, scales] of [['pdf417', [2, 4, 6]], ['qr', [3, 5, 8, 10]], ['aztec', [3, 6, 10]]] as const) {
      for (const scale of scales) {
        const frame = codeFrame(format, THREE_LEGS, { scale });
        const sightings = watch([frame, frame]);
        expect(sightings.some((s) => s.seen === 'code' && s.text === THREE_LEGS), `${format} at ${scale} px per module`).toBe(true);
      }
    }
  });

  it('tells a pass once while it stays in view, and again once it has been taken away and shown again', () => {
    const shown = codeFrame('pdf417', THREE_LEGS);
    const desk = webcamLook(blankImage(1280, 720));
    const sightings = watch([shown, shown, shown, shown, ...Array<GrayImage>(8).fill(desk), shown]);
    expect(sightings.filter((s) => s.seen === 'code' && s.fresh)).toHaveLength(2);
    expect(sightings.slice(0, 4).every((s) => s.seen === 'code')).toBe(true);
    expect(sightings[11]).toEqual({ seen: 'nothing' });
    expect(sightings[12]).toMatchObject({ seen: 'code', fresh: true });
    // After a reset (the screen asks for a new reading) the same pass is fresh again.
    const watcher = new BoardingPassWatcher();
    watch([shown], watcher);
    watcher.reset();
    expect(watcher.push(shown)).toMatchObject({ seen: 'code', fresh: true });
  });

  it('says a damaged code is seen but not read, and never reads it', () => {
    // A smudged print (a fifth of the data modules flipped): the symbol is found, its error correction fails.
    for (const format of ['qr', 'pdf417'] as const) {
      const frame = smudgedCodeFrame(format, THREE_LEGS);
      expect(readCode(frame, ['pdf417', 'qr', 'aztec'])).toEqual({ found: 'damaged', format });
      const sightings = watch([frame, frame, frame, frame]);
      expect(sightings.some((s) => s.seen === 'code')).toBe(false);
      expect(sightings.at(-1), format).toEqual({ seen: 'unreadable' });
    }
  });

  it('reads a QR code that is no boarding pass, and the parser refuses it as the scanner path does', () => {
    for (const text of ['https://checkin.example.com/?pnr=XK4P2Q', 'PLM-A-2026-00001', 'M1GARBAGE']) {
      const [sighting] = watch([codeFrame('qr', text)]);
      expect(sighting).toMatchObject({ seen: 'code', text });
      const parsed = parseBoardingPass(text);
      expect(parsed.ok).toBe(false);
    }
    expect(parseBoardingPass('https://checkin.example.com/?pnr=XK4P2Q')).toEqual({ ok: false, problem: 'not_bcbp' });
    expect(parseBoardingPass('M1GARBAGE')).toEqual({ ok: false, problem: 'truncated' });
  });

  it('finds nothing on a desk with no code or on a passport page, and survives any frame', () => {
    const passportPage = synthesiseFrame(new Rng(6), { width: 1280, height: 720, format: 'TD3', difficulty: 0.15, capHeight: 18 }).image;
    const noisyDesk = webcamLook(blankImage(1280, 720, 140), 9, 1.2, 4);
    // Four frames of each, so that an unreadable code would have been said too: neither shows any code.
    for (const frame of [passportPage, noisyDesk]) expect(watch([frame, frame, frame, frame])).toEqual(Array(4).fill({ seen: 'nothing' }));
    const odd: GrayImage[] = [
      { width: 1, height: 1, data: new Uint8Array(1) },
      { width: 0, height: 0, data: new Uint8Array(0) },
      { width: 17, height: 3, data: new Uint8Array(51).fill(255) },
      { width: 640, height: 2, data: Uint8Array.from({ length: 1280 }, (_, i) => (i % 3 ? 0 : 255)) },
    ];
    for (const frame of odd) expect(() => watch([frame, frame])).not.toThrow();
  });
});
