import { describe, expect, it } from "vitest";
import { builtInSettings, settingDefaults } from "./schema";

describe("settingDefaults", () => {
  it("are the built-in values without SUIXIN_SETTINGS", () => {
    expect(settingDefaults(undefined)).toEqual(builtInSettings);
  });

  it("keep the free test payment provider off unless a deployment turns it on", () => {
    expect(settingDefaults(undefined).testTopUpEnabled).toBe(false);
    expect(settingDefaults(JSON.stringify({ testTopUpEnabled: true })).testTopUpEnabled).toBe(true);
  });

  it("take valid overrides", () => {
    const settings = settingDefaults(JSON.stringify({ hostGraceSeconds: 10, allowPrivateRtmp: true }));
    expect(settings.hostGraceSeconds).toBe(10);
    expect(settings.allowPrivateRtmp).toBe(true);
    expect(settings.pushChannelLimit).toBe(builtInSettings.pushChannelLimit);
  });

  it("refuse unknown keys, bad values and non-objects", () => {
    expect(() => settingDefaults(JSON.stringify({ noSuch: 1 }))).toThrow(/unknown setting/);
    expect(() => settingDefaults(JSON.stringify({ hostGraceSeconds: -1 }))).toThrow(/hostGraceSeconds/);
    expect(() => settingDefaults(JSON.stringify({ recordingPartSeconds: 5 }))).toThrow(/recordingPartSeconds/);
    expect(() => settingDefaults("[1]")).toThrow(/object/);
    expect(() => settingDefaults("{")).toThrow(/JSON/);
  });
});

describe("screening settings", () => {
  it("default to flag-only rules every 15 s", () => {
    expect(builtInSettings.screeningIntervalSeconds).toBe(15);
    expect(builtInSettings.screeningRules.every((r) => r.action === "flag")).toBe(true);
  });

  it("refuse invalid rules with their message", () => {
    expect(() => settingDefaults(JSON.stringify({ screeningRules: [{ class: "Porn", threshold: 2, action: "flag" }] }))).toThrow(
      "SUIXIN_SETTINGS.screeningRules: The threshold must be between 0 and 1.",
    );
    expect(() => settingDefaults(JSON.stringify({ screeningRules: [{ class: "Nope", threshold: 0.5, action: "flag" }] }))).toThrow(/Unknown class "Nope"/);
    expect(() => settingDefaults(JSON.stringify({ screeningIntervalSeconds: 0 }))).toThrow(/screeningIntervalSeconds/);
  });
});

describe("rateLimits setting", () => {
  it("takes overrides of named limits and refuses unknown names or bad values", () => {
    const settings = settingDefaults(JSON.stringify({ rateLimits: { "show.token": { points: 5 } } }));
    expect(settings.rateLimits).toEqual({ "show.token": { points: 5 } });
    expect(() => settingDefaults(JSON.stringify({ rateLimits: { "no.such": { points: 5 } } }))).toThrow(/unknown limit/);
    expect(() => settingDefaults(JSON.stringify({ rateLimits: { "show.token": { points: 0 } } }))).toThrow(/rateLimits/);
  });

  it("defaults to what the base says (SUIXIN_RATE_LIMITS when the app reads it)", () => {
    const base = { ...builtInSettings, rateLimits: { "login.ip": { points: 7 } } };
    expect(settingDefaults(undefined, base).rateLimits).toEqual({ "login.ip": { points: 7 } });
  });
});
