// A reading is not a verdict on the document: the camera accepts a long-expired passport whose check
// digits hold, and when it holds back a complete, check-digit-valid reading it says why.
import { describe, expect, it } from 'vitest';
import { generateMrz } from '../../../shared/mrz';
import { holdHint } from '../../../shared/mrz/reader/hold-hint';
import { readMrzFrame } from '../../../shared/mrz/reader/read-frame';
import { synthesiseFrame } from '../../../scripts/synth/document';
import { Rng } from '../../../scripts/synth/render';

const REF = new Date('2026-12-03T00:00:00Z');
// The Czech specimen passport: every check digit right, expired 2012-07-04, holder born 2011.
const CZECH = ['P<CZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<<<<<<<<<', '99003853<1CZE1101018M1207046110101111<<<<<94'];

describe('the camera and a document read correctly', () => {
  it('accepts the long-expired Czech specimen as read, with its notices', () => {
    const f = synthesiseFrame(new Rng(7), { format: 'TD3', lines: CZECH, difficulty: 0.15, capHeight: 18 });
    const r = readMrzFrame(f.image, { referenceDate: REF });
    expect(r.lines).toEqual(CZECH);
    expect(r.valid).toBe(true);
    expect(r.refusal).toBeNull();
    expect(r.result!.notices.map((n) => n.code)).toEqual(['expired', 'minor']);
  });

  it('holds back a sure reading whose state code no issuer uses, and says that is why', () => {
    const lines = generateMrz('TD3', { documentCode: 'P', issuingState: 'QQQ', nationality: 'QQQ', primaryIdentifier: 'SANTOSO', secondaryIdentifier: 'BUDI', documentNumber: 'B1234567', birthDate: '1990-01-02', sex: 'M', expiryDate: '2031-02-03' });
    const f = synthesiseFrame(new Rng(8), { format: 'TD3', lines, difficulty: 0.15, capHeight: 18 });
    const r = readMrzFrame(f.image, { referenceDate: REF });
    expect(r.lines).toEqual(lines);
    expect(r.result!.checks.every((c) => c.valid)).toBe(true);
    expect(r.valid).toBe(false);
    expect(r.refusal).toBe('unknown_state');
    expect(holdHint(r, f.image)).toBe('unknown_state');
  });

  it('holds back a sure reading of the Czech ID card specimen, born on a 29 February that did not exist, and says that is why', () => {
    // Every check digit of the specimen's MRZ holds; 1979 was no leap year. The document is at fault, not the reading.
    const lines = ['IDCZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<', '9900070281CZE7902295F15072290292<<<5'];
    const f = synthesiseFrame(new Rng(10), { format: 'TD2', lines, difficulty: 0.15, capHeight: 18 });
    const r = readMrzFrame(f.image, { referenceDate: REF });
    expect(r.lines).toEqual(lines);
    expect(r.result!.checks.every((c) => c.valid)).toBe(true);
    expect(r.result!.errors.map((e) => e.field)).toEqual(['birthDate']);
    expect(r.valid).toBe(false);
    expect(r.refusal).toBe('impossible_field');
    expect(holdHint(r, f.image)).toBe('impossible_field');
  });

  it('says "confirming" for an accepted frame waiting for a second, and gives no reason-hint to a frame without an MRZ', () => {
    const f = synthesiseFrame(new Rng(9), { format: 'TD3', difficulty: 0.15, capHeight: 18 });
    const r = readMrzFrame(f.image, { referenceDate: REF });
    expect(r.valid).toBe(true);
    expect(holdHint(r, f.image)).toBe('confirming');
    const blank = { width: 640, height: 360, data: new Uint8Array(640 * 360).fill(128) };
    expect(holdHint(readMrzFrame(blank, { referenceDate: REF }), blank)).toBeNull();
  });
});
