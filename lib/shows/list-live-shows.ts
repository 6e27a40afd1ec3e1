import "server-only";
import { db } from "@/lib/db";

export const SHOWS_PER_PAGE = 50;

/** Live shows, newest first, a page at a time (50 per page, as in the original). */
export async function listLiveShows(page = 1) {
  const [shows, total] = await Promise.all([
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
  return { shows, total, page, pages: Math.max(1, Math.ceil(total / SHOWS_PER_PAGE)) };
}

export type LiveShowList = Awaited<ReturnType<typeof listLiveShows>>;
export type LiveShowSummary = LiveShowList["shows"][number];
