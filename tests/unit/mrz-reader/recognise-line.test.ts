// The line recogniser on lines drawn in code from the OCR-B glyph atlas: segmentation on the
// pitch, classification, and scored alternatives for the correction step.
import { describe, expect, it } from 'vitest';
import { segmentLine } from '../../../shared/mrz/reader/line-segment';
import { contextualText } from '../../../shared/mrz/reader/line-context';
import { classifyLayout, getDefaultModel, recogniseLine } from '../../../shared/mrz/reader/recognise-line';
import { renderLineImage, Rng } from '../../../scripts/synth/render';
import { MRZ_CHARSET } from '../../../shared/mrz/reader/types';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

function errors(a: string, b: string): number {
  let e = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) e++;
  return e;
}

describe('classifyLayout', () => {
  it('reads only the cells asked for, as the whole reading would, and gives the others no candidates', () => {
    const layout = segmentLine(renderLineImage(TD3[0]!, { capHeight: 16 }, new Rng(5)))!;
    const all = classifyLayout(layout, getDefaultModel());
    const some = classifyLayout(layout, getDefaultModel(), (i) => i % 3 === 0);
    some.candidates.forEach((cell, i) => expect(cell).toEqual(i % 3 === 0 ? all.candidates[i] : []));
  });
});

describe('a cell placed by the pitch alone (no blob of ink found there)', () => {
  const layout = segmentLine(renderLineImage(TD3[0]!, { capHeight: 16 }, new Rng(5)))!;
  const unblobbed = (cells: number[], ink = layout.ink) => ({ ...layout, ink, cells: layout.cells.map((c, i) => (cells.includes(i) ? { ...c, inked: false } : c)) });
  const model = getDefaultModel();

  it('keeps the score of a printed filler, and cuts that of a letter', () => {
    const read = classifyLayout(unblobbed([2, 40]), model);
    expect(TD3[0]![40]).toBe('<');
    expect(read.candidates[40]![0]).toMatchObject({ char: '<' });
    expect(read.candidates[40]![0]!.score).toBeGreaterThan(0.98);
    expect(read.candidates[2]![0]!.char).toBe('U');
    expect(read.candidates[2]![0]!.score).toBeLessThanOrEqual(0.3);
  });

  it('gives a blank cell (a character washed out) no sure filler', () => {
    const ink = Float32Array.from(layout.ink);
    const cell = layout.cells[2]!;
    for (let y = 0; y < layout.height; y++) for (let x = Math.floor(cell.cx - layout.pitch / 2); x <= Math.ceil(cell.cx + layout.pitch / 2); x++) ink[y * layout.width + x] = 0;
    const read = classifyLayout(unblobbed([2], ink), model);
    expect(read.candidates[2]![0]!.score).toBeLessThanOrEqual(0.3);
  });
});

describe('segmentLine', () => {
  it('finds one cell per character on the OCR-B pitch at small and large sizes', () => {
    const rng = new Rng(1);
    for (const cap of [12, 20, 40]) {
      for (const text of [...TD3, ...TD1]) {
        const layout = segmentLine(renderLineImage(text, { capHeight: cap, blur: cap / 25, noise: 4 }, rng));
        expect(layout, `cap ${cap}`).not.toBeNull();
        expect(layout!.cells.length, `${text} at ${cap}px`).toBe(text.length);
        expect(layout!.pitch / cap).toBeGreaterThan(0.9);
        expect(layout!.pitch / cap).toBeLessThan(1.15);
      }
    }
  });

  it('forces the expected length when told (a faint last filler)', () => {
    const rng = new Rng(2);
    const img = renderLineImage(TD3[0]!, { capHeight: 18 }, rng);
    // Erase the last character's ink: the line now looks one character short.
    const cut = Math.floor(img.width - 18 * 1.1);
    for (let y = 0; y < img.height; y++) for (let x = cut; x < img.width; x++) img.data[y * img.width + x] = 230;
    expect(segmentLine(img)!.cells.length).toBe(43);
    expect(segmentLine(img, { expectedLength: 44 })!.cells.length).toBe(44);
  });

  it('takes no cells from dark surroundings past a document\'s edge at the end of a line', () => {
    const line = renderLineImage(TD3[1]!, { capHeight: 16, blur: 0.5 }, new Rng(3));
    // The line with 60 px of a dark desk beside it, from the crop's top to its bottom.
    const w = line.width + 60, h = line.height;
    const img = { width: w, height: h, data: new Uint8Array(w * h).fill(70) };
    for (let y = 0; y < h; y++) img.data.set(line.data.subarray(y * line.width, (y + 1) * line.width), y * w);
    expect(segmentLine(img)!.cells.length).toBe(44);
  });

  it('finds the characters of a line over cross-hatching when told the print is there, which the usual split joins into one blob', () => {
    const img = renderLineImage(TD3[1]!, { capHeight: 16, blur: 0.5 }, new Rng(3));
    // Fine diagonal lines in both directions, darker than the paper and lighter than the ink.
    const { width: w, height: h, data } = img;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((x + y) % 4 === 0 || (x - y + h) % 4 === 0) data[y * w + x] = Math.min(data[y * w + x]!, 130);
    expect(segmentLine(img)).toBeNull();
    const layout = segmentLine(img, { printUnder: true });
    expect(layout?.cells.length).toBe(44);
    expect(classifyLayout(layout!, getDefaultModel()).text).toBe(TD3[1]);
  });

  it('returns null for a blank image', () => {
    expect(segmentLine({ width: 300, height: 40, data: new Uint8Array(300 * 40).fill(200) })).toBeNull();
  });
});

describe('recogniseLine', () => {
  it('reads clean specimen lines exactly', () => {
    const rng = new Rng(3);
    for (const text of [...TD3, ...TD1]) {
      const r = recogniseLine(renderLineImage(text, { capHeight: 24, blur: 0.6, noise: 3 }, rng));
      expect(r?.text).toBe(text);
      expect(r!.confidence).toBeGreaterThan(0.9);
    }
  });

  it('stays accurate on small, blurred, noisy, low-contrast and unevenly lit lines', () => {
    const rng = new Rng(4);
    let wrong = 0, total = 0;
    for (let i = 0; i < 12; i++) {
      const text = TD3[i % 2]!;
      const r = recogniseLine(renderLineImage(text, {
        capHeight: 12 + (i % 4) * 6, blur: 0.9, noise: 8, paper: 170, inkLevel: 80, gradient: 50, angle: 0.01,
      }, rng));
      wrong += errors(r?.text ?? '', text);
      total += text.length;
    }
    expect(wrong / total).toBeLessThan(0.01);
  });

  it('gives every position scored alternatives over the 37 symbols, best first', () => {
    const r = recogniseLine(renderLineImage(TD3[1]!, { capHeight: 16, blur: 1 }, new Rng(5)))!;
    expect(r.candidates).toHaveLength(44);
    for (const pos of r.candidates) {
      expect(pos.length).toBeGreaterThan(0);
      for (let k = 1; k < pos.length; k++) expect(pos[k - 1]!.score).toBeGreaterThanOrEqual(pos[k]!.score);
      for (const a of pos) {
        expect(MRZ_CHARSET).toContain(a.char);
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('contextualText', () => {
  /** Candidates as a recogniser would give them: the text read, with one look-alike per position. */
  const read = (text: string, lookAlikes: Record<number, string> = {}, lookAlikeScore = 0.1) =>
    [...text].map((char, i) => (lookAlikes[i] ? [{ char, score: 1 - lookAlikeScore }, { char: lookAlikes[i]!, score: lookAlikeScore }] : [{ char, score: 1 }]));

  it('takes a names line for what it is: a 0 read in a name is an O', () => {
    const line = 'MUHAMMAD<<PUTRI<SIT0<<<<<<<<<<';
    expect(contextualText(read(line, { 19: 'O' }))).toBe('MUHAMMAD<<PUTRI<SITO<<<<<<<<<<');
  });

  it('keeps digits in the dates of a TD1 second line, and before the fillers of a TD1 first line', () => {
    const second = '7408122F1204159UTO<<<<<<<<<<<6';
    expect(contextualText(read(second, { 1: 'Z', 2: 'A' }))).toBe(second);
    // A document number of letters, then its check digit and fillers: the 1 is clear, I a far second.
    const first = 'IYPBCDWYBKYZKO1<<<<<<<<<<<<<<<';
    expect(contextualText(read(first, { 14: 'I' }, 0.01))).toBe(first);
  });

  // The ICAO 9303 specimen's second line: every check digit on it holds.
  const specimen = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';

  it("corrects a misread digit with the check digits on the line's own", () => {
    // The birth date's 8 read as a 3, with the 8 a close second: only the 8 makes the birth date's check hold.
    const misread = specimen.slice(0, 16) + '3' + specimen.slice(17);
    const cands = read(misread, { 16: '8' }, 0.3);
    expect(contextualText(cands)).toBe(specimen);
  });

  it('keeps a printed check digit that fails when only an unlikely reading would make it hold', () => {
    // A test document's number with a wrong check digit (0 instead of 6), read clearly.
    const printed = specimen.slice(0, 9) + '0' + specimen.slice(10);
    const cands = read(printed, { 2: '3', 4: '0' }, 0.002);
    expect(contextualText(cands)).toBe(printed);
  });

  it('reads a lone digit among the letters of a word of a line of no standard length as its letter', () => {
    const line = 'IDFRAB0ND<<<<<<<<<<<<<<<<<<<<<<<<<<'; // 35 characters: a crop missing one
    expect(contextualText(read(line, { 6: 'O' }, 0.01))).toBe('IDFRABOND<<<<<<<<<<<<<<<<<<<<<<<<<<');
    // A letter that starts a run of digits is a document number's prefix, and stays.
    expect(contextualText(read('B12345678<<<<<<<<<<<<<<<<<<<<<<<<<<', { 0: '8' }, 0.01))).toBe('B12345678<<<<<<<<<<<<<<<<<<<<<<<<<<');
  });
});

describe('a line seen in perspective', () => {
  /**
   * The line as a page tilted out of the plane shows it: the cap height grows from `near` to `far`
   * times the drawn one from left to right, and the pitch with its square (the foreshortening along
   * the line). Sampled bilinearly, inverse mapped column by column.
   */
  function inPerspective(img: { width: number; height: number; data: Uint8Array }, near: number, far: number): { width: number; height: number; data: Uint8Array } {
    const { width: w, height: h, data } = img;
    const vScale = (t: number): number => near + (far - near) * t;
    // Source column of each output column: the output advances vScale² per source pixel.
    const srcX: number[] = [];
    let x = 0, u = 0;
    while (x < w - 1) { srcX.push(x); x += 1 / vScale(x / w) ** 2; u++; }
    const ow = u, yc = h / 2, oh = Math.ceil(h * far);
    const out = new Uint8Array(ow * oh).fill(230);
    const at = (sx: number, sy: number): number => {
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) return 230;
      const fx = sx - x0, fy = sy - y0, p = (xx: number, yy: number) => data[yy * w + xx]!;
      return (p(x0, y0) * (1 - fx) + p(x0 + 1, y0) * fx) * (1 - fy) + (p(x0, y0 + 1) * (1 - fx) + p(x0 + 1, y0 + 1) * fx) * fy;
    };
    for (let ox = 0; ox < ow; ox++) {
      const sx = srcX[ox]!, k = vScale(sx / w);
      for (let oy = 0; oy < oh; oy++) out[oy * ow + ox] = Math.round(at(sx, yc + (oy - oh / 2) / k));
    }
    return { width: ow, height: oh, data: out };
  }

  it('reads each character at its own size where the cap height grows 1.7 times along the line', () => {
    // Harder than the condition set's 30° (a 44-character line of 12 px print there grows about 1.3
    // times in cap height and 1.7 in pitch); with one window for the whole line the T and O misread.
    const rng = new Rng(3);
    for (const text of TD3) {
      const flat = renderLineImage(text, { capHeight: 17, blur: 0.6, noise: 3 }, rng);
      const img = inPerspective(flat, 0.72, 1.25);
      expect(recogniseLine(img, { expectedLength: text.length })!.text).toBe(text);
      // The near end's cells are read with a window of their own size.
      const layout = segmentLine(img);
      expect(layout!.cells[text.length - 1]!.capScale! / layout!.cells[0]!.capScale!).toBeGreaterThan(1.12);
    }
  });
});
