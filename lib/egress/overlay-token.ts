import "server-only";
import { sign, signatureMatches } from "@/lib/security/signed-token";

// The key of the composite's overlay (app/egress/layout?overlay=…): Egress's Chromium has no user
// session, so the job's start signs which show's chat and gifts the page may show, for a few
// minutes (the page is loaded once, when the job starts). `<showId>.<expiry>.<HMAC>`, with its own
// label so a playback-link signature never verifies here.

const TOKEN = /^([a-z0-9]{20,32})\.(\d{10})\.([A-Za-z0-9_-]{43})$/;

/** Long enough for a slow Egress to launch Chromium on a loaded machine, short enough not to matter if leaked. */
export const OVERLAY_TOKEN_SECONDS = 5 * 60;

const LABEL = "suixin-overlay";

export function signOverlay(showId: string, now = new Date(), ttlSeconds = OVERLAY_TOKEN_SECONDS): string {
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
  return `${showId}.${expires}.${sign(LABEL, [showId, expires])}`;
}

/** The show the token was signed for, or null when it is malformed, tampered with or expired. */
export function verifyOverlay(token: string | undefined, now = new Date()): string | null {
  const match = token ? TOKEN.exec(token) : null;
  if (!match) return null;
  const [, showId = "", expiresText = "", given = ""] = match;
  const expires = Number(expiresText);
  if (!signatureMatches(LABEL, [showId, expires], given)) return null;
  return expires * 1000 > now.getTime() ? showId : null;
}
