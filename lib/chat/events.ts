import { z } from "zod";

// Chat's room events (one part of the room event schema in lib/events/schema.ts).

/** Mirrors the ChatBadge enum of prisma/schema.prisma (lib/chat/badge.ts decides who gets one). */
export const chatBadgeSchema = z.enum(["HOST", "GUEST"]);

/** One chat message as every client sees it (stored text: cleaned and filtered by the server). */
export const chatMessageSchema = z.object({
  id: z.number().int().positive(),
  /** 1, 2, 3… per show in commit order: a client that sees one skipped knows it missed one */
  seq: z.number().int().positive(),
  text: z.string(),
  sentAt: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  badge: chatBadgeSchema.nullable(),
  /** the sender's tag for its optimistic copy */
  nonce: z.string().optional(),
});

export type ChatMessageView = z.infer<typeof chatMessageSchema>;

export const chatEvents = [z.object({ type: z.literal("chat"), message: chatMessageSchema })] as const;
