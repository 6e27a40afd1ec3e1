import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, livekitOrigins, securityHeaders } from "./headers";

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
});
