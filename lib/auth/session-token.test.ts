import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";

const secret = "a-test-secret-of-at-least-thirty-two-characters";
vi.mock("next/headers", () => ({ cookies: vi.fn() }));
vi.mock("@/lib/env", () => ({ env: () => ({ NEXTAUTH_SECRET: secret }) }));

const { decodeOnce } = await import("@/lib/auth/session-token");

const tokenFor = (uid: string, maxAge = 3600) => encode({ token: { uid, sv: 2 }, secret, maxAge });

describe("decodeOnce", () => {
  it("decodes a session token Auth.js issued", async () => {
    const token = await decodeOnce(await tokenFor("user-1"), Date.now());
    expect(token).toMatchObject({ uid: "user-1", sv: 2 });
  });

  it("refuses a token that was tampered with or made with another secret", async () => {
    const raw = await tokenFor("user-2");
    expect(await decodeOnce(`${raw.slice(0, -4)}AAAA`, Date.now())).toBeNull();
    const foreign = await encode({ token: { uid: "user-2" }, secret: "another-secret-of-at-least-thirty-two-chars" });
    expect(await decodeOnce(foreign, Date.now())).toBeNull();
  });

  it("keeps a decoded token no longer than it is valid", async () => {
    const raw = await tokenFor("user-3", 30);
    const now = Date.now();
    expect(await decodeOnce(raw, now)).not.toBeNull();
    // Past its expiry (and Auth.js' 15 s of clock tolerance) the cache does not answer for it.
    vi.useFakeTimers({ now: now + 50_000 }); // within the cache's minute
    try {
      expect(await decodeOnce(raw, Date.now())).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
