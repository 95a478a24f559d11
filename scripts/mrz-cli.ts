// Owns the MRZ command line: `parse` (MRZ text on stdin → one JSON line per document) and dispatch of `read`.

import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseMrz, toCliJson } from '../shared/mrz';

type Command = (args: string[]) => Promise<number>;

const USAGE = `Usage: npm run -s mrz -- <command> [options]

Commands:
  parse [--reference-date YYYY-MM-DD]
      Read MRZ documents from standard input (one document per block, blocks separated by a blank
      line) and print one JSON object per document and line.
  read ...
      Read MRZs from images (provided by scripts/mrz-read.ts when installed).
  help
      Show this text.`;

/** Splits stdin text into documents at blank lines (whitespace-only lines count as blank). */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim().length === 0) {
      if (current.length > 0) blocks.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}

/** YYYY-MM-DD as a local calendar date (the engine reads the local date), or null. */
export function parseReferenceDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

/** The parse subcommand over given text; returns the exit code. Exported for tests. */
export function parseText(text: string, args: string[], out: (line: string) => void, err: (line: string) => void): number {
  let referenceDate: Date | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let value: string | undefined;
    if (a === '--reference-date') value = args[++i];
    else if (a.startsWith('--reference-date=')) value = a.slice('--reference-date='.length);
    else {
      err(`mrz parse: unknown option '${a}'.\n${USAGE}`);
      return 2;
    }
    const d = value === undefined ? null : parseReferenceDate(value);
    if (!d) {
      err(`mrz parse: --reference-date needs a date as YYYY-MM-DD (got '${value ?? ''}').`);
      return 2;
    }
    referenceDate = d;
  }
  const blocks = splitBlocks(text);
  if (blocks.length === 0) err('mrz parse: no MRZ documents found on standard input.');
  for (const block of blocks) out(JSON.stringify(toCliJson(parseMrz(block, referenceDate ? { referenceDate } : {}))));
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const runParse: Command = async (args) => {
  let text: string;
  try {
    text = await readStdin();
  } catch (e) {
    process.stderr.write(`mrz parse: cannot read standard input: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const lines: string[] = [];
  const code = parseText(text, args, (l) => lines.push(l), (l) => process.stderr.write(`${l}\n`));
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  return code;
};

/** `read` lives in its own module (image input), which may not be installed yet. */
const runRead: Command = async (args) => {
  const file = fileURLToPath(new URL('./mrz-read.ts', import.meta.url));
  if (!existsSync(file)) {
    process.stderr.write('mrz read: not available in this build (scripts/mrz-read.ts is missing). Use `parse` for MRZ text.\n');
    return 2;
  }
  const mod = (await import(pathToFileURL(file).href)) as { runRead?: (args: string[]) => Promise<number> };
  if (typeof mod.runRead !== 'function') {
    process.stderr.write('mrz read: scripts/mrz-read.ts does not export runRead(args).\n');
    return 2;
  }
  return mod.runRead(args);
};

const COMMANDS: Record<string, Command> = {
  parse: runParse,
  read: runRead,
  help: async () => {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(`${name === undefined ? 'mrz: no command given.' : `mrz: unknown command '${name}'.`}\n${USAGE}\n`);
    return 2;
  }
  return command(rest);
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`mrz: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
