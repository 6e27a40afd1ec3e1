import "server-only";
import { db } from "@/lib/db";
import { showGiftTotals } from "@/lib/gifts/leaderboard";
import { coverUrl } from "@/lib/shows/cover";

export const SHOWS_PER_PAGE = 50;

/** One card of the room list, JSON-safe: the page renders it and /api/shows returns it. */
export type ShowCardData = {
  roomNumber: number;
  title: string;
  coverUrl: string;
  startedAt: string;
  likes: number;
  viewerCount: number;
  hostAway: boolean;
  host: { id: string; name: string };
  /** gifts sent in the show so far, and their value in coins */
  gifts: { count: number; coins: number };
};

export type LiveShowPage = { shows: ShowCardData[]; total: number; page: number; pages: number };

// The list is the same for every visitor, and every open home page polls it every 3 s, so many
// requests ask the same question within a second. Answers are shared for a second (an in-flight
// query included): the database work stays one query pair per page per second however many
// people watch the list, and a change still shows up on the next poll. Measured with
// `npm run bench:rooms` (bench/README.md).
const SHARED_FOR_MS = 1_000;
const MAX_PAGES_KEPT = 100; // pages go up to 10 000: keep a crawler from growing the map
type Shared = { at: number; result: Promise<LiveShowPage> };
// On globalThis: the page and the route handler are bundled apart but run in one process.
const store = globalThis as unknown as { suixinLiveShows?: Map<number, Shared> };

/** Live shows, newest first, a page at a time (50 per page, as in the original); at most 1 s old. */
export function listLiveShows(page = 1): Promise<LiveShowPage> {
  const shared = (store.suixinLiveShows ??= new Map());
  const now = Date.now();
  const hit = shared.get(page);
  if (hit && now - hit.at < SHARED_FOR_MS) return hit.result;
  if (shared.size >= MAX_PAGES_KEPT) {
    for (const [key, entry] of shared) if (now - entry.at >= SHARED_FOR_MS) shared.delete(key);
  }
  const result = queryLiveShows(page);
  shared.set(page, { at: now, result });
  // A failure is not shared: the next request asks the database again.
  result.catch(() => shared.get(page)?.result === result && shared.delete(page));
  return result;
}

async function queryLiveShows(page: number): Promise<LiveShowPage> {
  const [rows, total] = await Promise.all([
    db.show.findMany({
      where: { status: "LIVE" },
      orderBy: [{ startedAt: "desc" }, { roomNumber: "desc" }],
      skip: (page - 1) * SHOWS_PER_PAGE,
      take: SHOWS_PER_PAGE,
      select: {
        id: true,
        roomNumber: true,
        title: true,
        coverPath: true,
        startedAt: true,
        likes: true,
        viewerCount: true,
        hostAwaySince: true,
        host: { select: { id: true, name: true } },
      },
    }),
    db.show.count({ where: { status: "LIVE" } }),
  ]);
  const gifts = await showGiftTotals(rows.map((s) => s.id));
  const shows = rows.map((s) => ({
    roomNumber: s.roomNumber,
    title: s.title,
    coverUrl: coverUrl(s.coverPath),
    startedAt: s.startedAt.toISOString(),
    likes: s.likes,
    viewerCount: s.viewerCount,
    hostAway: s.hostAwaySince !== null,
    host: s.host,
    gifts: { count: gifts.get(s.id)?.gifts ?? 0, coins: gifts.get(s.id)?.coins ?? 0 },
  }));
  return { shows, total, page, pages: Math.max(1, Math.ceil(total / SHOWS_PER_PAGE)) };
}
