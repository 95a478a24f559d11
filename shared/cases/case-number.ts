// Owns the shape of a case number, AIRPORT-DESK-YYMMDD-NNNN: how one is written and the pattern that recognises
// one (a slip's QR code, a scanner typing it). Short enough to read aloud, and unique across desks because each
// desk has its own code and counts its own cases per day; the counting is electron/core/cases/case-number.ts.

import { airportDayCode } from '../reference-data/airport-time';

/** An airport's IATA code and a desk's code, as the desk's settings hold them. */
export const AIRPORT_CODE_PATTERN = /^[A-Z]{3}$/;
export const DESK_CODE_PATTERN = /^[A-Z0-9]{2,4}$/;

/** A pattern's text without its anchors, to build a larger pattern from it. */
const unanchored = (pattern: RegExp): string => pattern.source.replace(/^\^/, '').replace(/\$$/, '');

/**
 * A case number as caseNumber() writes it, e.g. PLM-D01-261128-0042 (airport, desk, date, counter): made of the code
 * patterns above, so a desk code the settings accept always gives a case number a scanner recognises.
 */
export const CASE_NUMBER_PATTERN = new RegExp(`^${unanchored(AIRPORT_CODE_PATTERN)}-${unanchored(DESK_CODE_PATTERN)}-\\d{6}-\\d{4}$`);

/**
 * A desk as the review tells desks apart, the airport and desk codes its case numbers carry (PLM-D01): the hub gives
 * each desk its own code, while names are each desk's own and may repeat.
 */
export const DESK_KEY_PATTERN = new RegExp(`^${unanchored(AIRPORT_CODE_PATTERN)}-${unanchored(DESK_CODE_PATTERN)}$`);

/** The desk a case number was given by: PLM-D01-261128-0042 is PLM-D01 (all but the date and counter). */
export function deskKeyOf(caseNumber: string): string {
  return caseNumber.slice(0, caseNumber.length - '-YYMMDD-NNNN'.length);
}

/**
 * Every case number of this desk and day starts with this. The day is the airport's (WIB at PLM), as on the slip that
 * carries the number, not the desk PC's: a PC set to another zone would give a case opened at 06.30 WIB yesterday's date.
 */
export function caseNumberPrefix(airportCode: string, deskCode: string, at: Date): string {
  return `${airportCode}-${deskCode}-${airportDayCode(at, airportCode)}-`;
}

export function caseNumber(prefix: string, counter: number): string {
  return `${prefix}${String(counter).padStart(4, '0')}`;
}
