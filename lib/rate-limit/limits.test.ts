import { describe, expect, it } from "vitest";
import { defaultLimits, growingBlockSeconds, resolveLimits } from "./limits";

describe("rate limits", () => {
  it("uses the defaults when nothing is overridden", () => {
    expect(resolveLimits(undefined)["login.account"]).toEqual(defaultLimits["login.account"]);
  });

  it("applies overrides field by field", () => {
    const limits = resolveLimits(JSON.stringify({ "login.account": { durationSeconds: 10 } }));
    expect(limits["login.account"]).toMatchObject({ points: 10, durationSeconds: 10 });
  });

  it("refuses unknown limits and bad values", () => {
    expect(() => resolveLimits(JSON.stringify({ "no.such": { points: 1 } }))).toThrow(/unknown limit/);
    expect(() => resolveLimits(JSON.stringify({ "login.ip": { points: 0 } }))).toThrow();
    expect(() => resolveLimits(JSON.stringify({ "login.ip": { points: 1.5 } }))).toThrow();
  });

  it("doubles the block each time a key is blocked again, up to the cap", () => {
    const limit = defaultLimits["login.account"];
    expect([1, 2, 3, 4].map((n) => growingBlockSeconds(limit, n))).toEqual([60, 120, 240, 480]);
    expect(growingBlockSeconds(limit, 20)).toBe(3600);
  });
});
