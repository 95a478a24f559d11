// Owns turning schema issues into plain English sentences that name the path, for whoever edits the JSON files.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** `questions[3].options` style, the way someone reading the JSON would look for it. */
export function formatPath(path: readonly PathKey[], root: string): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? root : out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** Zod's own messages start like this; anything else was written in a schema for the reader and wins. */
const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;

function issueMessage(issue: Issue): string {
  if (issue.code !== 'invalid_union' && !DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `should be ${TYPE_WORDS[issue.expected] ?? issue.expected}, but is ${describe(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `needs at least ${String(issue.minimum)} characters`;
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `may have at most ${String(issue.maximum)} items`;
      if (issue.origin === 'string') return `may have at most ${String(issue.maximum)} characters`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, but is ${describe(issue.input)}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_format':
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * A union failed. Zod reports every branch. A branch that complains about unknown fields at its top or about a
 * missing top-level field is a shape the author did not mean; of the rest, report the one with the fewest issues.
 * When no branch fits, the shape itself was not recognised: say which shapes are allowed.
 */
function unionIssues(issue: Extract<Issue, { code: 'invalid_union' }>, root: string, shapes: string | undefined): string[] {
  const fits = (branch: readonly Issue[]): boolean =>
    !branch.some(
      (i) => (i.code === 'unrecognized_keys' && i.path.length === 0) || (i.code === 'invalid_type' && (i.path.length === 0 || (i.input === undefined && i.path.length === 1))),
    );
  const candidates = issue.errors.filter((b) => b.length > 0 && fits(b)).sort((a, b) => a.length - b.length);
  const best = candidates[0];
  if (best === undefined) {
    const where = formatPath(issue.path, root);
    return [`${where}: ${shapes ?? 'does not match any allowed shape'}${issue.input === undefined ? '' : `, but is ${describe(issue.input)}`}`];
  }
  return best.flatMap((inner) => formatIssue({ ...inner, path: [...issue.path, ...inner.path] } as Issue, root));
}

export function formatIssue(issue: Issue, root: string): string[] {
  if (issue.code === 'invalid_union') return unionIssues(issue, root, issue.message.startsWith('must be') ? issue.message : undefined);
  return [`${formatPath(issue.path, root)}: ${issueMessage(issue)}`];
}

export function formatIssues(issues: readonly Issue[], root: string): string[] {
  return issues.flatMap((issue) => formatIssue(issue, root));
}
