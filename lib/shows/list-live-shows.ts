import "server-only";
import { db } from "@/lib/db";
import { shareAnswer } from "@/lib/shared-answer";
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
};

export type LiveShowPage = { shows: ShowCardData[]; total: number; page: number; pages: number };

// The list is the same for every visitor, and every open home page polls it every 3 s, so many
// requests ask the same question within a second: answers are shared for a second
// (lib/shared-answer.ts). Measured with `npm run bench:rooms` (bench/README.md).
const SHARED_FOR_MS = 1_000;

/** Live shows, newest first, a page at a time (50 per page, as in the original); at most 1 s old. */
export function listLiveShows(page = 1): Promise<LiveShowPage> {
  return shareAnswer("live-shows", String(page), SHARED_FOR_MS, () => queryLiveShows(page));
}

async function queryLiveShows(page: number): Promise<LiveShowPage> {
  const [rows, total] = await Promise.all([
    db.show.findMany({
      where: { status: "LIVE" },
      orderBy: [{ startedAt: "desc" }, { roomNumber: "desc" }],
      skip: (page - 1) * SHOWS_PER_PAGE,
      take: SHOWS_PER_PAGE,
      select: {
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
  const shows = rows.map((s) => ({
    roomNumber: s.roomNumber,
    title: s.title,
    coverUrl: coverUrl(s.coverPath),
    startedAt: s.startedAt.toISOString(),
    likes: s.likes,
    viewerCount: s.viewerCount,
    hostAway: s.hostAwaySince !== null,
    host: s.host,
  }));
  return { shows, total, page, pages: Math.max(1, Math.ceil(total / SHOWS_PER_PAGE)) };
}
