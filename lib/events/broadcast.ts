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

/** An event that waited this long for the ones before it is dropped: clients have caught up by other means. */
export const IN_ORDER_STALE_MS = 10_000;

const rooms = globalThis as unknown as { suixinRoomSends?: Map<number, Promise<void>> };

/**
 * Sends a committed room event after the events this instance queued for the room before it, one
 * at a time: callers that need not wait (a chat message's sender already has its answer) leave
 * the promise running, and the room still gets the events in the order their commits answered.
 * Rejects when this event could not be sent (or waited IN_ORDER_STALE_MS); the next ones go on.
 * Per instance: another app instance's events interleave (clients order chat by sequence number).
 */
export function broadcastInOrder(roomNumber: number, event: RoomEvent, options: BroadcastOptions = {}): Promise<void> {
  const tails = (rooms.suixinRoomSends ??= new Map());
  const queuedAt = Date.now();
  const sent = (tails.get(roomNumber) ?? Promise.resolve()).then(async () => {
    if (Date.now() - queuedAt > IN_ORDER_STALE_MS) throw new Error(`dropped after waiting ${IN_ORDER_STALE_MS} ms for earlier events`);
    await broadcastRoomEvent(roomNumber, event, options);
  });
  const tail = sent.catch(() => undefined);
  tails.set(roomNumber, tail);
  void tail.then(() => tails.get(roomNumber) === tail && tails.delete(roomNumber));
  return sent;
}
