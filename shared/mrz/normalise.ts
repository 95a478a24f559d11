// Owns input tolerance: turns what a keyboard-wedge reader or a person types or pastes into MRZ lines.

import { CHAR_VALUE } from './alphabet';

const MRZ_WIDTHS = [30, 36, 44];

function isMrzCode(c: number): boolean {
  return c < 128 && CHAR_VALUE[c]! >= 0;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x3000 || c === 0x2007 || c === 0x202f;
}
function isControl(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127 || (c >= 0x80 && c < 0xa0) || c === 0xfeff;
}

/**
 * Splits on CR, LF or TAB; per line trims spaces and reader prefix/suffix characters, upper-cases
 * and removes inner spaces (or reads them as `<` when only that gives an MRZ width); one
 * unseparated line of 72, 88 or 90 characters is split. Characters inside a line that are not in the
 * alphabet are kept so that the parser can report where they are. Linear time; never throws.
 */
export function normaliseMrzInput(raw: string): { lines: string[]; notes: string[] } {
  const notes = new Set<string>();
  const lines: string[] = [];
  if (typeof raw !== 'string') return { lines, notes: ['input was not text'] };
  // Fast path: already clean lines separated by LF only (what tests, generators and most callers pass).
  if (isCleanLf(raw)) {
    let start = 0;
    for (;;) {
      const nl = raw.indexOf('\n', start);
      const end = nl < 0 ? raw.length : nl;
      if (end > start) lines.push(raw.slice(start, end));
      if (nl < 0) break;
      start = nl + 1;
    }
    return { lines: splitJoined(lines, notes), notes: [...notes] };
  }
  let start = 0;
  let sawCr = false;
  let sawTab = false;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 10;
    if (c === 10 || c === 13 || c === 9) {
      if (c === 13) sawCr = true;
      if (c === 9) sawTab = true;
      if (i > start) {
        const line = cleanLine(raw.slice(start, i), notes);
        if (line.length > 0) lines.push(line);
      }
      start = i + 1;
    }
  }
  if (sawTab) notes.add('lines separated by TAB');
  if (sawCr) notes.add('lines separated by CR');
  return { lines: splitJoined(lines, notes), notes: [...notes] };
}

function isCleanLf(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 10 && !isMrzCode(c)) return false;
  }
  return true;
}

/** Cleans one line; `notes` collects what changed. */
export function cleanLine(line: string, notes: Set<string>): string {
  let s = 0;
  let e = line.length;
  // Reader prefix/suffix: control codes (STX/ETX…), spaces, and punctuation that is no MRZ character.
  let strippedSpace = false;
  let strippedOther = false;
  while (s < e) {
    const c = line.charCodeAt(s);
    if (isMrzCode(c) || (c >= 97 && c <= 122)) break;
    if (isSpace(c)) strippedSpace = true;
    else strippedOther = true;
    s++;
  }
  while (e > s) {
    const c = line.charCodeAt(e - 1);
    if (isMrzCode(c) || (c >= 97 && c <= 122)) break;
    if (isSpace(c)) strippedSpace = true;
    else strippedOther = true;
    e--;
  }
  if (strippedSpace) notes.add('removed surrounding spaces');
  if (strippedOther) notes.add('removed reader prefix/suffix characters');
  let out = '';
  let outSpacesAsFiller = '';
  let spaces = 0;
  let lower = false;
  let control = false;
  for (let i = s; i < e; i++) {
    let c = line.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      c -= 32;
      lower = true;
    }
    if (isSpace(c)) {
      spaces++;
      outSpacesAsFiller += '<';
      continue;
    }
    if (isControl(c)) control = true;
    const ch = String.fromCharCode(c);
    out += ch;
    outSpacesAsFiller += ch;
  }
  if (lower) notes.add('converted lower case to upper case');
  if (control) notes.add('found control characters inside a line');
  if (!MRZ_WIDTHS.includes(out.length)) {
    // A person may type spaces where the document prints `<`, trailing ones included; use that
    // reading only when it alone gives a known width.
    let trailing = 0;
    for (let i = e; i < line.length && isSpace(line.charCodeAt(i)); i++) trailing++;
    if (MRZ_WIDTHS.includes(outSpacesAsFiller.length)) {
      notes.add('read spaces inside lines as <');
      return outSpacesAsFiller;
    }
    if (trailing > 0 && MRZ_WIDTHS.includes(outSpacesAsFiller.length + trailing)) {
      notes.add('read spaces inside lines as <');
      return outSpacesAsFiller + '<'.repeat(trailing);
    }
  }
  if (spaces > 0) notes.add('removed spaces inside lines');
  return out;
}

/** A reader that sends no line breaks gives one line of 2 × 44, 2 × 36 or 3 × 30 characters. */
function splitJoined(lines: string[], notes: Set<string>): string[] {
  if (lines.length !== 1) return lines;
  const l = lines[0]!;
  let width = 0;
  if (l.length === 88) width = 44;
  else if (l.length === 72) width = 36;
  else if (l.length === 90) width = 30;
  if (width === 0) return lines;
  notes.add(`split one line of ${l.length} characters into lines of ${width}`);
  const out: string[] = [];
  for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width));
  return out;
}
