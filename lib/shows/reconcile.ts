import "server-only";
import { db } from "@/lib/db";
import { type LiveRoom, deleteRoom, listParticipants, listRooms } from "@/lib/livekit/rooms";
import { syncSessions } from "@/lib/presence/sync-sessions";
import { endShow } from "@/lib/shows/end-show";
import { endIfHostGone } from "@/lib/shows/host-timeout";
import { roomNameFor } from "@/lib/shows/room-name";

// A show's room is created right after its row; don't call a brand-new show's room missing.
const NEW_SHOW_MS = 15_000;

/** What LiveKit is asked during a pass (the real calls by default; a test may hand in a snapshot). */
export type LiveKitView = {
  listRooms: (names?: string[]) => Promise<LiveRoom[]>;
  listParticipants: typeof listParticipants;
};

const livekit: LiveKitView = { listRooms, listParticipants };

/**
 * Brings the database in line with LiveKit: shows whose room is gone end, rooms without a
 * live show close, sessions and host presence are repaired, and overdue hosts time out.
 * Webhooks do this as it happens; this catches whatever they missed.
 */
export async function reconcileWithLiveKit(now = new Date(), view: LiveKitView = livekit) {
  const rooms = await view.listRooms();
  const live = await db.show.findMany({
    where: { status: "LIVE" },
    select: { id: true, roomNumber: true, hostId: true, startedAt: true, hostAwaySince: true },
  });
  const roomNames = new Set(rooms.map((r) => r.name));
  const liveRoomNames = new Set(live.map((s) => roomNameFor(s.roomNumber)));
  const summary = { ended: 0, roomsClosed: 0, checked: live.length };

  for (const room of rooms) {
    if (!liveRoomNames.has(room.name)) {
      await deleteRoom(room.name);
      summary.roomsClosed += 1;
    }
  }
  for (const show of live) {
    const name = roomNameFor(show.roomNumber);
    if (!roomNames.has(name)) {
      if (now.getTime() - show.startedAt.getTime() <= NEW_SHOW_MS) continue;
      // One answer that lacks the room is not proof (a listing can miss a room, e.g. on another
      // node or mid-move): the room itself is asked before its show ends.
      if ((await view.listRooms([name])).some((r) => r.name === name)) continue;
      if (await endShow(show.id, "ROOM_GONE")) summary.ended += 1;
      continue;
    }
    const snapshotAt = new Date();
    await syncSessions(show, await view.listParticipants(name), snapshotAt);
    if (await endIfHostGone(show.id, now)) summary.ended += 1;
  }
  return summary;
}
