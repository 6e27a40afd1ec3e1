import type { ReplayPart } from "@/lib/recording/replay";

/** Where a point of the show's timeline is: which part, and how far into it. */
export function locate(parts: readonly Pick<ReplayPart, "offsetSeconds" | "durationSeconds">[], seconds: number): { index: number; offset: number } {
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (part && seconds >= part.offsetSeconds) return { index: i, offset: Math.min(seconds - part.offsetSeconds, part.durationSeconds) };
  }
  return { index: 0, offset: 0 };
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** How many of the events (sorted by `at`, ISO times) had happened by `at`: the ones a replay shows. */
export function happenedBy(events: readonly { at: string }[], at: Date): number {
  const iso = at.toISOString();
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((events[mid]?.at ?? "") <= iso) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The wall-clock time of a point of the show's timeline: the part's own start when the recording
 * knows it, else the first known part start shifted by the offset, else the show's start.
 */
export function wallClockAt(parts: readonly Pick<ReplayPart, "offsetSeconds" | "durationSeconds" | "startedAt">[], showStartedAt: string, seconds: number): Date {
  const { index, offset } = locate(parts, seconds);
  const part = parts[index];
  if (part?.startedAt) return new Date(new Date(part.startedAt).getTime() + offset * 1000);
  const known = parts.find((p) => p.startedAt);
  const base = known?.startedAt ? new Date(known.startedAt).getTime() - known.offsetSeconds * 1000 : new Date(showStartedAt).getTime();
  return new Date(base + seconds * 1000);
}
