import { describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { contentSecurityPolicy, livekitOrigins, securityHeaders, withSecurityHeaders } from "./headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  it("let pages connect to the app and its LiveKit server only", () => {
    const csp = directives(contentSecurityPolicy("/shows/10001", "wss://live.example.com"));
    expect(csp.get("connect-src")).toEqual(["'self'", "wss://live.example.com", "https://live.example.com"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("media-src")).toEqual(["'self'", "blob:", "mediastream:"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("let the composite page talk to our LiveKit server and nothing else", () => {
    const csp = directives(contentSecurityPolicy("/egress/layout", "ws://127.0.0.1:7880"));
    expect(csp.get("connect-src")).toEqual(["ws://127.0.0.1:7880", "http://127.0.0.1:7880"]);
  });

  it("map ws to http and wss to https", () => {
    expect(livekitOrigins("ws://127.0.0.1:7880/")).toEqual(["ws://127.0.0.1:7880", "http://127.0.0.1:7880"]);
    expect(livekitOrigins("wss://lk.example.com/x")).toEqual(["wss://lk.example.com", "https://lk.example.com"]);
  });

  it("include nosniff, a referrer policy and HSTS only over https", () => {
    const plain = new Map(securityHeaders("/", { livekitUrl: "ws://127.0.0.1:7880", https: false }));
    expect(plain.get("x-content-type-options")).toBe("nosniff");
    expect(plain.get("referrer-policy")).toBe("same-origin");
    expect(plain.has("strict-transport-security")).toBe(false);
    expect(new Map(securityHeaders("/", { livekitUrl: "ws://x", https: true })).has("strict-transport-security")).toBe(true);
  });

  it("are set on an answer before the app handles it: the composite page's own policy, none on build assets", () => {
    const env = { livekitUrl: "ws://127.0.0.1:7880", https: false };
    const seen: Record<string, string>[] = [];
    const serve = withSecurityHeaders((_req, res) => seen.push({ ...(res.getHeaders() as Record<string, string>) }), env);
    for (const url of ["/api/health?x=1", "/egress/layout?url=ws%3A%2F%2F127.0.0.1%3A7880", "/_next/static/chunks/app.js"]) {
      const headers = new Map<string, string>();
      const res = { setHeader: (name: string, value: string) => headers.set(name, value), getHeaders: () => Object.fromEntries(headers) };
      serve({ url } as IncomingMessage, res as unknown as Parameters<typeof serve>[1]);
    }
    const [api, composite, asset] = seen;
    expect(api?.["x-content-type-options"]).toBe("nosniff");
    expect(api?.["content-security-policy"]).toBe(contentSecurityPolicy("/api/health", env.livekitUrl));
    expect(composite?.["content-security-policy"]).toBe(contentSecurityPolicy("/egress/layout", env.livekitUrl));
    expect(asset).toEqual({});
  });
});
