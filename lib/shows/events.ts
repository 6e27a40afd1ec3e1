import { z } from "zod";

// The show lifecycle's room events (one part of the room event schema in lib/events/schema.ts).

const member = { identity: z.string(), name: z.string() };

export const showEvents = [
  z.object({ type: z.literal("ended"), reason: z.string() }),
  z.object({ type: z.literal("joined"), ...member, viewers: z.number().int() }),
  z.object({ type: z.literal("left"), ...member, viewers: z.number().int() }),
  z.object({ type: z.literal("host-away") }),
  z.object({ type: z.literal("host-back") }),
] as const;
