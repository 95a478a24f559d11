// Owns MRZ name fields: primary << secondary identifier, the parts, and the class rules names obey.

export interface NameSplit {
  /** Absolute columns. primaryEnd is exclusive; secondary is [secondaryStart, secondaryEnd). */
  primaryEnd: number;
  secondaryStart: number;
  secondaryEnd: number;
  primaryParts: string[];
  secondaryParts: string[];
}

/** Words of s[start:end] separated by any run of `<`. */
export function nameWords(s: string, start: number, end: number): string[] {
  const out: string[] = [];
  let w = -1;
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) === 60) {
      if (w >= 0) {
        out.push(s.slice(w, i));
        w = -1;
      }
    } else if (w < 0) w = i;
  }
  if (w >= 0) out.push(s.slice(w, end));
  return out;
}

/**
 * Splits a names region at the first `<<`. Without one the whole region is the primary identifier
 * (Indonesian mononyms fill only the primary identifier).
 */
export function splitNames(s: string, start: number, end: number): NameSplit {
  let sep = -1;
  for (let i = start; i + 1 < end; i++) {
    if (s.charCodeAt(i) === 60 && s.charCodeAt(i + 1) === 60) {
      sep = i;
      break;
    }
  }
  let last = end;
  while (last > start && s.charCodeAt(last - 1) === 60) last--;
  if (sep < 0 || sep >= last) {
    return {
      primaryEnd: last,
      secondaryStart: last,
      secondaryEnd: last,
      primaryParts: nameWords(s, start, last),
      secondaryParts: [],
    };
  }
  return {
    primaryEnd: sep,
    secondaryStart: sep + 2,
    secondaryEnd: last,
    primaryParts: nameWords(s, start, sep),
    secondaryParts: nameWords(s, sep + 2, last),
  };
}

/** Turns a display name into MRZ characters: accents removed, separators to `<`, apostrophes dropped. */
export function toMrzName(name: string): string {
  const plain = name.normalize('NFD');
  let out = '';
  for (let i = 0; i < plain.length; i++) {
    const ch = plain[i]!;
    const c = plain.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) continue; // combining accents
    if (ch === "'" || ch === '’') continue;
    if (c >= 97 && c <= 122) out += String.fromCharCode(c - 32);
    else if ((c >= 65 && c <= 90) || c === 60) out += ch;
    else if (ch === 'ß') out += 'SS';
    else if (ch === 'Æ' || ch === 'æ') out += 'AE';
    else if (ch === 'Ø' || ch === 'ø') out += 'OE';
    else out += '<';
  }
  return out;
}
