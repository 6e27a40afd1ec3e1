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
