import { z } from "zod";
import { giftEvents } from "@/lib/gifts/events";
import { chatEvents } from "@/lib/chat/events";
import { likeEvents } from "@/lib/likes/events";
import { moderationEvents } from "@/lib/moderation/events";
import { screeningEvents } from "@/lib/screening/events";
import { showEvents } from "@/lib/shows/events";
import { stageEvents } from "@/lib/stage/events";

/**
 * Every message the server sends into a show's LiveKit room, on topic ROOM_TOPIC, always after
 * the rule that produced it has committed. One schema, parsed by the server before sending and
 * by every client on receipt. Each domain declares its own variants (lib/<domain>/events.ts).
 */
export const ROOM_TOPIC = "suixin.show";

export const roomEventSchema = z.discriminatedUnion("type", [
  ...showEvents,
  ...chatEvents,
  ...moderationEvents,
  ...likeEvents,
  ...stageEvents,
  ...giftEvents,
  ...screeningEvents,
]);

export type RoomEvent = z.infer<typeof roomEventSchema>;
export type RoomEventType = RoomEvent["type"];

/**
 * Most events one data packet carries. A busy room's events are batched by the server (several
 * waiting for the same recipients leave as one packet, a JSON array, in order), so a room at
 * hundreds of messages a second costs LiveKit and every client far fewer packets.
 */
export const ROOM_BATCH_MAX_EVENTS = 50;

/** What one data packet carries: one event, or a batch of them in the order sent. */
export const roomMessageSchema = z.union([roomEventSchema, z.array(roomEventSchema).min(2).max(ROOM_BATCH_MAX_EVENTS)]);
export type RoomMessage = z.infer<typeof roomMessageSchema>;

/** The events of a data packet, in order; any that does not parse is dropped (the others are kept). */
export function parseRoomEvents(payload: Uint8Array): RoomEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return [];
  }
  const items = Array.isArray(json) ? json.slice(0, ROOM_BATCH_MAX_EVENTS) : [json];
  return items.flatMap((item) => {
    const parsed = roomEventSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
