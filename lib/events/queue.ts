import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { type BroadcastOptions, broadcastRoomEvent } from "@/lib/events/broadcast";
import { type RoomEvent, roomEventSchema } from "@/lib/events/schema";
import { defineJob } from "@/lib/jobs/define";

const payload = z.object({
  roomNumber: z.number().int(),
  event: roomEventSchema,
  to: z.array(z.string()).optional(),
  lossy: z.boolean().optional(),
});

/** Sends a room event that a committed transaction produced (see queueRoomEvent). */
export const roomEventJob = defineJob("events.send", payload, async ({ roomNumber, event, to, lossy }) => {
  await broadcastRoomEvent(roomNumber, event, { to, lossy });
});

/** The job queue of a room's notices: its jobs run one after the other, in the order queued. */
export function roomEventQueue(roomNumber: number): string {
  return `room-events:${roomNumber}`;
}

/**
 * Sends a room event once the caller's transaction commits, and only then: the event is a job
 * enqueued in that transaction (picked up within milliseconds). Events of one room are sent in
 * the order they were queued. A notice that still fails after a few tries is stale: it is dropped.
 */
export async function queueRoomEvent(tx: Tx, roomNumber: number, event: RoomEvent, options: BroadcastOptions = {}): Promise<void> {
  await roomEventJob.enqueue({ roomNumber, event, ...options }, { tx, queue: roomEventQueue(roomNumber), maxAttempts: 3 });
}
