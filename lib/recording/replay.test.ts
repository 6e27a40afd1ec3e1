import { describe, expect, it } from "vitest";
import { PART_NAME, parseRange } from "./replay";

describe("parseRange", () => {
  it("reads the forms players send", () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange("bytes=0-", 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=10-19", 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange("bytes=90-500", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
  });
  it("refuses what cannot be served", () => {
    for (const bad of ["bytes=-", "bytes=100-", "bytes=20-10", "items=0-1", "bytes=0-1,5-6"]) expect(parseRange(bad, 100), bad).toBe("invalid");
  });
});

describe("PART_NAME", () => {
  it("takes part names only", () => {
    expect(PART_NAME.test("night-talk_20261201-120000_20261201-120010.mp4")).toBe(true);
    expect(PART_NAME.test("night-talk_20261201-120000_20261201-120010.m4a")).toBe(true);
    for (const bad of ["../secrets.env", "x_1_2.mp4", "night-talk_20261201-120000_20261201-120010.mp4.parts.json"]) expect(PART_NAME.test(bad), bad).toBe(false);
  });
});
