import { describe, expect, it } from "vitest";
import { type Schedule, dueShows } from "@/lib/screening/schedule";

const shows = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}` }));
const INTERVAL = 15_000;

/** Runs the loop's ticks (one a second) for `seconds` and returns every start as [show, ms]. */
function simulate(seconds: number, live = shows, intervalAt: (t: number) => number = () => INTERVAL) {
  const schedules = new Map<string, Schedule>();
  const starts: [string, number][] = [];
  const t0 = 1_700_000_000_000;
  for (let t = t0; t < t0 + seconds * 1000; t += 1000) {
    for (const show of dueShows(live, schedules, t, intervalAt(t - t0))) {
      schedules.set(show.id, { lastStartAt: t, running: false });
      starts.push([show.id, t - t0]);
    }
  }
  return starts;
}

describe("dueShows", () => {
  it("samples each show once per interval, the shows spread over it", () => {
    const starts = simulate(150);
    for (const show of shows) {
      const times = starts.filter(([id]) => id === show.id).map(([, t]) => t);
      expect(times.length).toBeGreaterThanOrEqual(9);
      expect(times.length).toBeLessThanOrEqual(11);
      // A new show is sampled at once, then finds its slot (never sooner than half an interval
      // after the last start), then keeps it: one sample every interval.
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(INTERVAL / 2);
      for (let i = 3; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(INTERVAL);
    }
    // After the first round, no second of the interval starts more than two shows.
    const perSecond = new Map<number, number>();
    for (const [, t] of starts.filter(([, t]) => t >= INTERVAL)) perSecond.set(t, (perSecond.get(t) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(2);
  });

  it("never starts a show that is still being sampled", () => {
    const schedules = new Map<string, Schedule>([["s0", { lastStartAt: 0, running: true }]]);
    expect(dueShows([{ id: "s0" }], schedules, 1_700_000_000_000, INTERVAL)).toHaveLength(0);
  });

  it("applies a shorter interval at once", () => {
    const starts = simulate(60, [{ id: "a" }], (t) => (t < 20_000 ? 3_600_000 : 3_000));
    const after = starts.filter(([, t]) => t >= 20_000);
    expect(after.length).toBeGreaterThanOrEqual(12);
    expect(after[0]![1]).toBeLessThanOrEqual(23_000);
  });
});
