/**
 * Local accounts' passwords: scrypt (RFC 7914) from node's crypto, no dependency.
 *
 * Parameters (docs/configuration.md, "Local accounts"): N = 2^17, r = 8, p = 1, a 16-byte
 * random salt and a 32-byte key: OWASP's Password Storage Cheat Sheet's minimum for scrypt
 * (2024). One hash then takes 128·N·r = 128 MiB of memory and ≈0.3–0.5 s of one core here, so
 * at most `PASSWORD_HASHES_AT_ONCE` run at once (a burst of sign-ins waits instead of taking
 * the memory of the machine). The stored string names its parameters,
 * `scrypt$<N>$<r>$<p>$<salt>$<key>` (base64url), so raising them later keeps old hashes
 * verifiable. Keys are compared with `timingSafeEqual`.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt (Password Storage Cheat Sheet): N = 2^17, r = 8, p = 1. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Two hashes at once bound a burst of sign-ins to 256 MiB (see the module comment). */
const PASSWORD_HASHES_AT_ONCE = 2;

/** Shortest and longest password accepted (NIST SP 800-63B §5.1.1: at least 8, allow 64+). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

let running = 0;
const waiting: (() => void)[] = [];

async function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  if (running >= PASSWORD_HASHES_AT_ONCE) await new Promise<void>((go) => waiting.push(go));
  running += 1;
  try {
    const options: ScryptOptions = {
      N: params.N,
      r: params.r,
      p: params.p,
      // scrypt needs 128·N·r bytes; node's default cap (32 MiB) is below OWASP's parameters.
      maxmem: 256 * params.N * params.r,
    };
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) =>
        err === null ? resolve(key) : reject(err),
      ),
    );
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** The stored form of a new password: a fresh salt, the given (or default) parameters. */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

const STORED = /^scrypt\$(\d{1,10})\$(\d{1,3})\$(\d{1,3})\$([\w-]{16,64})\$([\w-]{16,128})$/;

/**
 * True when `password` is the one `stored` was made from. A stored string that does not parse
 * is never matched (and costs a hash, like any other: see `DUMMY_HASH`).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = STORED.exec(stored);
  const params: ScryptParams =
    m === null ? DEFAULT_SCRYPT : { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const salt = Buffer.from(m?.[4] ?? 'AAAAAAAAAAAAAAAAAAAAAA', 'base64url');
  const expected = Buffer.from(m?.[5] ?? '', 'base64url');
  const key = await derive(password, salt, params);
  if (m === null || expected.length !== key.length) return false;
  return timingSafeEqual(key, expected);
}

/**
 * A hash that no password matches in practice, checked when the account asked for does not
 * exist, so that an unknown e-mail costs the same time as a wrong password (the answer must
 * not tell which).
 */
export function dummyHash(params: ScryptParams = DEFAULT_SCRYPT): string {
  return `scrypt$${params.N}$${params.r}$${params.p}$${randomBytes(SALT_BYTES).toString('base64url')}$${randomBytes(KEY_BYTES).toString('base64url')}`;
}

/**
 * A one-time password an administrator hands over: 20 characters of an alphabet without
 * look-alikes (no 0/O, 1/l/I), ≈ 114 bits.
 */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(40);
  let out = '';
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 57).
  for (const b of bytes) {
    if (b >= 228) continue;
    out += alphabet[b % alphabet.length];
    if (out.length === 20) break;
  }
  return out.length === 20 ? out : oneTimePassword();
}
