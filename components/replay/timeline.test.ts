import { describe, expect, it } from "vitest";
import { clock, locate } from "./timeline";

const parts = [
  { offsetSeconds: 0, durationSeconds: 10 },
  { offsetSeconds: 10, durationSeconds: 10.5 },
  { offsetSeconds: 20.5, durationSeconds: 4 },
];

describe("locate", () => {
  it("maps a point of the timeline to its part", () => {
    expect(locate(parts, 0)).toEqual({ index: 0, offset: 0 });
    expect(locate(parts, 9.9).index).toBe(0);
    expect(locate(parts, 10)).toEqual({ index: 1, offset: 0 });
    expect(locate(parts, 21)).toEqual({ index: 2, offset: 0.5 });
    expect(locate(parts, 99)).toEqual({ index: 2, offset: 4 });
  });
  it("prints a clock", () => {
    expect(clock(65.4)).toBe("1:05");
    expect(clock(3725)).toBe("1:02:05");
  });
});
