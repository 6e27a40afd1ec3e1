import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { playbackSecret } from "@/lib/env";

// The HMAC behind the app's signed links (HLS playback, the composite's overlay): one key, one
// label per use, so a signature made for one kind of token never verifies as another.

const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/** The signature of `parts` under `label`, base64url (43 characters). */
export function sign(label: string, parts: readonly (string | number)[]): string {
  return createHmac("sha256", playbackSecret()).update([label, ...parts].join("\n")).digest("base64url");
}

/** Whether `given` is the signature of `parts` under `label` (compared in constant time). */
export function signatureMatches(label: string, parts: readonly (string | number)[], given: string): boolean {
  if (!SIGNATURE.test(given)) return false;
  const expected = Buffer.from(sign(label, parts), "base64url");
  const actual = Buffer.from(given, "base64url");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
