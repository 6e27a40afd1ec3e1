import { describe, expect, it } from "vitest";
import { screeningHealth } from "./health";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe("screeningHealth", () => {
  it("is ok with a recent sample", () => {
    expect(screeningHealth({ lastSampleAt: ago(10), lastError: null, failures: 0 }, { startedAt: ago(600) }, 15, now).state).toBe("ok");
  });

  it("is starting for a new show without samples", () => {
    expect(screeningHealth(null, { startedAt: ago(20) }, 15, now).state).toBe("starting");
  });

  it("is degraded when samples are late, saying since when and why", () => {
    const health = screeningHealth({ lastSampleAt: ago(120), lastError: "LiveKit connection timed out", failures: 2 }, { startedAt: ago(600) }, 15, now);
    expect(health).toEqual({
      state: "degraded",
      reason: `no sample since ${ago(120).toISOString()}: LiveKit connection timed out`,
      lastSampleAt: ago(120),
    });
    expect(screeningHealth(null, { startedAt: ago(600) }, 15, now)).toMatchObject({ state: "degraded", reason: "no sample yet" });
  });

  it("is degraded after failures in a row, even with a recent sample", () => {
    const health = screeningHealth({ lastSampleAt: ago(5), lastError: "model failed", failures: 3 }, { startedAt: ago(600) }, 15, now);
    expect(health).toMatchObject({ state: "degraded", reason: "3 samples failed in a row: model failed" });
  });
});
