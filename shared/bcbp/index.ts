// Owns reading an IATA BCBP boarding pass (Resolution 792, format M) as a barcode scanner types it: the legs of
// the journey it covers, so that the desk compares where the ticket really ends with the final destination declared.
// Only the mandatory items are read; the conditional and security sections are skipped by their stated sizes.

export type BoardingPassLeg = {
  pnr: string;
  /** IATA airport codes. */
  from: string;
  to: string;
  carrier: string;
  flight: string;
  /** Day of the year of the flight (1-366); BCBP carries no year. */
  julianDay: number;
};

export type BoardingPass = { name: string; legs: BoardingPassLeg[] };

export type BoardingPassProblem = 'not_bcbp' | 'truncated' | 'bad_leg';

export type BoardingPassReading = { ok: true; pass: BoardingPass } | { ok: false; problem: BoardingPassProblem };

/** Format, leg count, name (20) and e-ticket indicator come once, before the first leg. */
const HEADER_LENGTH = 23;
/** PNR 7, from 3, to 3, carrier 3, flight 5, date 3, compartment 1, seat 4, check-in 5, status 1, conditional size 2. */
const LEG_LENGTH = 37;
const IATA = /^[A-Z]{3}$/;

export function parseBoardingPass(scanned: string): BoardingPassReading {
  // A scanner ends with Enter; a pasted pass may carry a trailing newline. Inner spaces are part of the format.
  const text = scanned.replace(/[\r\n]+$/g, '').replace(/^[\r\n]+/g, '');
  if (!/^M[1-4]/.test(text)) return { ok: false, problem: 'not_bcbp' };
  const count = Number(text[1]);
  const name = text.slice(2, 22).trim();
  const legs: BoardingPassLeg[] = [];
  let at = HEADER_LENGTH;
  for (let i = 0; i < count; i++) {
    if (text.length < at + LEG_LENGTH) return { ok: false, problem: 'truncated' };
    const leg = text.slice(at, at + LEG_LENGTH);
    const from = leg.slice(7, 10).trim().toUpperCase();
    const to = leg.slice(10, 13).trim().toUpperCase();
    const julianDay = Number(leg.slice(21, 24));
    const conditional = Number.parseInt(leg.slice(35, 37), 16);
    if (!IATA.test(from) || !IATA.test(to) || !Number.isInteger(julianDay) || julianDay < 1 || julianDay > 366 || Number.isNaN(conditional)) {
      return { ok: false, problem: 'bad_leg' };
    }
    legs.push({ pnr: leg.slice(0, 7).trim(), from, to, carrier: leg.slice(13, 16).trim(), flight: leg.slice(16, 21).trim().replace(/^0+(?=\d)/, ''), julianDay });
    at += LEG_LENGTH + conditional;
  }
  return { ok: true, pass: { name, legs } };
}

/**
 * The airports a traveller lands at, in order, once a boarding pass's legs are added to those already known (passes
 * are read in the order of travel). A leg that lands where the list already goes (the same pass read twice) adds
 * nothing; a leg from an airport in the list lands right after it; any other leg goes on at the end.
 */
export function landingAirports(known: readonly string[], legs: readonly BoardingPassLeg[]): string[] {
  const airports = [...known];
  for (const leg of legs) {
    if (airports.includes(leg.to)) continue;
    const from = airports.indexOf(leg.from);
    airports.splice(from < 0 ? airports.length : from + 1, 0, leg.to);
  }
  return airports;
}

/** Airport codes as an officer types them: "KUL BKK", "KUL-BKK", "kul > bkk, pnh". */
export function typedAirports(typed: string): string[] {
  return typed
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((code) => code !== '');
}
