import "server-only";
import { sendRoomMessage } from "@/lib/livekit/rooms";
import { SHOW_TOPIC, type ShowEvent } from "@/lib/shows/events";
import { roomNameFor } from "@/lib/shows/room-name";

/** Sends a business event into a show's room, after the rule that produced it has committed. */
export async function broadcastShowEvent(roomNumber: number, event: ShowEvent, toIdentities?: string[]) {
  await sendRoomMessage(roomNameFor(roomNumber), SHOW_TOPIC, event, toIdentities);
}
