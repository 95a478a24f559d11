// Every specimen of the reference file (and two French ID specimens), with every field asserted.

import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../shared/mrz';
import type { MrzResult } from '../../../shared/mrz';

/** Before the specimens' expiry: born 1974, expiring 2012. */
const REF_2010 = { referenceDate: new Date(2010, 0, 1) };
/** The visa specimens expire in 1996. */
const REF_1995 = { referenceDate: new Date(1995, 0, 1) };

function values(r: MrzResult): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, f] of Object.entries(r.fields)) out[k] = f!.value;
  return out;
}
function checks(r: MrzResult): Record<string, [string, boolean]> {
  return Object.fromEntries(r.checks.map((c) => [c.name, [c.raw, c.valid]]));
}

describe('TD3 specimen (passport)', () => {
  const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
  const r = parseMrz(lines, REF_2010);

  it('is a valid TD3 with every field', () => {
    expect(r.format).toBe('TD3');
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.notices).toEqual([]);
    expect(r.corrections).toEqual([]);
    expect(values(r)).toEqual({
      documentCode: 'P',
      issuingState: 'UTO',
      primaryIdentifier: 'ERIKSSON',
      secondaryIdentifier: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      optionalData: 'ZE184226B',
    });
  });

  it('reports every check digit one by one', () => {
    expect(checks(r)).toEqual({
      documentNumber: ['6', true],
      birthDate: ['2', true],
      expiryDate: ['9', true],
      optionalData: ['1', true],
      composite: ['0', true],
    });
    const composite = r.checks.find((c) => c.name === 'composite')!;
    expect(composite.position).toEqual({ line: 1, start: 43, end: 44 });
    expect(composite.covers).toEqual([
      { line: 1, start: 0, end: 10 },
      { line: 1, start: 13, end: 20 },
      { line: 1, start: 21, end: 43 },
    ]);
  });

  it('gives raw text and positions', () => {
    expect(r.fields.documentCode).toMatchObject({ raw: 'P<', position: { line: 0, start: 0, end: 2 }, valid: true, error: null });
    expect(r.fields.primaryIdentifier).toMatchObject({ raw: 'ERIKSSON', position: { line: 0, start: 5, end: 13 } });
    expect(r.fields.secondaryIdentifier).toMatchObject({ raw: 'ANNA<MARIA', position: { line: 0, start: 15, end: 25 } });
    expect(r.fields.documentNumber).toMatchObject({ raw: 'L898902C3', position: { line: 1, start: 0, end: 9 } });
    expect(r.fields.birthDate).toMatchObject({ raw: '740812', position: { line: 1, start: 13, end: 19 } });
    expect(r.fields.optionalData).toMatchObject({ raw: 'ZE184226B<<<<<', position: { line: 1, start: 28, end: 42 } });
  });

  it('derives names, age and expiry from the reference date', () => {
    expect(r.primaryIdentifier).toBe('ERIKSSON');
    expect(r.secondaryIdentifier).toBe('ANNA MARIA');
    expect(r.nameParts).toEqual({ primary: ['ERIKSSON'], secondary: ['ANNA', 'MARIA'] });
    expect(r.nameMayBeTruncated).toBe(false);
    expect(r.documentNumber).toBe('L898902C3');
    expect(r.birthDate).toEqual({ year: 1974, month: 8, day: 12, iso: '1974-08-12' });
    expect(r.ageYears).toBe(35);
    expect(r.isMinor).toBe(false);
    expect(r.expired).toBe(false);
    expect(r.expiresWithinSixMonths).toBe(false);
    expect(r.referenceDate).toBe('2010-01-01');
    const late = parseMrz(lines, { referenceDate: new Date(2011, 11, 1) });
    expect(late.expiresWithinSixMonths).toBe(true);
    expect(late.expired).toBe(false);
    expect(late.ageYears).toBe(37);
  });
});

describe('TD2 specimen', () => {
  const r = parseMrz(['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'], REF_2010);
  it('parses every field and check', () => {
    expect(r.format).toBe('TD2');
    expect(r.valid).toBe(true);
    expect(values(r)).toEqual({
      documentCode: 'I',
      issuingState: 'UTO',
      primaryIdentifier: 'ERIKSSON',
      secondaryIdentifier: 'ANNA MARIA',
      documentNumber: 'D23145890',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      optionalData: '',
    });
    expect(checks(r)).toEqual({
      documentNumber: ['7', true],
      birthDate: ['2', true],
      expiryDate: ['9', true],
      composite: ['6', true],
    });
  });
});

describe('TD1 specimens', () => {
  it('parses the short-number specimen', () => {
    const r = parseMrz(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'], REF_2010);
    expect(r.format).toBe('TD1');
    expect(r.valid).toBe(true);
    expect(values(r)).toEqual({
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      optionalData: '',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      nationality: 'UTO',
      optionalData2: '',
      primaryIdentifier: 'ERIKSSON',
      secondaryIdentifier: 'ANNA MARIA',
    });
    expect(checks(r)).toEqual({
      documentNumber: ['7', true],
      birthDate: ['2', true],
      expiryDate: ['9', true],
      composite: ['6', true],
    });
    expect(r.fields.primaryIdentifier!.position).toEqual({ line: 2, start: 0, end: 8 });
  });

  it('parses the long document number continued in the optional data', () => {
    const r = parseMrz(['I<UTOD23145890<1233<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'], REF_2010);
    expect(r.valid).toBe(true);
    expect(r.documentNumber).toBe('D23145890123');
    expect(r.fields.documentNumber).toMatchObject({
      value: 'D23145890123',
      position: { line: 0, start: 5, end: 14 },
      continuation: { line: 0, start: 15, end: 18 },
    });
    const doc = r.checks.find((c) => c.name === 'documentNumber')!;
    expect(doc).toMatchObject({ raw: '3', valid: true, position: { line: 0, start: 18, end: 19 } });
    expect(r.fields.optionalData!.value).toBe('');
    expect(checks(r).composite).toEqual(['2', true]);
  });

  it('accepts both issuer variants of the long-number check (with and without the <)', () => {
    // D23145890 + 7 chars: the two variants give different digits here, so both must be accepted.
    const main = 'A12345678';
    const tail = 'XY9';
    const lines = (digit: number): string[] => {
      const l1 = `I<UTO${main}<${tail}${digit}<<<<<<<<<<<`;
      return [l1, '7408122F1204159UTO<<<<<<<<<<<0', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    };
    const results = Array.from({ length: 10 }, (_, d) => parseMrz(lines(d), REF_2010).checks.find((c) => c.name === 'documentNumber')!.valid);
    const accepted = results.flatMap((ok, d) => (ok ? [d] : []));
    expect(accepted.length).toBe(2);
  });
});

describe('visa specimens', () => {
  it('parses MRV-A', () => {
    const r = parseMrz(['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'], REF_1995);
    expect(r.format).toBe('MRVA');
    expect(r.valid).toBe(true);
    expect(values(r)).toEqual({
      documentCode: 'V',
      issuingState: 'UTO',
      primaryIdentifier: 'ERIKSSON',
      secondaryIdentifier: 'ANNA MARIA',
      documentNumber: 'L8988901C',
      nationality: 'XXX',
      birthDate: '1940-09-07',
      sex: 'F',
      expiryDate: '1996-12-10',
      optionalData: '6ZE184226B',
    });
    expect(checks(r)).toEqual({ documentNumber: ['4', true], birthDate: ['8', true], expiryDate: ['9', true] });
  });

  it('parses MRV-B', () => {
    const r = parseMrz(['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'], REF_1995);
    expect(r.format).toBe('MRVB');
    expect(r.valid).toBe(true);
    expect(values(r)).toEqual({
      documentCode: 'V',
      issuingState: 'UTO',
      primaryIdentifier: 'ERIKSSON',
      secondaryIdentifier: 'ANNA MARIA',
      documentNumber: 'L8988901C',
      nationality: 'XXX',
      birthDate: '1940-09-07',
      sex: 'F',
      expiryDate: '1996-12-10',
      optionalData: '',
    });
    expect(checks(r)).toEqual({ documentNumber: ['4', true], birthDate: ['8', true], expiryDate: ['9', true] });
  });

  it('reads the visa specimen as long expired, not as a misreading, at a reference date 14 years on', () => {
    const r = parseMrz(['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'], REF_2010);
    expect(r.valid).toBe(true);
    expect(r.expiryDate!.iso).toBe('1996-12-10');
    expect(r.notices.map((n) => n.code)).toEqual(['state_unspecified', 'expired']);
  });
});

describe('French national ID (2 × 36)', () => {
  // Hand-computed: card 880669310285 → 6, birth 650312 → 3, both lines → 2 (the mrz package agrees).
  const lines = ['IDFRABERTHIER<<<<<<<<<<<<<<<<<690241', '8806693102856CORINNE<<ANNE<6503123F2'];
  it('is recognised as its own format, not TD2', () => {
    const r = parseMrz(lines, REF_2010);
    expect(r.format).toBe('FRENCH_ID');
    expect(r.valid).toBe(true);
    expect(values(r)).toEqual({
      documentCode: 'ID',
      issuingState: 'FRA',
      primaryIdentifier: 'BERTHIER',
      optionalData: '690241',
      documentNumber: '880669310285',
      issueDate: '1988-06',
      secondaryIdentifier: 'CORINNE ANNE',
      birthDate: '1965-03-12',
      sex: 'F',
    });
    expect(checks(r)).toEqual({ documentNumber: ['6', true], birthDate: ['3', true], composite: ['2', true] });
    expect(r.nameParts).toEqual({ primary: ['BERTHIER'], secondary: ['CORINNE', 'ANNE'] });
    expect(r.expiryDate).toBeNull();
  });

  it('catches a change anywhere, since the last digit covers both lines', () => {
    const changed = ['IDFRABERTHIER<<<<<<<<<<<<<<<<<690241', '8806693102856CORINNE<<ANNA<6503123F2'];
    const r = parseMrz(changed, REF_2010);
    expect(r.valid).toBe(false);
    expect(r.checks.find((c) => c.name === 'composite')!.valid).toBe(false);
  });
});

describe('Czech specimen passport (long expired, holder a minor)', () => {
  // From the public specimen image of the Czech passport: every check digit right, expired 2012-07-04.
  const lines = ['P<CZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<<<<<<<<<', '99003853<1CZE1101018M1207046110101111<<<<<94'];
  const r = parseMrz(lines, { referenceDate: new Date(2026, 11, 3) });

  it('is a correct reading: valid, no error, every check digit holds', () => {
    expect(r.format).toBe('TD3');
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
    expect(Object.values(checks(r)).every(([, ok]) => ok)).toBe(true);
    expect(r.documentNumber).toBe('99003853');
    expect(r.primaryIdentifier).toBe('SPECIMEN');
  });

  it('says apart that the document expired on 2012-07-04 and that the holder is a minor', () => {
    expect(r.expiryDate!.iso).toBe('2012-07-04');
    expect(r.expired).toBe(true);
    expect(r.isMinor).toBe(true);
    expect(r.notices).toEqual([
      { code: 'expired', field: 'expiryDate', message: 'The document expired on 2012-07-04.' },
      { code: 'minor', field: 'birthDate', message: 'The holder is 15, under 18.' },
    ]);
  });
});
