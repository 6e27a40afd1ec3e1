// When each live show is sampled (pure: lib/screening/sampling-loop runs it every second).

export type Schedule = { lastStartAt: number; running: boolean };

/**
 * The shows whose sample is due: each has its slot in every round of one interval (the shows in
 * `live` order, spread evenly, so frames do not all reach the classifier at once). Stateless
 * apart from each show's last start, so a changed interval or number of shows applies at once;
 * never a show still being sampled, nor one started less than half an interval ago.
 */
export function dueShows<T extends { id: string }>(live: readonly T[], schedules: ReadonlyMap<string, Schedule>, now: number, intervalMs: number): T[] {
  const roundStart = now - (now % intervalMs);
  return live.filter((show, i) => {
    const schedule = schedules.get(show.id) ?? { lastStartAt: 0, running: false };
    let slot = roundStart + Math.floor((i * intervalMs) / live.length);
    if (slot > now) slot -= intervalMs;
    return !schedule.running && schedule.lastStartAt < slot && now - schedule.lastStartAt >= intervalMs / 2;
  });
}
