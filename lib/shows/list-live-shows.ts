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

/**
 * Live shows, newest first, a page at a time (50 per page, as in the original). Callers are the
 * room list's cached routes (`app/(live)/live/[page]`, `app/api/shows/page/[page]`), which run
 * it at most about once a second per page however many people watch the list.
 */
export async function listLiveShows(page = 1): Promise<LiveShowPage> {
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
