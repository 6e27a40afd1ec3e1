import http from "node:http";
import zlib from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sharedMaxAgeSeconds, withSharedCache } from "./shared-cache";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A stand-in for Next: counts the requests that reach it and answers like an ISR page. */
function fakeNext() {
  const state = { calls: 0, cacheControl: "s-maxage=1, stale-while-revalidate=1", setCookie: false, delayMs: 0 };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    state.calls += 1;
    const n = state.calls;
    setTimeout(() => {
      res.setHeader("cache-control", state.cacheControl);
      res.setHeader("vary", "rsc, next-router-state-tree, Accept-Encoding");
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", "default-src 'self'; frame-ancestors 'none'");
      res.setHeader("x-content-type-options", "nosniff");
      if (state.setCookie) res.setHeader("set-cookie", "a=b");
      res.end(`answer ${n} for ${req.url} ${"x".repeat(2000)}`);
    }, state.delayMs);
  };
  return { state, handler };
}

let server: http.Server;
let origin: string;
let clock: number;
let next: ReturnType<typeof fakeNext>;

function get(path: string, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

beforeEach(async () => {
  clock = 1_000_000;
  next = fakeNext();
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the test server has no port");
  origin = `http://127.0.0.1:${address.port}`;
  server.on("request", withSharedCache(next.handler, { origin, cacheable: (url) => url.startsWith("/list"), now: () => clock }));
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("shared cache in front of the app", () => {
  it("answers from memory while Next's s-maxage lasts, then asks once for a fresh copy", async () => {
    const first = await get("/list");
    expect(first.headers["x-shared-cache"]).toBe("MISS");
    expect(first.body.toString()).toContain("answer 1 for /list");
    const second = await get("/list");
    expect(second.headers["x-shared-cache"]).toBe("HIT");
    expect(second.body.toString()).toContain("answer 1 for /list");
    expect(next.state.calls).toBe(1);

    clock += 2_000; // s-maxage=1 is over, and so is the half second a stale copy may be served
    const third = await get("/list");
    expect(third.headers["x-shared-cache"]).toBe("MISS");
    expect(third.body.toString()).toContain("answer 2 for /list");
    expect(next.state.calls).toBe(2);
  });

  it("serves the answer's headers again (a CSP among them), not those of the connection", async () => {
    for (const answer of [await get("/list"), await get("/list", { "accept-encoding": "gzip" })]) {
      expect(answer.headers["content-security-policy"]).toBe("default-src 'self'; frame-ancestors 'none'");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["transfer-encoding"]).toBeUndefined();
      expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    }
  });

  it("serves the old copy just past its lifetime while one request fetches the next", async () => {
    await get("/list");
    clock += 1_200;
    next.state.delayMs = 50;
    const [stale, alsoStale] = await Promise.all([get("/list"), get("/list")]);
    for (const answer of [stale, alsoStale]) {
      expect(answer.headers["x-shared-cache"]).toBe("STALE");
      expect(answer.body.toString()).toContain("answer 1 for /list");
    }
    await expect.poll(async () => (await get("/list")).body.toString()).toContain("answer 2 for /list");
    expect(next.state.calls).toBe(2);
  });

  it("keeps pages apart by query and leaves other URLs to Next", async () => {
    expect((await get("/list?page=2")).body.toString()).toContain("answer 1 for /list?page=2");
    expect((await get("/list")).body.toString()).toContain("answer 2 for /list");
    expect((await get("/list?page=2")).headers["x-shared-cache"]).toBe("HIT");
    const other = await get("/other");
    expect(other.headers["x-shared-cache"]).toBeUndefined();
    await get("/other");
    expect(next.state.calls).toBe(4);
  });

  it("asks Next once for many requests that arrive together", async () => {
    next.state.delayMs = 50;
    const answers = await Promise.all(Array.from({ length: 8 }, () => get("/list")));
    expect(next.state.calls).toBe(1);
    for (const answer of answers) expect(answer.body.toString()).toContain("answer 1 for /list");
  });

  it("never keeps private answers, answers without s-maxage, or answers that set cookies", async () => {
    for (const setup of [
      () => (next.state.cacheControl = "private, no-cache, no-store, max-age=0, must-revalidate"),
      () => (next.state.cacheControl = "public, max-age=31536000"),
      () => {
        next.state.cacheControl = "s-maxage=1";
        next.state.setCookie = true;
      },
    ]) {
      setup();
      const before = next.state.calls;
      const answer = await get("/list");
      expect(answer.headers["x-shared-cache"]).toBeUndefined();
      await get("/list");
      expect(next.state.calls).toBeGreaterThanOrEqual(before + 2);
    }
  });

  it("sends requests that carry a header the answer varies on (a client-side navigation) to Next", async () => {
    await get("/list");
    const navigation = await get("/list", { rsc: "1" });
    expect(navigation.headers["x-shared-cache"]).toBeUndefined();
    expect(navigation.body.toString()).toContain("answer 2 for /list");
  });

  it("sends gzip to clients that accept it, the plain bytes to the others", async () => {
    const plain = await get("/list");
    const zipped = await get("/list", { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    const refused = await get("/list", { "accept-encoding": "gzip;q=0, deflate" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body.equals(plain.body)).toBe(true);
  });

  it("reads the shared lifetime from Cache-Control", () => {
    expect(sharedMaxAgeSeconds("s-maxage=1, stale-while-revalidate=1")).toBe(1);
    expect(sharedMaxAgeSeconds("public, max-age=0")).toBeNull();
    expect(sharedMaxAgeSeconds("private, s-maxage=5")).toBeNull();
    expect(sharedMaxAgeSeconds(undefined)).toBeNull();
  });
});
