// On-screen comments: each flies right to left in a lane at one speed for all, so an item can
// never catch up with the one before it in its lane. A lane takes a new item once the last one
// has fully entered plus a gap; when no lane is free the comment is dropped, never stacked.

export const DANMAKU = {
  /** px per second */
  speed: 140,
  /** px between two items of a lane */
  gap: 32,
  laneHeight: 30,
  fontPx: 18,
  /** lanes use the top part of the picture only, so it stays visible */
  areaShare: 0.6,
  maxLanes: 6,
} as const;

/** Rough width of a comment: wide (CJK, emoji) characters count as 1 em, others as 0.6 em. */
export function estimateWidth(text: string, fontPx: number = DANMAKU.fontPx): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return Math.ceil(em * fontPx) + 16;
}

export function laneCount(height: number): number {
  return Math.max(1, Math.min(DANMAKU.maxLanes, Math.floor((height * DANMAKU.areaShare) / DANMAKU.laneHeight)));
}

/**
 * Picks the first free lane for an item `width` px wide entering a stage `stageWidth` px wide at
 * `now` (ms). `freeAt[i]` is when lane i takes its next item. Null when every lane is busy.
 */
export function placeComment(freeAt: readonly number[], now: number, width: number, stageWidth: number) {
  const lane = freeAt.findIndex((t) => t <= now);
  if (lane < 0) return null;
  const next = [...freeAt];
  next[lane] = now + ((width + DANMAKU.gap) / DANMAKU.speed) * 1000;
  return { lane, freeAt: next, durationMs: ((stageWidth + width) / DANMAKU.speed) * 1000 };
}
