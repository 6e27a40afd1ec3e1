import { z } from "zod";

// Moderation's room events (one part of the room event schema in lib/events/schema.ts).
export const moderationEvents = [
  z.object({ type: z.literal("chat-deleted"), id: z.number().int().positive() }),
  z.object({ type: z.literal("chat-mute"), userId: z.string(), muted: z.boolean() }),
  z.object({ type: z.literal("chat-slow-mode"), seconds: z.number().int().nonnegative() }),
] as const;
