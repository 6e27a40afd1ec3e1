import "server-only";
import { db } from "@/lib/db";
import { roomCache } from "@/lib/shows/room-cache";

const select = { id: true, roomNumber: true, status: true, hostId: true, host: { select: { name: true } } } as const;

export type GiftTarget = { id: string; roomNumber: number; status: "LIVE" | "ENDED"; hostId: string; hostName: string };

async function read(roomNumber: number): Promise<GiftTarget | null> {
  const show = await db.show.findUnique({ where: { roomNumber }, select });
  return show && { id: show.id, roomNumber: show.roomNumber, status: show.status, hostId: show.hostId, hostName: show.host.name };
}

// Every send looks its show up by room number. What it needs never changes, except the status,
// which the send's own statement checks again (under a row lock); so each instance keeps a show
// for a second instead of asking the database for every gift.
/** The show a gift goes to (at most a second old), or NOT_FOUND. */
export const giftTarget = roomCache<GiftTarget>("gift", read);
