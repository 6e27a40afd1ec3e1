import "server-only";
import { type RoomEvent, ROOM_TOPIC, roomEventSchema } from "@/lib/events/schema";
import { sendRoomMessage } from "@/lib/livekit/rooms";
import { roomNameFor } from "@/lib/shows/room-name";

export type BroadcastOptions = {
  /** only these LiveKit identities get it (e.g. an invite); everyone when absent */
  to?: string[];
  /** lossy delivery, for high-rate events a client may miss (hearts); reliable otherwise */
  lossy?: boolean;
};

/** Sends a room event into a show's room, after the rule that produced it has committed. */
export async function broadcastRoomEvent(roomNumber: number, event: RoomEvent, options: BroadcastOptions = {}) {
  // The same schema the clients parse with: a malformed event fails here, not in every browser.
  const checked = roomEventSchema.parse(event);
  await sendRoomMessage(roomNameFor(roomNumber), ROOM_TOPIC, checked, { destinationIdentities: options.to, lossy: options.lossy });
}
