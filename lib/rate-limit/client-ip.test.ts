import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({ headers: vi.fn() }));

const { clientIpFrom } = await import("./client-ip");

describe("client IP for per-IP limits", () => {
  it("is the socket address Next.js records when no proxy is trusted", () => {
    expect(clientIpFrom("203.0.113.7", 0)).toBe("203.0.113.7");
  });

  it("skips what a client wrote in front of the address the trusted proxy appended", () => {
    expect(clientIpFrom("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientIpFrom("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
  });

  it("never returns an empty key", () => {
    expect(clientIpFrom(null, 0)).toBe("unknown");
    expect(clientIpFrom(" , ", 1)).toBe("unknown");
    expect(clientIpFrom("203.0.113.7", 3)).toBe("203.0.113.7");
  });
});
