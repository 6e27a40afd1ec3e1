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
/**
 * Sends of one room in flight at once. One at a time could not keep up when LiveKit answered
 * slowly (bench:chat at load average 30: `SendData` took seconds, and the line dropped half its
 * events); several in flight still leave in the order queued and arrive nearly so.
 */
export const IN_ORDER_MAX_IN_FLIGHT = 8;

type Queued = { event: RoomEvent; options: BroadcastOptions; queuedAt: number; resolve: () => void; reject: (error: unknown) => void };
type Line = { waiting: Queued[]; inFlight: number };

const rooms = globalThis as unknown as { suixinRoomLines?: Map<number, Line> };

function pump(roomNumber: number, line: Line): void {
  while (line.inFlight < IN_ORDER_MAX_IN_FLIGHT && line.waiting.length > 0) {
    const next = line.waiting.shift()!;
    if (Date.now() - next.queuedAt > IN_ORDER_STALE_MS) {
      next.reject(new Error(`dropped after waiting ${IN_ORDER_STALE_MS} ms for earlier events`));
      continue;
    }
    line.inFlight += 1;
    broadcastRoomEvent(roomNumber, next.event, next.options)
      .then(next.resolve, next.reject)
      .finally(() => {
        line.inFlight -= 1;
        if (line.inFlight === 0 && line.waiting.length === 0) rooms.suixinRoomLines?.delete(roomNumber);
        else pump(roomNumber, line);
      });
  }
}

/**
 * Sends a committed room event after the events this instance queued for the room before it
 * (started in that order, at most IN_ORDER_MAX_IN_FLIGHT at once): callers that need not wait (a
 * chat message's sender already has its answer) leave the promise running. Rejects when this
 * event could not be sent (or waited IN_ORDER_STALE_MS); the next ones go on. Per instance:
 * another instance's events interleave, and clients order chat by its sequence numbers.
 */
export function broadcastInOrder(roomNumber: number, event: RoomEvent, options: BroadcastOptions = {}): Promise<void> {
  const lines = (rooms.suixinRoomLines ??= new Map());
  let line = lines.get(roomNumber);
  if (!line) {
    line = { waiting: [], inFlight: 0 };
    lines.set(roomNumber, line);
  }
  const queued = line;
  return new Promise<void>((resolve, reject) => {
    queued.waiting.push({ event, options, queuedAt: Date.now(), resolve, reject });
    pump(roomNumber, queued);
  });
}
