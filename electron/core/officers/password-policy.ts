// Owns what a password must be beyond its length: not blank, and not a common or easily guessed one, as judged
// by zxcvbn-ts with its common-password, English and Indonesian dictionaries (maintained upstream, not by us).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as id from '@zxcvbn-ts/language-id';

/** zxcvbn's score runs 0-4; 0 and 1 are "too guessable" and "very guessable" (a common password, a word and digits). */
const MIN_SCORE = 2;

let factory: ZxcvbnFactory | undefined;
// The dictionaries are large: built on the first password checked, not at every start.
const checker = () => (factory ??= new ZxcvbnFactory({ graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...en.dictionary, ...id.dictionary } }));

/** Why a password is refused (in English, for the log; the screen shows the catalogue's text), or null. */
export function passwordWeakness(password: string, personal: readonly string[]): string | null {
  if (password.trim().length === 0) return 'The password is blank.';
  const result = checker().check(password, [...personal]);
  if (result.score < MIN_SCORE) return 'The password is too easy to guess (a common password, a name or a word with digits).';
  return null;
}
