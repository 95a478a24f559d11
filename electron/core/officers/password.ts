// Owns password hashing: scrypt with N=2^17, r=8, p=1, a random salt per password, and a constant-time compare.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
// scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below that.
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Format: scrypt$N$r$p$salt(base64)$key(base64), so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Whether a stored hash has this module's format with parameters a desk can afford to check. A hash from the hub is
 * checked so before it is kept: an absurd N would make every sign-in of that officer stall the desk.
 */
export function isPasswordHash(stored: string): boolean {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
  const N = Number(n);
  return (
    scheme === 'scrypt' &&
    rest.length === 0 &&
    Number.isInteger(N) && N >= 2 ** 14 && N <= 2 ** 18 && (N & (N - 1)) === 0 &&
    Number(r) >= 1 && Number(r) <= 16 && Number.isInteger(Number(r)) &&
    Number(p) >= 1 && Number(p) <= 4 && Number.isInteger(Number(p)) &&
    base64.test(salt ?? '') &&
    base64.test(key ?? '') && Buffer.from(key ?? '', 'base64').length === KEY_LENGTH
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown officer number cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password');
  await verifyPassword(password, await dummyHash);
}
