// Cross-check against the `mrz` npm package on generated TD1/TD2/TD3 documents.
//
// Known differences (the package is a cross-check, not an oracle):
// - sex `X`: ICAO 9303 allows it, the package accepts only M, F and `<`;
// - state codes missing from the package's table (`UTO`, and a few ICAO codes such as XCE, XCO, XMP)
//   make it mark the reading invalid; we report an unknown code as a warning, never as invalid;
// - sex values: it says male/female/nonspecified where we keep M/F/<;
// - dates: it returns YYMMDD without checking plausibility; we resolve the century;
// - a TD2 issued by France with document code ID starts `IDFRA` like the French national ID: the
//   package always reads it as French, we let the check digits decide (those documents are skipped);
// - TD1/TD2 long document numbers: its optional data still holds the number's continuation, ours does not.

import { parse as mrzParse, states as mrzStates } from 'mrz';
import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../shared/mrz';
import type { MrzFormat } from '../../../shared/mrz';
import { randomDoc, rng } from './random-docs';

const REF = { referenceDate: new Date(2025, 5, 15) };
const SEX: Record<string, string> = { M: 'male', F: 'female', '<': 'nonspecified' };
const PER_FORMAT = 3400;

function packageKnows(code: string): boolean {
  return Object.hasOwn(mrzStates, code.replaceAll('<', ''));
}

describe.each(['TD1', 'TD2', 'TD3'] as MrzFormat[])('%s against the mrz package', (format) => {
  it(`agrees on ${PER_FORMAT} generated documents wherever both define a field`, () => {
    const r = rng(5000 + format.charCodeAt(2));
    let compared = 0;
    let knownDifferences = 0;
    // Mismatches are collected in plain code and asserted once: thousands of expect() calls cost seconds.
    const failures: unknown[] = [];
    const fail = (lines: string[], what: string, oursValue: unknown, theirsValue: unknown): void => {
      if (failures.length < 5) failures.push({ lines, what, ours: oursValue, theirs: theirsValue });
    };
    for (let i = 0; i < PER_FORMAT; i++) {
      const doc = randomDoc(r, format, 2025);
      const ours = parseMrz(doc.lines, REF);
      if (format === 'TD2' && doc.lines[0]!.startsWith('IDFRA')) {
        if (ours.format !== 'TD2') fail(doc.lines, 'format', ours.format, 'TD2');
        knownDifferences++;
        continue;
      }
      const theirs = mrzParse(doc.lines);
      const lines = doc.lines;
      if (theirs.format !== format) fail(lines, 'format', format, theirs.format);
      if (!ours.valid) fail(lines, 'valid', ours.valid, theirs.valid);
      const differs = doc.fields.sex === 'X' || !packageKnows(doc.fields.issuingState) || !packageKnows(doc.fields.nationality);
      if (differs) {
        knownDifferences++;
        if (theirs.valid) fail(lines, 'known difference not seen', ours.valid, theirs.valid);
      } else {
        compared++;
        if (!theirs.valid) fail(lines, 'valid', ours.valid, theirs.valid);
      }
      const f = theirs.fields;
      // Field by field where the package gives a value (it gives null for what it considers invalid).
      const same = (what: string, theirsValue: string | null | undefined, oursValue: string | null | undefined): void => {
        if (theirsValue !== null && theirsValue !== undefined && theirsValue !== oursValue) fail(lines, what, oursValue, theirsValue);
      };
      same('documentCode', f.documentCode, ours.fields.documentCode!.value);
      same('issuingState', f.issuingState, ours.fields.issuingState!.value);
      same('nationality', f.nationality, ours.fields.nationality!.value);
      same('lastName', f.lastName, ours.primaryIdentifier);
      same('firstName', f.firstName, ours.secondaryIdentifier);
      same('documentNumber', f.documentNumber, ours.documentNumber);
      same('birthDate', f.birthDate, ours.fields.birthDate!.raw);
      same('expirationDate', f.expirationDate, ours.fields.expiryDate!.raw);
      if (doc.fields.sex !== 'X' && f.sex !== SEX[doc.fields.sex]) fail(lines, 'sex', doc.fields.sex, f.sex);
      const long = ours.fields.documentNumber!.continuation !== undefined;
      if (format === 'TD3') same('personalNumber', f.personalNumber, ours.fields.optionalData!.value);
      if (format === 'TD2' && !long) same('optional', f.optional, ours.fields.optionalData!.value);
      if (format === 'TD1') {
        same('optional2', f.optional2, ours.fields.optionalData2!.value);
        if (!long) same('optional1', f.optional1, ours.fields.optionalData!.value);
      }
      // Check digits: both must agree on every one the package reports.
      for (const name of ['documentNumber', 'birthDate', 'expirationDate', 'composite'] as const) {
        const detail = theirs.details.find((d) => d.field === `${name}CheckDigit`);
        const ourName = name === 'expirationDate' ? 'expiryDate' : name;
        const ourCheck = ours.checks.find((c) => c.name === ourName)!.valid;
        if (detail && detail.valid !== ourCheck) fail(lines, `${name} check`, ourCheck, detail.valid);
      }
    }
    expect(failures).toEqual([]);
    expect(compared + knownDifferences).toBe(PER_FORMAT);
    expect(compared).toBeGreaterThan(PER_FORMAT / 2);
  });
});

describe('mrz package on broken documents', () => {
  it('agrees on check-digit failures after a digit change', () => {
    const r = rng(77);
    for (let i = 0; i < 500; i++) {
      const doc = randomDoc(r, (['TD1', 'TD2', 'TD3'] as const)[i % 3]!, 2025, false);
      // Change one digit of the birth date: both must reject the birth date check digit.
      const lines = doc.lines.slice();
      const pos = doc.format === 'TD1' ? [1, 2] : [1, 16];
      const line = lines[pos[0]!]!;
      const old = line[pos[1]!]!;
      const repl = old === '0' ? '1' : '0';
      lines[pos[0]!] = line.slice(0, pos[1]) + repl + line.slice(pos[1]! + 1);
      const ours = parseMrz(lines, REF);
      const theirs = mrzParse(lines);
      expect(ours.checks.find((c) => c.name === 'birthDate')!.valid).toBe(false);
      expect(theirs.details.find((d) => d.field === 'birthDateCheckDigit')!.valid).toBe(false);
      expect(ours.valid).toBe(false);
      expect(theirs.valid).toBe(false);
    }
  });
});
