import "server-only";
import { randomBytes } from "node:crypto";
import { sign, signatureMatches } from "@/lib/security/signed-token";

// Signed HLS playback links (hotlink protection): a token `<viewer>.<expiry>.<signature>` where the
// signature is an HMAC-SHA256 over the show, the viewer and the expiry. The show is not in the
// token: it comes from the URL being served, so a token of another show never verifies. Every
// playlist and segment request is checked here, and only here.

const VIEWER = /^[A-Za-z0-9_-]{16}$/;
const TOKEN = /^([A-Za-z0-9_-]{16})\.(\d{10})\.([A-Za-z0-9_-]{43})$/;

export type PlaybackToken = { token: string; viewer: string; expiresAt: Date };

const LABEL = "suixin-hls";

export function newViewerId(): string {
  return randomBytes(12).toString("base64url");
}

/** A link token for one viewer of one show, valid for `ttlSeconds`. */
export function signPlayback(showId: string, viewer: string, ttlSeconds: number, now = new Date()): PlaybackToken {
  if (!VIEWER.test(viewer)) throw new Error("bad viewer id");
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const token = `${viewer}.${expires}.${sign(LABEL, [showId, viewer, expires])}`;
  return { token, viewer, expiresAt: new Date(expires * 1000) };
}

export type PlaybackCheck =
  | { ok: true; viewer: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; viewer: string; expiresAt: Date };

/**
 * Checks a token against the show it is used for: the signature first (constant-time), then the
 * expiry. A malformed, tampered or other-show token is "invalid"; a genuine old one "expired".
 */
export function verifyPlayback(token: string | null | undefined, showId: string, now = new Date()): PlaybackCheck {
  const match = token ? TOKEN.exec(token) : null;
  if (!match) return { ok: false, reason: "invalid" };
  const [, viewer = "", expiresText = "", given = ""] = match;
  const expires = Number(expiresText);
  if (!signatureMatches(LABEL, [showId, viewer, expires], given)) return { ok: false, reason: "invalid" };
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: "expired", viewer, expiresAt: new Date(expires * 1000) };
  return { ok: true, viewer, expiresAt: new Date(expires * 1000) };
}
