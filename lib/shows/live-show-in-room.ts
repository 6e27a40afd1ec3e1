import "server-only";
import { db } from "@/lib/db";
import { roomNumberFromName } from "@/lib/shows/room-name";

/** The live show a LiveKit room belongs to, or null (not a show's room, or the show is over). */
export async function liveShowInRoom(roomName: string | undefined) {
  const roomNumber = roomName ? roomNumberFromName(roomName) : null;
  if (roomNumber === null) return null;
  return db.show.findFirst({
    where: { roomNumber, status: "LIVE" },
    select: { id: true, roomNumber: true, hostId: true, startedAt: true, hostAwaySince: true },
  });
}

export type LiveShowRef = NonNullable<Awaited<ReturnType<typeof liveShowInRoom>>>;
