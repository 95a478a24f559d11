// Camera acceptance: a reading whose check digits hold is still not accepted when they could not
// have told it from another reading the recogniser found nearly as likely.
import { describe, expect, it } from 'vitest';
import { correctMrz, generateMrz } from '../../../shared/mrz/index';
import { acceptable, refusalOf } from '../../../shared/mrz/reader/acceptance';
import type { LineCandidates } from '../../../shared/mrz/reader/types';

const REF = new Date('2026-06-01T00:00:00Z');
// A document number with an O and a 0 at positions of equal weight (1 and 4: both 3).
const MRZ = generateMrz('TD2', { issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: 'SIREGAR', secondaryIdentifier: 'WAYAN', documentNumber: 'QOJW0H1K8', birthDate: '940715', sex: 'M', expiryDate: '2034-05-20' });

/** Every char read with certainty, except the given positions of line 2 ([char, score] pairs, best first). */
function reading(doubts: Record<number, Array<[string, number]>>): LineCandidates[] {
  return MRZ.map((line, l) => [...line].map((char, i) => (l === 1 && doubts[i] ? doubts[i]!.map(([c, score]) => ({ char: c, score })) : [{ char, score: 1 }])));
}

describe('acceptable', () => {
  it('accepts a reading whose doubtful O was settled by the check digits alone', () => {
    const cands = reading({ 1: [['0', 0.7], ['O', 0.3]] });
    const result = correctMrz(cands, { referenceDate: REF });
    expect(result.lines).toEqual(MRZ);
    expect(acceptable(result, cands, 0.5)).toBe(true);
  });

  it('refuses one where the O and the 0 could have been swapped without any check digit noticing', () => {
    // Position 1 reads O (its 0 a close second) and position 4 reads 0 (its O a close second):
    // swapped, the document number's digit and the composite hold just the same.
    const cands = reading({ 1: [['O', 0.7], ['0', 0.3]], 4: [['0', 0.7], ['O', 0.3]] });
    const result = correctMrz(cands, { referenceDate: REF });
    expect(result.valid).toBe(true);
    expect(acceptable(result, cands, 0.5)).toBe(false);
  });

  it('refuses a name read only 0.6 sure: no check digit covers names', () => {
    // Line 1 of a TD2 holds the names from position 5: SIREGAR's last R (position 11) read 0.6 sure, H the runner-up.
    const cands = MRZ.map((line, l) => [...line].map((char, i) => (l === 0 && i === 11 ? [{ char: 'R', score: 0.6 }, { char: 'H', score: 0.4 }] : [{ char, score: 1 }])));
    const result = correctMrz(cands, { referenceDate: REF });
    expect(result.valid).toBe(true);
    expect(acceptable(result, cands)).toBe(false);
    const sure = MRZ.map((line) => [...line].map((char) => [{ char, score: 1 }]));
    expect(acceptable(correctMrz(sure, { referenceDate: REF }), sure)).toBe(true);
  });

  it('refuses a G read where 6 is nearly as likely: the two have the same value mod 10', () => {
    const withG = generateMrz('TD2', { documentNumber: 'AG1234567', birthDate: '940715', expiryDate: '2034-05-20' });
    const cands = withG.map((line, l) => [...line].map((char, i) => (l === 1 && i === 1 ? [{ char: 'G', score: 0.6 }, { char: '6', score: 0.4 }] : [{ char, score: 1 }])));
    const result = correctMrz(cands, { referenceDate: REF });
    expect(result.valid).toBe(true);
    expect(acceptable(result, cands, 0.5)).toBe(false);
    const sure = withG.map((line) => [...line].map((char) => [{ char, score: 1 }]));
    expect(acceptable(correctMrz(sure, { referenceDate: REF }), sure, 0.5)).toBe(true);
  });

  it('refuses a letter read only 0.27 sure where its best few alternatives leave out a letter of the same value mod 10', () => {
    // Condition-set frame 420 with a candidate model: a personal number's printed D read as X (0.27), then A, 7, M
    // and K; D (value 13, X's 33) was not among them, held part of the other 31% of the score, and passes every
    // check digit that X passes. Accepted, the reading was wrong.
    const read = generateMrz('TD2', { documentNumber: 'L8X4KQ2P1', birthDate: '940715', expiryDate: '2034-05-20' });
    const withX = (alts: Array<[string, number]>): LineCandidates[] =>
      read.map((line, l) => [...line].map((char, i) => (l === 1 && i === 2 ? alts.map(([c, score]) => ({ char: c, score })) : [{ char, score: 1 }])));
    const doubtful = withX([['X', 0.27], ['A', 0.18], ['7', 0.09], ['M', 0.08], ['K', 0.07]]);
    const result = correctMrz(doubtful, { referenceDate: REF });
    expect(result.lines).toEqual(read);
    expect(refusalOf(result, doubtful)).toBe('unconfirmed');
    // Read 0.6 sure with 2% of the score left to the rest, no unlisted letter can be a tenth as likely.
    const surer = withX([['X', 0.6], ['A', 0.2], ['7', 0.1], ['M', 0.05], ['K', 0.03]]);
    expect(refusalOf(correctMrz(surer, { referenceDate: REF }), surer)).toBeNull();
  });

  it('refuses a replacement the recogniser scored under 0.25 although its first choice fitted: the check digit passed a guess', () => {
    // A printed I read as 1 (0.81), S the runner-up (0.18): 1 fails the check digit, S passes it
    // because its value differs from I's by 10. I itself was never offered.
    const printed = generateMrz('TD2', { documentNumber: 'I2FQKSS7Z', birthDate: '940715', expiryDate: '2034-05-20' });
    const withFirst = (alts: Array<[string, number]>): LineCandidates[] =>
      printed.map((line, l) => [...line].map((char, i) => (l === 1 && i === 0 ? alts.map(([c, score]) => ({ char: c, score })) : [{ char, score: 1 }])));
    const guessed = withFirst([['1', 0.81], ['S', 0.18]]);
    const result = correctMrz(guessed, { referenceDate: REF });
    expect(result.valid).toBe(true);
    expect(result.lines[1]!.startsWith('S')).toBe(true);
    expect(acceptable(result, guessed)).toBe(false);
    // The same replacement scored 0.3 is the recogniser's own runner-up, and the check digit settles it.
    const settled = withFirst([['1', 0.7], ['I', 0.3]]);
    const fixed = correctMrz(settled, { referenceDate: REF });
    expect(fixed.lines).toEqual(printed);
    expect(acceptable(fixed, settled)).toBe(true);
  });

  it('accepts one doubtful character the composite digit pins down, not two, nor one with a look-alike of the same value mod 10', () => {
    // TD2 line 2 from position 28 is optional data: only the composite digit covers it. Read 0.95 sure,
    // where letters and digits both fit, an O is not sure enough on its own (O and 0 look alike), but any
    // other character there would change the composite's sum, unless its value differs by a multiple of 10.
    const printed = generateMrz('TD2', { documentNumber: 'AB1234567', birthDate: '940715', expiryDate: '2034-05-20', optionalData: 'P0OY' });
    const at = printed[1]!.indexOf('P0OY') + 2;
    const read = (doubts: Record<number, Array<[string, number]>>): LineCandidates[] =>
      printed.map((line, l) => [...line].map((char, i) => (l === 1 && doubts[i] ? doubts[i]!.map(([c, score]) => ({ char: c, score })) : [{ char, score: 1 }])));
    const accepted = (cands: LineCandidates[]): boolean => {
      const result = correctMrz(cands, { referenceDate: REF });
      expect(result.lines).toEqual(printed);
      return acceptable(result, cands);
    };
    expect(accepted(read({ [at]: [['O', 0.95], ['0', 0.05]] }))).toBe(true);
    // 4 has O's value mod 10 (24): the composite holds on either reading.
    expect(accepted(read({ [at]: [['O', 0.95], ['4', 0.05]] }))).toBe(false);
    // Nor when such a twin may hide in what the listed alternatives leave (0.02 here: 4, E or Y unlisted).
    expect(accepted(read({ [at]: [['O', 0.95], ['0', 0.03]] }))).toBe(false);
    // Two doubtful characters under one composite digit can cancel out.
    expect(accepted(read({ [at]: [['O', 0.95], ['0', 0.05]], [at - 1]: [['0', 0.95], ['O', 0.05]] }))).toBe(false);
    // Nor does a composite digit read unsure pin anything.
    const composite = printed[1]!.length - 1;
    expect(accepted(read({ [at]: [['O', 0.95], ['0', 0.05]], [composite]: [[printed[1]![composite]!, 0.9], ['B', 0.1]] }))).toBe(false);
  });

  it('takes a composite digit read beside its own look-alike letter as sure: no letter can stand there', () => {
    // Real print (a Slovenian ID card specimen): the composite 0 read 0.989 sure with O 0.011 behind was too
    // unsure to pin one optional-data digit read 0.96, though no O can be a check digit.
    const printed = generateMrz('TD2', { documentNumber: 'AB1234567', birthDate: '940715', expiryDate: '2034-05-20', optionalData: 'Q0OY' });
    const at = printed[1]!.indexOf('Q0OY') + 2, composite = printed[1]!.length - 1;
    expect(printed[1]![composite]).toBe('0');
    const read = (compositeAlts: Array<[string, number]>): LineCandidates[] => printed.map((line, l) => [...line].map((char, i) => {
      if (l === 1 && i === at) return [{ char: 'O', score: 0.95 }, { char: '0', score: 0.05 }];
      if (l === 1 && i === composite) return compositeAlts.map(([c, score]) => ({ char: c, score }));
      return [{ char, score: 1 }];
    }));
    const accepted = (cands: LineCandidates[]): boolean => {
      const result = correctMrz(cands, { referenceDate: REF });
      expect(result.lines).toEqual(printed);
      return acceptable(result, cands);
    };
    expect(accepted(read([['0', 0.985], ['O', 0.015]]))).toBe(true);
    // Another digit behind it is doubt about the composite itself.
    expect(accepted(read([['0', 0.985], ['8', 0.015]]))).toBe(false);
  });

  it('refuses a lone digit among letters in visa optional data unless read all but certainly: there the O it looks like is likelier', () => {
    // Condition-set frame 208: an MRV-B's optional data OWRFS read 0WRFS, the 0 0.979 sure. No check
    // digit covers MRV optional data, and 0.979 clears the bar for letters-and-digits positions.
    const printed = generateMrz('MRVB', { documentNumber: 'AB1234567', birthDate: '940715', expiryDate: '2034-05-20', optionalData: 'OWRFS' });
    const at = printed[1]!.indexOf('OWRFS');
    const readAs = (char: string, score: number): LineCandidates[] =>
      printed.map((line, l) => [...line].map((c, i) => (l === 1 && i === at ? [{ char, score }, { char: char === '0' ? 'O' : '0', score: 1 - score }] : [{ char: c, score: 1 }])));
    const misread = readAs('0', 0.979);
    const result = correctMrz(misread, { referenceDate: REF });
    expect(result.valid).toBe(true);
    expect(result.lines[1]!.slice(at, at + 5)).toBe('0WRFS');
    expect(refusalOf(result, misread)).toBe('unsure_text');
    // The letter read as surely is accepted, and so is a digit there read all but certainly.
    const letter = readAs('O', 0.979);
    expect(refusalOf(correctMrz(letter, { referenceDate: REF }), letter)).toBeNull();
    const certain = readAs('0', 0.999);
    expect(refusalOf(correctMrz(certain, { referenceDate: REF }), certain)).toBeNull();
  });
});

describe('a digit as a document code\'s second character (US cards print C1)', () => {
  const card = ['C1USA0000003193LIN0000000319<<', '5808175M1105108COD<<<<<<<<<<<3', 'SPECIMEN<<TEST<VOID<<<<<<<<<<<'];
  const at = (alts: Array<[string, number]>): LineCandidates[] =>
    card.map((text, l) => [...text].map((char, i) => (l === 0 && i === 1 ? alts.map(([c, score]) => ({ char: c, score })) : [{ char, score: 1 }])));

  it('accepts one read all but certainly', () => {
    const cands = at([['1', 0.9995], ['I', 0.0005]]);
    const read = correctMrz(cands, { referenceDate: REF });
    expect(read.lines).toEqual(card);
    expect(refusalOf(read, cands)).toBeNull();
  });

  it('refuses a digit in doubt against another digit, and a letter read beside its look-alike digit', () => {
    // A review's attack: a chosen 7 (no letter look-alike) beside a 1 was taken as sure.
    const sevenOrOne = at([['7', 0.55], ['1', 0.45]]);
    expect(refusalOf(correctMrz(sevenOrOne, { referenceDate: REF }), sevenOrOne)).toBe('unsure_text');
    // Where a digit may stand, a 1 read 0.9 sure is doubt about the I chosen over it, not a vote for it.
    const oneOrI = at([['1', 0.9], ['I', 0.1]]);
    const read = correctMrz(oneOrI, { referenceDate: REF });
    expect(read.lines[0]!.slice(0, 2)).toBe('CI');
    expect(refusalOf(read, oneOrI)).toBe('unsure_text');
  });
});

describe('fillers at the empty end of a name field', () => {
  // TD3 line 1: P<IDN then TAN<<BUDI from position 5, fillers from 14 to the end.
  const TD3 = generateMrz('TD3', { issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: 'TAN', secondaryIdentifier: 'BUDI', documentNumber: 'C4X81Q2P7', birthDate: '940715', sex: 'F', expiryDate: '2034-05-20' });
  /** Every char read with certainty, except one position of line 1 read as a filler only `score` sure (glare). */
  const glareAt = (pos: number, score: number): LineCandidates[] =>
    TD3.map((line, l) => [...line].map((char, i) => (l === 0 && i === pos ? [{ char: '<', score }, { char: 'K', score: 0.01 }] : [{ char, score: 1 }])));

  it('accepts a filler read 0.24 sure after three sure fillers: any letter there would be refused as an implausible name', () => {
    expect(TD3[0]!.slice(5, 21)).toBe('TAN<<BUDI<<<<<<<');
    const cands = glareAt(20, 0.24);
    const result = correctMrz(cands, { referenceDate: REF });
    expect(result.lines).toEqual(TD3);
    expect(refusalOf(result, cands)).toBeNull();
  });

  it('still refuses one of the first three fillers after a name read that unsure: the name may go on there', () => {
    for (const pos of [14, 15, 16]) {
      const cands = glareAt(pos, 0.24);
      expect(refusalOf(correctMrz(cands, { referenceDate: REF }), cands)).toBe('unsure_text');
    }
  });

  it('does not take a filler on trust after three fillers of which one was itself unsure', () => {
    // Positions 15 (unsure) and 18 (unsure): 18 follows 15, 16, 17, and 15 did not pass on its own.
    const cands = TD3.map((line, l) => [...line].map((char, i) => (l === 0 && (i === 15 || i === 18) ? [{ char: '<', score: 0.3 }, { char: 'S', score: 0.2 }] : [{ char, score: 1 }])));
    expect(refusalOf(correctMrz(cands, { referenceDate: REF }), cands)).toBe('unsure_text');
  });
});

describe('the first letter of the document code', () => {
  // Condition-set frames (seeds 910270, 910290): a TD2's or French card's leading I read as 1, 0.92 sure, its
  // letters I (0.05) and S (0.03) close together; the rest of the MRZ read exactly and every check digit held.
  const TD2 = generateMrz('TD2', { documentCode: 'I', issuingState: 'IND', nationality: 'IND', primaryIdentifier: 'NASUTION', secondaryIdentifier: 'AHMAD', documentNumber: 'B9835382', birthDate: '601020', sex: '<', expiryDate: '2032-08-15' });
  const oneAt = (line: number, pos: number): LineCandidates[] =>
    TD2.map((text, l) => [...text].map((char, i) => (l === line && i === pos ? [{ char: '1', score: 0.92 }, { char: 'I', score: 0.05 }, { char: 'S', score: 0.03 }] : [{ char, score: 1 }])));

  it('accepts an I read beside a 1 and an S: no document code starts with S, so the S is no doubt about the letter', () => {
    expect(TD2[0]!.slice(0, 5)).toBe('I<IND');
    const cands = oneAt(0, 0);
    const result = correctMrz(cands, { referenceDate: REF });
    expect(result.lines).toEqual(TD2);
    expect(refusalOf(result, cands)).toBeNull();
  });

  it('refuses a name letter chosen over the look-alike of the recogniser\'s first choice', () => {
    // Condition-set frame 320: a TD1 name LIM read L1M, the 1 0.86 sure, S 0.11, I 0.03. No name holds a
    // digit, but a 1 is an I read as its look-alike, so it is no vote for the S the correction chose.
    const td1 = generateMrz('TD1', { issuingState: 'CHN', nationality: 'PHL', primaryIdentifier: 'LIM', secondaryIdentifier: 'SITI', documentNumber: 'W1Z77ADIJ', birthDate: '040210', sex: 'F', expiryDate: '2025-02-27' });
    const cands = td1.map((text, l) => [...text].map((char, i) => (l === 2 && i === 1 ? [{ char: '1', score: 0.86 }, { char: 'S', score: 0.11 }, { char: 'I', score: 0.03 }] : [{ char, score: 1 }])));
    const result = correctMrz(cands, { referenceDate: REF });
    expect(result.valid).toBe(true);
    expect(result.lines[2]!.startsWith('LSM<<')).toBe(true);
    expect(refusalOf(result, cands)).toBe('unsure_text');
  });

  it('still refuses the same doubt in a name, where an S is as good a letter as an I', () => {
    // Line 1 position 6 is NASUTION's A.
    const named = TD2.map((text, l) => [...text].map((char, i) => (l === 0 && i === 6 ? [{ char: '4', score: 0.92 }, { char: 'A', score: 0.05 }, { char: 'R', score: 0.03 }] : [{ char, score: 1 }])));
    const result = correctMrz(named, { referenceDate: REF });
    expect(result.lines).toEqual(TD2);
    expect(refusalOf(result, named)).toBe('unsure_text');
  });

  it('keeps a first letter no format allows when it is read far surer than any allowed one, and refuses it as the document\'s fault', () => {
    // Real-print document 25: a Polish residence card, KPPOL…, its K read 0.71 sure beside I (0.17), S and C.
    // The I was chosen and accepted as sure (K and S counted as no doubt): a KP card silently became an I card.
    const td1 = generateMrz('TD1', { documentCode: 'I', issuingState: 'POL', nationality: 'POL', primaryIdentifier: 'KOWALSKI', secondaryIdentifier: 'JAN', documentNumber: 'ZKA401404', birthDate: '810102', sex: 'M', expiryDate: '2032-08-17' });
    const at = (k: number, i: number): LineCandidates[] =>
      td1.map((text, l) => [...text].map((char, c) => (l === 0 && c === 0 ? [{ char: 'K', score: k }, { char: 'I', score: i }, { char: 'S', score: 0.04 }, { char: 'C', score: 0.02 }] : [{ char, score: 1 }])));
    const kp = correctMrz(at(0.71, 0.17), { referenceDate: REF });
    expect(kp.lines[0]![0]).toBe('K');
    expect(refusalOf(kp, at(0.71, 0.17))).toBe('impossible_field');
    // Less far apart, the correction takes the allowed I, but the K read surer is doubt about it.
    const close = at(0.5, 0.45);
    const read = correctMrz(close, { referenceDate: REF });
    expect(read.lines).toEqual(td1);
    expect(refusalOf(read, close)).toBe('unsure_text');
  });

  it('takes a name\'s digit read for its look-alike letter as a vote for that letter, not as doubt', () => {
    // Real-print document 102: a Spanish ID card, ESPANOLA, its second O read as 0 0.9935 sure, O 0.0054, D 0.0011,
    // in small print (0.9 needed). The 0 cannot be, and the glyph it saw is round: an O, not a D.
    const td1 = generateMrz('TD1', { documentCode: 'ID', issuingState: 'ESP', nationality: 'ESP', primaryIdentifier: 'ESPANOLA', secondaryIdentifier: 'CARMEN', documentNumber: 'BAA000589', birthDate: '800101', sex: 'F', expiryDate: '2030-01-01' });
    const o = td1[2]!.indexOf('O');
    const cands = td1.map((text, l) => [...text].map((char, i) => (l === 2 && i === o ? [{ char: '0', score: 0.9935 }, { char: 'O', score: 0.0054 }, { char: 'D', score: 0.0011 }] : [{ char, score: 1 }])));
    const read = correctMrz(cands, { referenceDate: REF });
    expect(read.lines).toEqual(td1);
    expect(refusalOf(read, cands, 0.9)).toBeNull();
    // Where the letter the recogniser leans to is another one, it stays doubt: D read surer than the O chosen.
    const leaning = td1.map((text, l) => [...text].map((char, i) => (l === 2 && i === o ? [{ char: '0', score: 0.6 }, { char: 'D', score: 0.3 }, { char: 'O', score: 0.1 }] : [{ char, score: 1 }])));
    expect(refusalOf({ ...read, lines: td1 }, leaning, 0.9)).toBe('unsure_text');
  });

  it('takes a name\'s 1 as a vote for no letter: it is an I, or an L whose foot is lost', () => {
    // Condition-set frame 342 (a TD3 sideways, small print): the name LUC, its L read as 1 0.53 and I 0.36, L unlisted.
    // Counted for the I, the 1 made it 0.91 sure, and the camera accepted IUC.
    const td3 = generateMrz('TD3', { issuingState: 'PHL', nationality: 'PHL', primaryIdentifier: 'SETIAWAN', secondaryIdentifier: 'LUC', documentNumber: 'BGCAH7Y5P', birthDate: '760321', sex: 'M', expiryDate: '2035-05-26' });
    const l = td3[0]!.indexOf('LUC');
    const cands = td3.map((text, li) => [...text].map((char, i) => (li === 0 && i === l ? [{ char: '1', score: 0.53 }, { char: 'I', score: 0.36 }, { char: '4', score: 0.027 }, { char: 'T', score: 0.019 }] : [{ char, score: 1 }])));
    const read = correctMrz(cands, { referenceDate: REF });
    expect(read.lines[0]!.slice(l, l + 3)).toBe('IUC');
    expect(refusalOf(read, cands, 0.9)).toBe('unsure_text');
    expect(refusalOf(read, cands, 0.7)).toBe('unsure_text');
  });

  it('counts V as a possible first letter of a 2×36 MRZ: that letter is what tells a TD2 from an MRV-B', () => {
    const cands = TD2.map((text, l) => [...text].map((char, i) => (l === 0 && i === 0 ? [{ char: 'I', score: 0.6 }, { char: 'V', score: 0.4 }] : [{ char, score: 1 }])));
    expect(refusalOf(correctMrz(cands, { referenceDate: REF }), cands)).toBe('unsure_text');
  });
});
