import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

const showSelect = {
  id: true,
  roomNumber: true,
  title: true,
  status: true,
  hostId: true,
  coverPath: true,
  startedAt: true,
  endedAt: true,
  endReason: true,
  hostAwaySince: true,
  likes: true,
  viewerCount: true,
  peakViewers: true,
  uniqueViewers: true,
  host: { select: { id: true, name: true } },
} as const;

/** Cached per request: a page's metadata and body share one query. */
export const getShowByRoomNumber = cache(async (roomNumber: number) =>
  db.show.findUnique({ where: { roomNumber }, select: showSelect }),
);

export type ShowDetails = NonNullable<Awaited<ReturnType<typeof getShowByRoomNumber>>>;
