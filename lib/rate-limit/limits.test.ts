import { describe, expect, it } from "vitest";
import { defaultLimits, growingBlockSeconds, parseRateLimitOverrides, rateLimitOverridesSchema, resolveLimits } from "./limits";

describe("rate limits", () => {
  it("uses the defaults when nothing is overridden", () => {
    expect(resolveLimits({})["login.account"]).toEqual(defaultLimits["login.account"]);
    expect(parseRateLimitOverrides(undefined)).toEqual({});
  });

  it("applies overrides field by field", () => {
    const limits = resolveLimits(parseRateLimitOverrides(JSON.stringify({ "login.account": { durationSeconds: 10 } })));
    expect(limits["login.account"]).toMatchObject({ points: 10, durationSeconds: 10 });
  });

  it("refuses unknown limits and bad values", () => {
    expect(() => parseRateLimitOverrides(JSON.stringify({ "no.such": { points: 1 } }))).toThrow(/unknown limit/);
    expect(() => parseRateLimitOverrides(JSON.stringify({ "login.ip": { points: 0 } }))).toThrow();
    expect(() => parseRateLimitOverrides(JSON.stringify({ "login.ip": { points: 1.5 } }))).toThrow();
    expect(() => parseRateLimitOverrides("{")).toThrow(/JSON/);
  });

  it("names the limit and field of a bad override (as the settings form shows it)", () => {
    const result = rateLimitOverridesSchema.safeParse({ "show.token": { points: -1 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["show.token", "points"]);
    expect(result.error?.issues[0]?.message).toBe("must be at least 1");
  });

  it("doubles the block each time a key is blocked again, up to the cap", () => {
    const limit = defaultLimits["login.account"];
    expect([1, 2, 3, 4].map((n) => growingBlockSeconds(limit, n))).toEqual([60, 120, 240, 480]);
    expect(growingBlockSeconds(limit, 20)).toBe(3600);
  });
});
