import { z } from "zod";
import { giftEvents } from "@/lib/gifts/events";
import { chatEvents } from "@/lib/chat/events";
import { likeEvents } from "@/lib/likes/events";
import { moderationEvents } from "@/lib/moderation/events";
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
]);

export type RoomEvent = z.infer<typeof roomEventSchema>;
export type RoomEventType = RoomEvent["type"];

export function parseRoomEvent(payload: Uint8Array): RoomEvent | null {
  try {
    const parsed = roomEventSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
