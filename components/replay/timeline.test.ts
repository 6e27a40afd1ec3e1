import { describe, expect, it } from "vitest";
import { clock, happenedBy, locate, wallClockAt } from "./timeline";

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

describe("replaying the chat", () => {
  const events = ["2026-12-01T12:00:01.000Z", "2026-12-01T12:00:05.000Z", "2026-12-01T12:00:05.000Z", "2026-12-01T12:00:12.500Z"].map((at) => ({ at }));
  it("counts what had happened by a time", () => {
    expect(happenedBy(events, new Date("2026-12-01T12:00:00Z"))).toBe(0);
    expect(happenedBy(events, new Date("2026-12-01T12:00:01Z"))).toBe(1);
    expect(happenedBy(events, new Date("2026-12-01T12:00:05Z"))).toBe(3);
    expect(happenedBy(events, new Date("2026-12-01T12:00:12.4Z"))).toBe(3);
    expect(happenedBy(events, new Date("2026-12-01T13:00:00Z"))).toBe(4);
    expect(happenedBy([], new Date())).toBe(0);
  });
  it("maps the timeline to the wall clock from the parts' starts", () => {
    const timed = [
      { offsetSeconds: 0, durationSeconds: 10, startedAt: "2026-12-01T12:00:00.000Z" },
      { offsetSeconds: 10, durationSeconds: 10, startedAt: "2026-12-01T12:00:30.000Z" }, // a second recording, later
    ];
    expect(wallClockAt(timed, "2026-12-01T11:59:00Z", 4).toISOString()).toBe("2026-12-01T12:00:04.000Z");
    expect(wallClockAt(timed, "2026-12-01T11:59:00Z", 12.5).toISOString()).toBe("2026-12-01T12:00:32.500Z");
    const untimed = [
      { offsetSeconds: 0, durationSeconds: 10, startedAt: null },
      { offsetSeconds: 10, durationSeconds: 10, startedAt: "2026-12-01T12:00:10.000Z" },
    ];
    expect(wallClockAt(untimed, "2026-12-01T11:59:00Z", 3).toISOString()).toBe("2026-12-01T12:00:03.000Z");
    expect(wallClockAt([{ offsetSeconds: 0, durationSeconds: 5, startedAt: null }], "2026-12-01T11:59:00Z", 2).toISOString()).toBe("2026-12-01T11:59:02.000Z");
  });
});
