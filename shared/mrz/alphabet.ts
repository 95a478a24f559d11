// Owns the MRZ alphabet: character values for check digits, character classes and the usual confusions.

/** Check-digit value per char code (`<` = 0, digits, A = 10 … Z = 35); -1 outside the alphabet. */
export const CHAR_VALUE: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  t[60] = 0;
  for (let c = 48; c <= 57; c++) t[c] = c - 48;
  for (let c = 65; c <= 90; c++) t[c] = c - 55;
  return t;
})();

/** The check-digit value of a char (its first code unit), or -1 outside the MRZ alphabet. */
export function charValue(ch: string): number {
  const c = ch.charCodeAt(0);
  return c < 128 ? CHAR_VALUE[c]! : -1;
}

/** CHAR_VALUE over every UTF-16 code unit, so hot loops index without a range check. */
export const CHAR_VALUE_16: Int8Array = (() => {
  const t = new Int8Array(65536).fill(-1);
  t.set(CHAR_VALUE);
  return t;
})();

// Class bits: a position's class is a mask, and a char fits when its bits intersect the mask.
export const DIGIT = 1;
export const LETTER = 2;
export const FILLER = 4;
/** M, F, X and `<`: the sex field has its own small alphabet. */
export const SEX = 8;

export const CLASS_DIGIT = DIGIT;
export const CLASS_DIGIT_OR_FILLER = DIGIT | FILLER;
export const CLASS_LETTER_OR_FILLER = LETTER | FILLER;
export const CLASS_ALNUM_OR_FILLER = DIGIT | LETTER | FILLER;
export const CLASS_LETTER = LETTER;
export const CLASS_SEX = SEX;

/** Class bits per char code (0 outside the alphabet). Index with codes < 128 only. */
export const CHAR_FLAGS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  t[60] = FILLER | SEX;
  for (let c = 48; c <= 57; c++) t[c] = DIGIT;
  for (let c = 65; c <= 90; c++) t[c] = LETTER;
  t[77] = LETTER | SEX; // M
  t[70] = LETTER | SEX; // F
  t[88] = LETTER | SEX; // X
  return t;
})();

/** CHAR_FLAGS over every UTF-16 code unit (0 beyond ASCII). */
export const CHAR_FLAGS_16: Uint8Array = (() => {
  const t = new Uint8Array(65536);
  t.set(CHAR_FLAGS);
  return t;
})();

export function fitsClass(code: number, mask: number): boolean {
  return code < 128 && (CHAR_FLAGS[code]! & mask) !== 0;
}

/** True when every char of s is in A-Z, 0-9 or `<`. */
export function isMrzText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || CHAR_VALUE[c]! < 0) return false;
  }
  return true;
}

/**
 * Digits that OCR and typists confuse with letters. Only used where a position admits letters only
 * and no check digit protects it (names, state codes; in a single line of no known layout, a word
 * of letters), so the change cannot hide a misreading.
 */
export const DIGIT_TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '6': 'G',
  '8': 'B',
};
/** The reverse confusions: hints in error messages, and a lone letter in a run of digits of a single line of no known layout. */
export const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

/** Describes a char for messages; control chars and NUL get a readable name. */
export function describeChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0) return 'a NUL byte';
  if (c < 32 || c === 127) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  if (c === 32) return 'a space';
  return `'${ch}'`;
}
