// Cutting a line out of a frame: what lies past the frame's edge must read as the paper beside it.
import { describe, expect, it } from 'vitest';
import { rectify } from '../../../shared/mrz/reader/rectify';
import { segmentLine } from '../../../shared/mrz/reader/line-segment';
import { classifyLayout, getDefaultModel } from '../../../shared/mrz/reader/recognise-line';
import { renderLineImage, Rng } from '../../../scripts/synth/render';

const TD3_SECOND = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';

describe('rectify past the frame', () => {
  it('fills what lies outside the frame with the level of the paper nearest it, not white', () => {
    const rng = new Rng(3);
    const frame = { width: 200, height: 60, data: Uint8Array.from({ length: 200 * 60 }, () => 110 + Math.round(rng.gauss() * 3)) };
    const cut = rectify(frame, { cx: 190, cy: 30, angle: 0, length: 60, height: 40 }, 1).image;
    // The cut runs from x = 160 to 220: its last 20 columns are past the frame.
    for (const x of [45, 52, 59]) for (const y of [0, 20, 39]) expect(Math.abs(cut.data[y * cut.width + x]! - 110)).toBeLessThanOrEqual(6);
  });

  it('keeps the last character of a line that ends at the frame\'s edge on dim paper', () => {
    // A phone photo's dim paper (115) and grey, blurred ink, the line's last character 3 px from the frame's right edge.
    const frame = renderLineImage(TD3_SECOND, { capHeight: 16, paper: 115, inkLevel: 75, blur: 0.8, noise: 3, marginX: 3, marginY: 14 }, new Rng(8));
    const thickness = 16 / 0.85;
    const cut = rectify(frame, { cx: frame.width / 2, cy: frame.height / 2, angle: 0, length: frame.width + 2 * thickness, height: 2.2 * thickness }, 1).image;
    const layout = segmentLine(cut)!;
    expect(layout.cells.length).toBe(TD3_SECOND.length);
    expect(classifyLayout(layout, getDefaultModel()).text.slice(-3)).toBe('<10');
  });
});
