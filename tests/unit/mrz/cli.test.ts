// The `mrz` CLI: one JSON object per document block, never a crash, `read` dispatch.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReferenceDate, parseText, splitBlocks } from '../../../scripts/mrz-cli';
import { generateMrz } from '../../../shared/mrz';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TD1 = 'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';

function run(text: string, args: string[] = ['--reference-date', '2010-01-01']): { code: number; out: Array<Record<string, unknown>>; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = parseText(text, args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.map((l) => JSON.parse(l) as Record<string, unknown>), err };
}

describe('mrz parse', () => {
  it('prints the TD3 specimen as the documented JSON object', () => {
    const { code, out } = run(TD3);
    expect(code).toBe(0);
    expect(out).toEqual([
      {
        format: 'TD3',
        valid: true,
        fields: {
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
        },
        checks: { documentNumber: true, birthDate: true, expiryDate: true, optionalData: true, composite: true },
        errors: [],
        notices: [],
        corrections: [],
        normalised: [],
      },
    ]);
  });

  it('calls a long-expired document a correct reading and says apart that it is expired', () => {
    // The Czech specimen passport (public specimen image): every check digit right, expired 2012.
    const czech = 'P<CZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<<<<<<<<<\n99003853<1CZE1101018M1207046110101111<<<<<94';
    const { code, out } = run(czech, ['--reference-date', '2026-12-03']);
    expect(code).toBe(0);
    expect(out[0]).toMatchObject({ format: 'TD3', valid: true, errors: [] });
    expect(out[0]!.notices).toEqual([
      { code: 'expired', field: 'expiryDate', message: 'The document expired on 2012-07-04.' },
      { code: 'minor', field: 'birthDate', message: 'The holder is 15, under 18.' },
    ]);
  });

  it('prints one line per block, and not-an-MRZ blocks as {format: null, valid: false, errors}', () => {
    const { code, out } = run(`${TD3}\n\n  \n${TD1}\r\n\r\nhello world\n\n\n`);
    expect(code).toBe(0);
    expect(out.map((o) => [o.format, o.valid])).toEqual([
      ['TD3', true],
      ['TD1', true],
      [null, false],
    ]);
    expect(Object.keys(out[2]!)).toEqual(['format', 'valid', 'errors']);
    expect((out[1]!.checks as Record<string, unknown>).optionalData).toBeNull();
  });

  it('writes unknown date parts as XX and reports a split MRZ per block', () => {
    const unknown = generateMrz('TD3', { primaryIdentifier: 'ERIKSSON', birthDate: '74<<<<', expiryDate: '120415' }).join('\n');
    const { out } = run(unknown);
    expect((out[0]!.fields as Record<string, unknown>).birthDate).toBe('1974-XX-XX');
    expect(out[0]!.valid).toBe(true);
    const split = run(TD3.replace('\n', '\n\n'));
    expect(split.out).toHaveLength(2);
    for (const o of split.out) expect(o).toMatchObject({ format: null, valid: false });
  });

  it('rejects a bad reference date and unknown options with exit code 2', () => {
    expect(run(TD3, ['--reference-date', '2010-02-30']).code).toBe(2);
    expect(run(TD3, ['--reference-date']).code).toBe(2);
    expect(run(TD3, ['--frobnicate']).code).toBe(2);
    expect(run(TD3, ['--reference-date=2010-01-01']).out[0]!.valid).toBe(true);
  });

  it('says so when there is no document at all, and still exits 0', () => {
    const { code, out, err } = run('\n\n');
    expect(code).toBe(0);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(/no MRZ documents/);
  });

  it('splits blocks at blank and whitespace-only lines', () => {
    expect(splitBlocks('a\nb\n\nc\n \t \nd\r\n\r\ne')).toEqual(['a\nb', 'c', 'd', 'e']);
    expect(parseReferenceDate('2024-02-29')?.getDate()).toBe(29);
    expect(parseReferenceDate('2023-02-29')).toBeNull();
  });
});

describe('the real command', () => {
  it('runs under npm-style tsx, reads stdin and exits 0 on junk', () => {
    const tsx = `${ROOT}node_modules/.bin/tsx`;
    const input = `${TD3}\n\n\u0000\u0001garbage\n\n${'x'.repeat(5000)}\n`;
    const stdout = execFileSync(tsx, ['scripts/mrz-cli.ts', 'parse', '--reference-date', '2010-01-01'], { cwd: ROOT, input, encoding: 'utf8' });
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { format: string | null; valid: boolean });
    expect(lines.map((l) => [l.format, l.valid])).toEqual([
      ['TD3', true],
      [null, false],
      [null, false],
    ]);
    // `read` goes to scripts/mrz-read.ts when that module exists, else a clear error (exit 2).
    const read = spawnSync(tsx, ['scripts/mrz-cli.ts', 'read'], { cwd: ROOT, encoding: 'utf8' });
    if (existsSync(`${ROOT}scripts/mrz-read.ts`)) {
      expect(read.stderr).not.toMatch(/is missing|does not export runRead/);
      expect(read.status).not.toBeNull();
    } else {
      expect(read.status).toBe(2);
      expect(read.stderr).toMatch(/scripts\/mrz-read\.ts is missing/);
    }
    const unknown = spawnSync(tsx, ['scripts/mrz-cli.ts', 'frob'], { cwd: ROOT, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frob'/);
  }, 30_000);
});
