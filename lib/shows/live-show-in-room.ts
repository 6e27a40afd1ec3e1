import "server-only";
import type { Db, Tx } from "@/lib/db";
import { roomNumberFromName } from "@/lib/shows/room-name";

/** The live show a LiveKit room belongs to, or null (not a show's room, or the show is over). */
export async function liveShowInRoom(client: Db | Tx, roomName: string | undefined) {
  const roomNumber = roomName ? roomNumberFromName(roomName) : null;
  if (roomNumber === null) return null;
  return client.show.findFirst({
    where: { roomNumber, status: "LIVE" },
    select: { id: true, roomNumber: true, hostId: true, startedAt: true, hostAwaySince: true },
  });
}

export type LiveShowRef = NonNullable<Awaited<ReturnType<typeof liveShowInRoom>>>;
