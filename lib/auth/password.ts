import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import pLimit from "p-limit";
import { AppError } from "@/lib/errors";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// scrypt (memory-hard KDF, built into Node): N=2^15, r=8, p=1 ≈ 32 MiB and ~50 ms per hash here.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

// Each hash takes ~32 MiB and a libuv thread for ~50 ms: a burst of logins must queue, not
// exhaust memory and starve other I/O. Past a short queue, refuse rather than wait.
const hashing = pLimit(4);
const MAX_QUEUED = 64;

function kdf(password: string, salt: Buffer, keylen: number, options: Parameters<typeof scryptAsync>[3]): Promise<Buffer> {
  if (hashing.pendingCount >= MAX_QUEUED) {
    throw new AppError("RATE_LIMITED", "The server is busy. Try again in 1 s.", undefined, 1);
  }
  return hashing(() => scryptAsync(password, salt, keylen, options));
}

/** Returns `scrypt$N$r$p$salt$hash` (base64url), self-describing so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await kdf(password, salt, KEY_LENGTH, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await kdf(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
