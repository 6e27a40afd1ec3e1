import "server-only";
import { decode } from "next-auth/jwt";
import type { JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

// Auth.js v4's session cookie: "__Secure-" in front over https; split into `.0`, `.1`, … when
// longer than a cookie may be (ours are far shorter; read both ways, as Auth.js does).
function cookieName(): string {
  return `${env().NEXTAUTH_URL?.startsWith("https:") ? "__Secure-" : ""}next-auth.session-token`;
}

/** The cookie's value, chunks joined in order. */
function sessionCookie(all: { name: string; value: string }[]): string | null {
  const name = cookieName();
  const whole = all.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = all
    .map((c) => ({ index: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : Number.NaN, value: c.value }))
    .filter((c) => Number.isInteger(c.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

// Decoded tokens, by the token's exact text: decoding derives the key (HKDF) and decrypts on
// every call, which was ≈ 5 % of a chat send's CPU (bench:chat's profile). The same text always
// decodes to the same payload, so a hit is only bounded by time: a minute, never past the
// token's own expiry. Revocation does not depend on it: the caller reads the user's session
// version from the database on every request.
const KEEP_MS = 60_000;
const MAX_ENTRIES = 10_000;
const decoded = new Map<string, { token: JWT; until: number }>();

/** A session token's payload, decoded at most once a minute per token (exported for its test). */
export async function decodeOnce(raw: string, now: number): Promise<JWT | null> {
  const hit = decoded.get(raw);
  if (hit && hit.until > now) return hit.token;
  decoded.delete(raw);
  // An unreadable token (another secret, tampered with, expired) is no session, as Auth.js treats it.
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token) return null;
  const expires = typeof token.exp === "number" ? token.exp * 1000 : now;
  if (expires > now) {
    decoded.set(raw, { token, until: Math.min(now + KEEP_MS, expires) });
    // Oldest first out (a Map iterates in insertion order).
    if (decoded.size > MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  }
  return token;
}

/**
 * The session's id and version from Auth.js' session cookie, or null for a visitor. What
 * `getServerSession` gives a server component or action, without what it does besides for
 * them (the whole session route, and a fresh token encoded only to be dropped).
 */
export async function readSession(): Promise<{ userId: string; sessionVersion: number } | null> {
  const raw = sessionCookie((await cookies()).getAll());
  if (!raw) return null;
  const token = await decodeOnce(raw, Date.now());
  if (!token?.uid) return null;
  return { userId: token.uid, sessionVersion: token.sv ?? 0 };
}
