// Owns the benchmarks' real-print documents: the MRZ lines that ../shared/datasets/mrz-lines cropped from real
// document images (photos, scans, specimens; BSD-3-Clause, read in place, never copied), two or three of one source
// image stacked again into their zone, set on a page, and photographed as a webcam would: placed in a 1280×720 frame
// at 12-30 px capitals, turned by a quarter turn and up to 12° more, blurred, noised and JPEG-compressed. Only the
// validation side of the dataset (by source image), which the recogniser never learned from. The print, its
// background and its flaws are real; the page around it and the camera are not.
import { rectify } from '../../shared/mrz/reader/rectify';
import type { GrayImage } from '../../shared/mrz/reader/gray';
import { parseMrz } from '../../shared/mrz/index';
import { decodeImage, encodeJpeg, readImage } from '../../scripts/image-io';
import { isValidationSample, loadLineDataset, type LineSample } from '../../scripts/mrz-dataset';
import { blurFloat, Rng } from '../../scripts/synth/render';
import { OCRB_PITCH_RATIO } from '../../shared/mrz/reader/line-segment';

export interface RealDocumentFrame {
  image: GrayImage;
  /** The dataset's text of the lines, in the order that makes the most check digits hold. */
  lines: string[];
  format: 'TD1' | 'TD2' | 'TD3';
  /** Every check digit of those lines holds (the dataset's text is not checked: some real documents fail). */
  checksHold: boolean;
  capHeight: number;
  turn: number;
}

/** A glyph's ink spans about this share of the pitch: a line's ink runs (characters − 1 + this) pitches. */
const GLYPH_SHARE = 0.75;

/** The first and last columns of a crop with ink in them (darker than halfway between its dark and light levels). */
function inkColumns(img: GrayImage): [number, number] {
  const sorted = [...img.data].sort((a, b) => a - b);
  const level = (sorted[Math.floor(0.03 * sorted.length)]! + sorted[Math.floor(0.9 * sorted.length)]!) / 2;
  let first = -1, last = -1;
  for (let x = 0; x < img.width; x++) {
    let inked = false;
    for (let y = 0; y < img.height && !inked; y++) inked = img.data[y * img.width + x]! < level;
    if (inked) { if (first < 0) first = x; last = x; }
  }
  return first < 0 ? [0, img.width - 1] : [first, last];
}
/** Cap height (px) the lines are set at on the page, before the page is photographed. */
const PAGE_CAP = 28;

/**
 * The dataset's texts that its crops contradict, as the crops read (each looked at): the reader read the crop,
 * and the dataset's text would count that reading a miss, or the dataset's text a false accept.
 */
export const DATASET_TEXT_CORRECTIONS: Readonly<Record<string, string>> = {
  // A Slovenian ID card specimen: "vzorec" is Slovenian for specimen, and the crops show a V.
  'YZOREC<<TINA<<<<<<<<<<<<<<<<<<': 'VZOREC<<TINA<<<<<<<<<<<<<<<<<<',
  // A French passport: the crop shows 04RE97906 (a narrow zero, a 9); its check digit 0 holds for both.
  'D4RE279060FRA8504250M1502165<<<<<<<<<<<<<<06': '04RE979060FRA8504250M1502165<<<<<<<<<<<<<<06',
  // An Austrian passport: the document number's check digit is a 0 in the crops, not a D.
  'P4366918<DAUT8101017F1903290<<<<<<<<<<<<<<<4': 'P4366918<0AUT8101017F1903290<<<<<<<<<<<<<<<4',
  // A Polish residence card: the holder's sex is an M in the crop, not a 4.
  '810102842208176POL<<<<<<<<<<<2': '8101028M2208176POL<<<<<<<<<<<2',
  // A Canadian passport specimen: the crops read MARTIN, and AB504963 with check digit 0 (not RARIIN, 3, O).
  'P<CANRARIIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<': 'P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<',
  'AB304963<OCAN8501019F1502110<<<<<<<<<<<<<<04': 'AB504963<0CAN8501019F1502110<<<<<<<<<<<<<<04',
  // A Brazilian passport specimen: its zeros are narrow and look like D, but 8101109 and the check digit are the
  // same glyph as the number's zeros; no date or check digit holds a D.
  'AA000000<DBRA81011D9F2508142<<<<<<<<<<<<<<02': 'AA000000<0BRA8101109F2508142<<<<<<<<<<<<<<02',
  // An Indonesian passport specimen: its document number's six characters are pointed ovals, unlike the zeros of its
  // dates (rounded rectangles), and its check digit 9 holds for XOOOOOO, not for X000000 (whose digit is 1).
  'X000000<<9IDN4508179S1601269<<<<<<<<<<<<<<91': 'XOOOOOO<<9IDN4508179S1601269<<<<<<<<<<<<<<91',
  // A Monaco ID card: its issuing state is MCO, whose O this print draws like its zeros; no state code holds a digit.
  'I<MC0029067<<<0<<<<<<<<<<<<<<<': 'I<MCO029067<<<0<<<<<<<<<<<<<<<',
};

/** The validation side's source images with a whole zone of real lines: 2 of 44 or 36 characters, or 3 of 30. */
export function realDocuments(): LineSample[][] {
  const bySource = new Map<string, LineSample[]>();
  for (const read of loadLineDataset()) {
    const s = { ...read, text: DATASET_TEXT_CORRECTIONS[read.text] ?? read.text };
    if (!s.synthetic && isValidationSample(s)) bySource.set(s.sourceKey, [...(bySource.get(s.sourceKey) ?? []), s]);
  }
  return [...bySource.values()].filter((ls) => (ls.length === 2 && ls.every((l) => l.text.length === ls[0]!.text.length && (l.text.length === 44 || l.text.length === 36)))
    || (ls.length === 3 && ls.every((l) => l.text.length === 30)));
}

/**
 * The lines in an order in which every check digit holds, if one does (the dataset does not say which line is first);
 * otherwise the one shaped most like an MRZ: the first line opens with a document code, and a TD1's second line with
 * a date of birth and its third holds no digit; then the one in which the most check digits hold. (Ranked by that count
 * first, documents whose text fails its check digits were stacked in the order that held most by chance: a Dutch and
 * a US card had their document-code line below their dates line.)
 */
function ordered(lines: LineSample[]): { lines: LineSample[]; checksHold: boolean } {
  const orders = lines.length === 2 ? [[0, 1], [1, 0]] : [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
  const shape = (texts: string[]): number => Number(/^[PIACV]/.test(texts[0]!))
    + (texts.length === 3 ? Number(/^[0-9]{6}/.test(texts[1]!)) + Number(!/[0-9]/.test(texts[2]!)) : Number(/[0-9]{6}/.test(texts[1]!)));
  let best = { lines, score: -1, all: false };
  for (const order of orders) {
    const texts = order.map((k) => lines[k]!.text), r = parseMrz(texts);
    const held = r.checks.filter((c) => c.valid).length, all = r.checks.length > 0 && held === r.checks.length;
    const score = 100 * Number(all) + 10 * shape(texts) + held;
    if (score > best.score) best = { lines: order.map((k) => lines[k]!), score, all };
  }
  return { lines: best.lines, checksHold: best.all };
}

/** Document i of `docs` photographed (seeded by i): see the module header. */
export function realDocumentFrame(docs: LineSample[][], i: number): RealDocumentFrame {
  const rng = new Rng(970001 + i);
  const { lines, checksHold } = ordered(docs[i]!);
  // The zone: each crop scaled so that its characters take the OCR-B pitch of PAGE_CAP capitals (crops are cut
  // more or less tightly, so their heights say less), their first characters one under the other, stacked at a
  // line pitch of 1.75 caps, darker ink winning where they meet.
  const crops = lines.map((l) => {
    const img = readImage(l.path), [first, last] = inkColumns(img);
    const scale = (PAGE_CAP * OCRB_PITCH_RATIO * (l.text.length - 1 + GLYPH_SHARE)) / Math.max(1, last - first + 1);
    return { image: rectify(img, { cx: img.width / 2, cy: img.height / 2, angle: 0, length: img.width, height: img.height }, scale).image, inkStart: first * scale };
  });
  const margin = 3 * PAGE_CAP, pitch = 1.75 * PAGE_CAP, lead = Math.max(...crops.map((c) => c.inkStart));
  const pw = Math.round(Math.max(...crops.map((c) => c.image.width + lead - c.inkStart)) + 2 * margin), ph = Math.round(6 * PAGE_CAP + crops.length * pitch + 2 * margin);
  // The paper around the zone takes the crops' own paper level (their brighter pixels), so the lines sit on it.
  const light = crops.flatMap((c) => [...c.image.data]).sort((a, b) => a - b);
  const paper = light[Math.floor(0.8 * light.length)]!;
  const page = new Uint8Array(pw * ph).fill(paper);
  crops.forEach(({ image: c, inkStart }, k) => {
    const top = Math.round(ph - margin - (crops.length - k) * pitch - (c.height - pitch) / 2), left = Math.round(margin + lead - inkStart);
    for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) {
      const at = (top + y) * pw + left + x;
      if (top + y >= 0 && top + y < ph && left + x < pw) page[at] = Math.min(page[at]!, c.data[y * c.width + x]!);
    }
  });
  // The photograph: the page scaled to the frame's capitals and turned about the zone's centre, which lands near the
  // frame's; capitals drawn larger than let the whole zone fit the frame are shrunk until it does.
  const W = 1280, H = 720, turn = [0, 90, 180, 270][i % 4]!;
  const angle = ((turn + rng.range(-12, 12)) * Math.PI) / 180, cos = Math.cos(angle), sin = Math.sin(angle);
  const zoneW = pw - 2 * margin, zoneH = crops.length * pitch, zx = margin + zoneW / 2, zy = ph - margin - zoneH / 2;
  let cap = rng.range(12, 30);
  const halfW = (c: number): number => ((Math.abs(cos) * zoneW + Math.abs(sin) * zoneH) / 2) * (c / PAGE_CAP);
  const halfH = (c: number): number => ((Math.abs(sin) * zoneW + Math.abs(cos) * zoneH) / 2) * (c / PAGE_CAP);
  while (halfW(cap) > 0.46 * W || halfH(cap) > 0.46 * H) cap *= 0.95;
  const scale = cap / PAGE_CAP;
  const cx = W / 2 + rng.range(-1, 1) * (0.48 * W - halfW(cap)), cy = H / 2 + rng.range(-1, 1) * (0.48 * H - halfH(cap));
  const desk = rng.range(60, 160), frame = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    // Frame point → page point: undo the move, the turn and the scale.
    const dx = (x + 0.5 - cx) / scale, dy = (y + 0.5 - cy) / scale;
    const u = dx * cos + dy * sin + zx - 0.5, v = -dx * sin + dy * cos + zy - 0.5;
    if (u < 0 || v < 0 || u >= pw - 1 || v >= ph - 1) { frame[y * W + x] = desk + 20 * Math.sin(x / 97 + y / 61); continue; }
    const u0 = u | 0, v0 = v | 0, fu = u - u0, fv = v - v0, o = v0 * pw + u0;
    frame[y * W + x] = (page[o]! * (1 - fu) + page[o + 1]! * fu) * (1 - fv) + (page[o + pw]! * (1 - fu) + page[o + pw + 1]! * fu) * fv;
  }
  blurFloat(frame, W, H, rng.range(0.4, 1.1));
  const noise = rng.range(2, 6), data = new Uint8Array(W * H);
  for (let k = 0; k < data.length; k++) data[k] = Math.max(0, Math.min(255, Math.round(frame[k]! + noise * rng.gauss())));
  const image = decodeImage(new Uint8Array(encodeJpeg({ width: W, height: H, data }, Math.round(rng.range(45, 90)))));
  const format = lines.length === 3 ? 'TD1' : lines[0]!.text.length === 36 ? 'TD2' : 'TD3';
  return { image, lines: lines.map((l) => l.text), format, checksHold, capHeight: cap, turn };
}
