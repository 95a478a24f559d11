// Frame voting: acceptance needs two agreeing valid frames and two agreeing name readings; a
// different document starts over.
import { describe, expect, it } from 'vitest';
import { generateMrz, parseMrz } from '../../../shared/mrz/index';
import { MrzVoter, voteInput, type VoteInput } from '../../../shared/mrz/reader/vote';

const ANNA = generateMrz('TD3', { issuingState: 'UTO', nationality: 'UTO', primaryIdentifier: 'ERIKSSON', secondaryIdentifier: 'ANNA MARIA', documentNumber: 'L898902C3', birthDate: '740812', sex: 'F', expiryDate: '2031-04-15' });
// Same document, one name letter misread (names carry no check digit, so it is still "valid").
const ANNA_MISREAD = [ANNA[0]!.replace('MARIA', 'MAPIA'), ANNA[1]!];
const OTHER = generateMrz('TD3', { issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: 'SANTOSO', secondaryIdentifier: 'BUDI', documentNumber: 'C1234567', birthDate: '800101', sex: 'M', expiryDate: '2030-01-01' });

const REF = new Date('2026-06-01T00:00:00Z');

function input(lines: string[]): VoteInput {
  const r = parseMrz(lines, { referenceDate: REF });
  return voteInput({ valid: r.valid, lines: r.lines, result: r });
}

describe('MrzVoter', () => {
  it('the fixtures are valid MRZs (the voter is only ever fed valid readings to accept)', () => {
    expect(parseMrz(ANNA, { referenceDate: REF }).valid).toBe(true);
    expect(parseMrz(OTHER, { referenceDate: REF }).valid).toBe(true);
    expect(parseMrz(ANNA_MISREAD, { referenceDate: REF }).valid).toBe(true);
  });

  it('does not accept a single valid frame, accepts the second agreeing one, and says so once', () => {
    const v = new MrzVoter();
    const first = v.push(input(ANNA));
    expect(first.state).toBe('confirming');
    expect(first.accepted).toBeNull();
    const second = v.push(input(ANNA));
    expect(second.event).toBe('accepted');
    expect(second.accepted).toEqual(ANNA);
    const third = v.push(input(ANNA));
    expect(third.state).toBe('accepted');
    expect(third.event).toBeNull();
  });

  it('ignores frames whose check digits fail or that have no reading', () => {
    const v = new MrzVoter();
    v.push(input(ANNA));
    const broken = [ANNA[0]!, ANNA[1]!.replace('7408122', '7408132')];
    expect(v.push(input(broken)).state).toBe('confirming');
    expect(v.push({ valid: false, lines: null, nameSpans: [] }).agreeingFrames).toBe(1);
    expect(v.push(input(ANNA)).event).toBe('accepted');
  });

  it('waits for two frames that agree on the names', () => {
    const v = new MrzVoter();
    v.push(input(ANNA));
    const u = v.push(input(ANNA_MISREAD));
    expect(u.state).toBe('confirming');
    expect(u.agreeingFrames).toBe(2);
    expect(u.agreeingNames).toBe(1);
    const w = v.push(input(ANNA_MISREAD));
    expect(w.event).toBe('accepted');
    expect(w.accepted).toEqual(ANNA_MISREAD);
  });

  it('a different document resets the evidence, then is accepted on its own two frames', () => {
    const v = new MrzVoter();
    v.push(input(ANNA));
    v.push(input(ANNA));
    const r = v.push(input(OTHER));
    expect(r.event).toBe('reset');
    expect(r.state).toBe('confirming');
    expect(r.accepted).toBeNull();
    const a = v.push(input(OTHER));
    expect(a.event).toBe('accepted');
    expect(a.accepted).toEqual(OTHER);
  });

  it('one frame of another document between two of the first does not let them combine', () => {
    const v = new MrzVoter();
    v.push(input(ANNA));
    v.push(input(OTHER));
    const u = v.push(input(ANNA));
    expect(u.state).toBe('confirming');
    expect(v.push(input(ANNA)).event).toBe('accepted');
  });

  it('masks the whole name area (names and their fillers) for TD1 and TD3', () => {
    const td1 = input(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<']);
    expect(td1.nameSpans).toEqual([{ line: 2, start: 0, end: 30 }]);
    expect(input(ANNA).nameSpans).toEqual([{ line: 0, start: 5, end: 44 }]);
  });

  it('reset() forgets an accepted document', () => {
    const v = new MrzVoter();
    v.push(input(ANNA));
    v.push(input(ANNA));
    v.reset();
    expect(v.push(input(ANNA)).state).toBe('confirming');
  });
});
