// A small shared HTTP cache in front of Next.js, for the few public URLs every visitor asks the
// same of (the room list and its JSON). Next's own page cache (ISR) already renders them at most
// once a second, but even a cached answer goes through Next's whole request pipeline, which
// costs about as much as a dynamic route; this answers from memory before Next is involved.
//
// It runs in the app's custom server (server.ts), outside Next's bundles, so it has no
// `server-only` marker (which only resolves under React's server condition); app code never
// imports it.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import http from "node:http";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";

const gzip = promisify(zlib.gzip);

/** What Next said about one answer, kept with the bytes. */
type Entry = {
  storedAt: number;
  freshMs: number;
  headers: Record<string, string>;
  body: Buffer;
  gzipped: Buffer | null;
  /** request headers the answer depends on (from Vary), Accept-Encoding aside: requests that send any bypass the cache */
  varies: string[];
};

export type SharedCacheOptions = {
  /** the app itself, where the cache asks for a fresh copy (loopback) */
  origin: string;
  /** path + query of the URLs to cache; anything else goes straight to Next */
  cacheable: (pathAndQuery: string) => boolean;
  maxEntries?: number;
  maxBodyBytes?: number;
  now?: () => number;
};

// Every header of the answer is served again (content type, cache and security headers),
// except those of the connection or the encoding, which this server sets itself.
const DROPPED_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "age", "set-cookie"]);
const COMPRESS_FROM_BYTES = 1024;
// A copy past its lifetime is still served for this long while one request fetches the next
// (so the requests of that moment do not all wait for a render); a later request waits for it.
const STALE_WHILE_REFRESHING_MS = 500;
// A fill that takes longer than this is given up: its waiting requests then go to Next themselves.
const FILL_TIMEOUT_MS = 10_000;

/** `max-age` for shared caches: `s-maxage`, which Next sends for pages it may serve to everyone. */
export function sharedMaxAgeSeconds(cacheControl: string | undefined): number | null {
  if (!cacheControl || /\b(private|no-store|no-cache)\b/i.test(cacheControl)) return null;
  const match = /\bs-maxage=(\d+)\b/i.exec(cacheControl);
  return match ? Number(match[1]) : null;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const accept = req.headers["accept-encoding"] ?? "";
  return /\bgzip\b(?!\s*;\s*q=0(\.0+)?\b)/i.test(Array.isArray(accept) ? accept.join(",") : accept);
}

/**
 * Wraps the app's request handler: a GET for a cacheable URL is answered from memory while the
 * copy is fresh (Next's `s-maxage`), else after one request for a fresh copy (concurrent
 * requests wait for the same one; in the first half second past its lifetime the old copy is
 * served meanwhile). Only 200 answers without cookies that Next marks as shared
 * (`s-maxage`, not private) are kept; requests that send a header the answer varies on (Next's
 * router headers of a client-side navigation) go to Next.
 */
export function withSharedCache(handler: RequestListener, options: SharedCacheOptions): RequestListener {
  const maxEntries = options.maxEntries ?? 100;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const refreshing = new Map<string, Promise<Entry | null>>();
  // Marks the cache's own requests, so they reach Next instead of the cache.
  const fillToken = randomBytes(16).toString("hex");

  const fetchFresh = (key: string): Promise<Entry | null> =>
    new Promise((resolve) => {
      const request = http.get(`${options.origin}${key}`, { headers: { "accept-encoding": "identity", "x-shared-cache-fill": fillToken } }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxBodyBytes) chunks.push(chunk);
        });
        response.on("error", () => resolve(null));
        response.on("end", () => {
          const maxAge = sharedMaxAgeSeconds(response.headers["cache-control"]);
          if (response.statusCode !== 200 || maxAge === null || maxAge <= 0 || response.headers["set-cookie"] || size > maxBodyBytes) {
            return resolve(null);
          }
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === "string" && !DROPPED_HEADERS.has(name)) headers[name] = value;
          }
          const varies = (headers.vary ?? "")
            .split(",")
            .map((h) => h.trim().toLowerCase())
            .filter((h) => h && h !== "accept-encoding");
          const body = Buffer.concat(chunks);
          const compress = body.length >= COMPRESS_FROM_BYTES ? gzip(body) : Promise.resolve(null);
          compress.then(
            (gzipped) => resolve({ storedAt: now(), freshMs: maxAge * 1000, headers, body, gzipped, varies }),
            () => resolve(null),
          );
        });
      });
      request.setTimeout(FILL_TIMEOUT_MS, () => request.destroy(new Error("timed out")));
      request.on("error", () => resolve(null));
    });

  const refresh = (key: string): Promise<Entry | null> => {
    const pending = refreshing.get(key);
    if (pending) return pending;
    const next = fetchFresh(key).then((entry) => {
      refreshing.delete(key);
      if (!entry) {
        entries.delete(key);
        return null;
      }
      if (!entries.has(key) && entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, entry);
      return entry;
    });
    refreshing.set(key, next);
    return next;
  };

  const serve = (req: IncomingMessage, res: ServerResponse, entry: Entry, status: "HIT" | "STALE" | "MISS") => {
    const gzipped = entry.gzipped && acceptsGzip(req) ? entry.gzipped : null;
    const body = gzipped ?? entry.body;
    res.writeHead(200, {
      ...entry.headers,
      vary: entry.headers.vary ?? "Accept-Encoding",
      age: String(Math.floor((now() - entry.storedAt) / 1000)),
      "x-shared-cache": status,
      "content-length": String(body.length),
      ...(gzipped ? { "content-encoding": "gzip" } : {}),
    });
    res.end(body);
  };

  return (req, res) => {
    const key = req.url ?? "/";
    if (req.method !== "GET" || req.headers["x-shared-cache-fill"] === fillToken || !options.cacheable(key)) return handler(req, res);
    const usable = (entry: Entry | null | undefined): entry is Entry => Boolean(entry && !entry.varies.some((h) => req.headers[h] !== undefined));
    const entry = entries.get(key);
    const age = entry ? now() - entry.storedAt : Infinity;
    if (entry && age < entry.freshMs) {
      if (usable(entry)) return serve(req, res, entry, "HIT");
      return handler(req, res);
    }
    if (entry && age < entry.freshMs + STALE_WHILE_REFRESHING_MS && usable(entry)) {
      void refresh(key);
      return serve(req, res, entry, "STALE");
    }
    refresh(key).then(
      (fresh) => (usable(fresh) ? serve(req, res, fresh, "MISS") : handler(req, res)),
      () => handler(req, res),
    );
  };
}
