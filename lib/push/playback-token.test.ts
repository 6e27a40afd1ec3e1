import { beforeAll, describe, expect, it } from "vitest";
import { newViewerId, signPlayback, verifyPlayback } from "./playback-token";
import { setUnitTestEnv } from "@/lib/testing/unit-env";

beforeAll(setUnitTestEnv);

const now = new Date("2026-12-01T12:00:00Z");

describe("signed playback links", () => {
  it("verifies for its show until it expires", () => {
    const viewer = newViewerId();
    const { token, expiresAt } = signPlayback("show-a", viewer, 600, now);
    expect(verifyPlayback(token, "show-a", now)).toEqual({ ok: true, viewer, expiresAt });
    expect(verifyPlayback(token, "show-a", new Date(now.getTime() + 599_000)).ok).toBe(true);
    expect(verifyPlayback(token, "show-a", new Date(now.getTime() + 600_000))).toEqual({ ok: false, reason: "expired", viewer, expiresAt });
  });

  it("refuses another show's token", () => {
    const { token } = signPlayback("show-a", newViewerId(), 600, now);
    expect(verifyPlayback(token, "show-b", now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a tampered viewer, expiry or signature, and junk", () => {
    const viewer = newViewerId();
    const { token } = signPlayback("show-a", viewer, 600, now);
    const [v = "", e = "", s = ""] = token.split(".");
    const other = newViewerId();
    const flipped = `${s.slice(0, 10)}${s[10] === "A" ? "B" : "A"}${s.slice(11)}`;
    for (const bad of [`${other}.${e}.${s}`, `${v}.${Number(e) + 3600}.${s}`, `${v}.${e}.${flipped}`, `${v}.${e}`, "", "x", `${token}x`]) {
      expect(verifyPlayback(bad, "show-a", now), bad).toEqual({ ok: false, reason: "invalid" });
    }
    expect(verifyPlayback(null, "show-a", now).ok).toBe(false);
  });
});
