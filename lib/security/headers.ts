// Security headers of every page and API answer, set by the app's server (server.ts) before Next
// writes the answer.
import type { RequestListener } from "node:http";

/** The page Egress's Chromium renders: it talks to our LiveKit server and nothing else. */
export const COMPOSITE_PATH = "/egress/layout";

/** ws(s)://host:port of LiveKit, and the http(s) twin livekit-client also calls (/rtc/validate). */
export function livekitOrigins(livekitUrl: string): string[] {
  const ws = new URL(livekitUrl);
  const http = new URL(livekitUrl);
  http.protocol = ws.protocol === "wss:" ? "https:" : "http:";
  return [`${ws.protocol}//${ws.host}`, `${http.protocol}//${http.host}`];
}

/**
 * One static policy per kind of page, no per-request nonce: pages stay static and cacheable (the
 * room list is served from a cache). The price is 'unsafe-inline' for scripts, which Next.js's
 * inline RSC payload scripts need without a nonce; escaping (React) is the XSS defence, and the
 * policy still pins where a page may connect, load from, submit to and be framed by.
 */
export function contentSecurityPolicy(path: string, livekitUrl: string): string {
  const livekit = livekitOrigins(livekitUrl).join(" ");
  const composite = isCompositePath(path);
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // hls.js plays through MediaSource (blob:); WebRTC video and audio are MediaStreams
    "media-src 'self' blob: mediastream:",
    "worker-src 'self' blob:",
    composite ? `connect-src ${livekit}` : `connect-src 'self' ${livekit}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function isCompositePath(path: string): boolean {
  return path === COMPOSITE_PATH || path.startsWith(`${COMPOSITE_PATH}/`);
}

export type HeaderEnv = { livekitUrl: string; https: boolean };

export function securityHeaders(path: string, env: HeaderEnv): [string, string][] {
  const headers: [string, string][] = [
    ["content-security-policy", contentSecurityPolicy(path, env.livekitUrl)],
    ["x-content-type-options", "nosniff"],
    ["referrer-policy", "same-origin"],
    ["x-frame-options", "DENY"],
    ["cross-origin-opener-policy", "same-origin"],
    ["permissions-policy", "camera=(self), microphone=(self), display-capture=(), geolocation=(), payment=(), usb=()"],
  ];
  if (env.https) headers.push(["strict-transport-security", "max-age=31536000"]);
  return headers;
}

/**
 * `handler` with the security headers set on every answer first (Next adds its own and keeps
 * these), except the build's immutable assets. Here rather than in a Next.js proxy: a proxy adds
 * Next's middleware step to every request (measured in bench:admin, README) and makes Next buffer
 * request bodies before the route runs, which undoes a route's own size cap (the webhook's).
 */
export function withSecurityHeaders(handler: RequestListener, env: HeaderEnv): RequestListener {
  const forPages = securityHeaders("/", env);
  const forComposite = securityHeaders(COMPOSITE_PATH, env);
  return (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://app.invalid");
    if (!pathname.startsWith("/_next/static/")) {
      for (const [name, value] of isCompositePath(pathname) ? forComposite : forPages) res.setHeader(name, value);
    }
    handler(req, res);
  };
}
