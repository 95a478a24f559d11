// Input tolerance: what keyboard-wedge readers and people type or paste, and the notes about it.

import { describe, expect, it } from 'vitest';
import { normaliseMrzInput, parseMrz } from '../../../shared/mrz';

const L1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const L2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
const REF = { referenceDate: new Date(2010, 0, 1) };

describe('normaliseMrzInput', () => {
  it('leaves clean LF-separated lines alone and says nothing', () => {
    expect(normaliseMrzInput(`${L1}\n${L2}`)).toEqual({ lines: [L1, L2], notes: [] });
    expect(normaliseMrzInput(`${L1}\n${L2}\n`)).toEqual({ lines: [L1, L2], notes: [] });
  });

  it.each([
    ['CR', `${L1}\r${L2}`, 'lines separated by CR'],
    ['CRLF', `${L1}\r\n${L2}\r\n`, 'lines separated by CR'],
    ['TAB', `${L1}\t${L2}`, 'lines separated by TAB'],
    ['surrounding spaces', `   ${L1}  \n  ${L2}   `, 'removed surrounding spaces'],
    ['lower case', `${L1.toLowerCase()}\n${L2.toLowerCase()}`, 'converted lower case to upper case'],
    ['reader prefix/suffix', `\u0002${L1}\n${L2}\u0003`, 'removed reader prefix/suffix characters'],
    ['punctuation prefix', `#${L1}\n${L2};`, 'removed reader prefix/suffix characters'],
    ['spaces inside lines', `${L1.slice(0, 20)} ${L1.slice(20)}\n${L2.slice(0, 10)}  ${L2.slice(10)}`, 'removed spaces inside lines'],
    ['one joined line', L1 + L2, 'split one line of 88 characters into lines of 44'],
  ])('tolerates %s and reports it', (_label, input, note) => {
    const { lines, notes } = normaliseMrzInput(input);
    expect(lines).toEqual([L1, L2]);
    expect(notes).toContain(note);
    const r = parseMrz(input, REF);
    expect(r.valid).toBe(true);
    expect(r.normalised).toContain(note);
  });

  it('reads typed spaces as < when only that gives an MRZ width', () => {
    const typed = 'P UTOERIKSSON  ANNA MARIA                   \nL898902C36UTO7408122F1204159ZE184226B     10';
    const r = parseMrz(typed, REF);
    expect(r.lines).toEqual([L1, L2]);
    expect(r.valid).toBe(true);
    expect(r.normalised).toContain('read spaces inside lines as <');
  });

  it('ignores blank lines inside a document', () => {
    expect(normaliseMrzInput(`\n${L1}\n\n${L2}\n\n`).lines).toEqual([L1, L2]);
  });

  it('keeps characters that are not MRZ inside a line, for the parser to point at', () => {
    const r = parseMrz(`${L1}\n${L2.slice(0, 5)}?${L2.slice(6)}`, REF);
    expect(r.valid).toBe(false);
    expect(r.errors.some((e) => e.field === 'line2' && /column 6/.test(e.message))).toBe(true);
  });

  it('splits joined TD1 (90) and TD2 (72) lines', () => {
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    expect(normaliseMrzInput(td1.join('')).lines).toEqual(td1);
    const td2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
    expect(normaliseMrzInput(td2.join('')).lines).toEqual(td2);
  });

  it('also normalises arrays of lines', () => {
    const r = parseMrz([` ${L1.toLowerCase()} `, L2], REF);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual([L1, L2]);
    expect(r.normalised).toEqual(expect.arrayContaining(['converted lower case to upper case', 'removed surrounding spaces']));
  });
});
