import { describe, expect, it } from "vitest";
import { DANMAKU, estimateWidth, laneCount, placeComment } from "./danmaku";

describe("danmaku lanes", () => {
  it("puts comments in the first free lane and drops them when all are busy", () => {
    let lanes = [0, 0];
    const first = placeComment(lanes, 1000, 100, 600);
    expect(first?.lane).toBe(0);
    lanes = first!.freeAt;
    const second = placeComment(lanes, 1000, 100, 600);
    expect(second?.lane).toBe(1);
    lanes = second!.freeAt;
    expect(placeComment(lanes, 1000, 100, 600)).toBeNull();
    // Once the first comment and the gap have entered, its lane takes the next one.
    const later = 1000 + ((100 + DANMAKU.gap) / DANMAKU.speed) * 1000;
    expect(placeComment(lanes, later, 100, 600)?.lane).toBe(0);
  });

  it("flies every comment at the same speed across the whole stage", () => {
    expect(placeComment([0], 0, 100, 600)?.durationMs).toBeCloseTo((700 / DANMAKU.speed) * 1000);
  });

  it("counts wide characters wider and keeps lanes to the top of the picture", () => {
    expect(estimateWidth("随心播")).toBeGreaterThan(estimateWidth("abc"));
    expect(laneCount(219)).toBe(4); // a phone's 390 px wide video
    expect(laneCount(2000)).toBe(DANMAKU.maxLanes);
    expect(laneCount(10)).toBe(1);
  });
});
