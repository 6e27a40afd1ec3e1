import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

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
  slowModeSeconds: true,
  host: { select: { id: true, name: true } },
} as const;

/** Cached per request: a page's metadata and body share one query. */
export const getShowByRoomNumber = cache(async (roomNumber: number) =>
  db.show.findUnique({ where: { roomNumber }, select: showSelect }),
);

export type ShowDetails = NonNullable<Awaited<ReturnType<typeof getShowByRoomNumber>>>;

/** The show in a room, or a NOT_FOUND error a user can read. */
export async function requireShow(roomNumber: number): Promise<ShowDetails> {
  const show = await getShowByRoomNumber(roomNumber);
  if (!show) throw new AppError("NOT_FOUND", `There is no show in room ${roomNumber}.`);
  return show;
}
