// `mrz read` (scripts/mrz-read.ts): one JSON object per file, --line mode, unreadable files, exit code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { encodeJpeg, writeImage } from '../../../scripts/image-io';
import { runRead } from '../../../scripts/mrz-read';
import { synthesiseFrame } from '../../../scripts/synth/document';
import { renderLineImage, Rng, turnedStill } from '../../../scripts/synth/render';

const dir = mkdtempSync(join(tmpdir(), 'mrz-read-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function capture(args: string[]): Promise<{ code: number; out: Record<string, unknown>[] }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => { chunks.push(String(c)); return true; });
  try {
    const code = await runRead(args);
    return { code, out: chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
  } finally {
    spy.mockRestore();
  }
}

describe('mrz read', () => {
  it('--line prints the text of a cropped line image', async () => {
    const file = join(dir, 'line.png');
    const text = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
    writeImage(file, renderLineImage(text, { capHeight: 20, blur: 0.6 }, new Rng(1)));
    const { code, out } = await capture(['--line', file]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ file, text });
    expect(typeof out[0]!.ms).toBe('number');
  });

  it('reads a JPEG frame, reports a frame without MRZ as lines null, and an unreadable file as an error with exit code 1', async () => {
    const rng = new Rng(7);
    const f = synthesiseFrame(rng, { format: 'TD1', difficulty: 0.3, width: 960, height: 540 });
    const withMrz = join(dir, 'doc.jpg');
    writeImage(withMrz, f.image, 92);
    const empty = join(dir, 'empty.png');
    writeImage(empty, { width: 320, height: 240, data: new Uint8Array(320 * 240).fill(180) });
    const junk = join(dir, 'junk.png');
    writeFileSync(junk, 'not an image');
    const { code, out } = await capture([withMrz, empty, junk]);
    expect(code).toBe(1);
    expect(out[0]).toMatchObject({ file: withMrz, lines: f.lines, format: 'TD1', valid: true, refusal: null, errors: [] });
    expect(out[1]).toMatchObject({ file: empty, lines: null, format: null, valid: false });
    expect(out[2]!.file).toBe(junk);
    expect(typeof out[2]!.error).toBe('string');
  });

  it('says that a cut-short or damaged JPEG or PNG is damaged, and goes on with the next file', async () => {
    const f = synthesiseFrame(new Rng(8), { format: 'TD3', difficulty: 0.2, width: 640, height: 360 });
    const good = join(dir, 'good.jpg');
    writeImage(good, f.image, 90);
    const jpegBytes = readFileSync(good);
    const cutJpeg = join(dir, 'cut.jpg');
    writeFileSync(cutJpeg, jpegBytes.subarray(0, jpegBytes.length >> 1));
    const pngFile = join(dir, 'whole.png');
    writeImage(pngFile, f.image);
    const cutPng = join(dir, 'cut.png');
    writeFileSync(cutPng, readFileSync(pngFile).subarray(0, 2000));
    const { code, out } = await capture([cutJpeg, cutPng, good]);
    expect(code).toBe(1);
    expect(out[0]!.error).toMatch(/^damaged or incomplete JPEG file/);
    expect(out[1]!.error).toMatch(/^damaged or incomplete PNG file/);
    expect(out[2]).toMatchObject({ file: good, lines: f.lines, valid: true });
  });

  it('reads a photo of a page held askew, its MRZ running diagonally', async () => {
    const f = synthesiseFrame(new Rng(11), { format: 'TD3', capHeight: 18, difficulty: 0.3 });
    const file = join(dir, 'askew.jpg');
    writeImage(file, turnedStill(f.image, 45).image, 85);
    const { code, out } = await capture([file]);
    expect(code).toBe(0);
    expect(out[0]).toMatchObject({ file, lines: f.lines, valid: true, refusal: null });
  });

  it('refuses an image larger than 150 million pixels before decoding it, saying so, and goes on with the next file', async () => {
    // Files that say they are 20000×20000 (a PNG of blank paper that size is 80 kB, and decoding it took 17 s
    // and 2.8 GB before this): the size in the header is enough to refuse them.
    const f = synthesiseFrame(new Rng(10), { format: 'TD3', difficulty: 0.2, width: 640, height: 360 });
    const good = join(dir, 'fine.png');
    writeImage(good, f.image);
    const png = Buffer.from(readFileSync(good));
    png.writeUInt32BE(20000, 16); png.writeUInt32BE(20000, 20);
    const hugePng = join(dir, 'huge.png');
    writeFileSync(hugePng, png);
    const jpg = Buffer.from(encodeJpeg(f.image, 80));
    let at = 2;
    while (jpg[at + 1] !== 0xc0) at += 2 + jpg.readUInt16BE(at + 2);
    jpg.writeUInt16BE(20000, at + 5); jpg.writeUInt16BE(20000, at + 7);
    const hugeJpeg = join(dir, 'huge.jpg');
    writeFileSync(hugeJpeg, jpg);
    const { code, out } = await capture([hugePng, hugeJpeg, good]);
    expect(code).toBe(1);
    for (const o of out.slice(0, 2)) expect(o.error).toBe('image too large: 20000×20000 pixels (400 million; at most 150 million): scan at a lower resolution');
    expect(out[2]).toMatchObject({ file: good, lines: f.lines, valid: true });
  });

  it('reads a 10000×10000 scan with large print by stepping it down to webcam size', async () => {
    // A 2500×2500 document enlarged four times: characters about 150 px tall.
    const small = synthesiseFrame(new Rng(9), { format: 'TD3', difficulty: 0.2, width: 2500, height: 2500, capHeight: 38 });
    const side = 10000, data = new Uint8Array(side * side);
    for (let y = 0; y < side; y++) {
      const row = small.image.data.subarray((y >> 2) * 2500, (y >> 2) * 2500 + 2500);
      for (let x = 0; x < side; x++) data[y * side + x] = row[x >> 2]!;
    }
    const file = join(dir, 'scan.png');
    writeImage(file, { width: side, height: side, data });
    const { code, out } = await capture([file]);
    expect(code).toBe(0);
    expect(out[0]).toMatchObject({ file, lines: small.lines, valid: true });
  }, 120_000);

  it('exits 0 when every file could be read, MRZ or not', async () => {
    const empty = join(dir, 'empty2.png');
    writeImage(empty, { width: 64, height: 64, data: new Uint8Array(64 * 64).fill(90) });
    expect((await capture([empty])).code).toBe(0);
  });
});
