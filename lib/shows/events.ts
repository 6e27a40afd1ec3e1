import { z } from "zod";

/**
 * Messages the server sends into a show's LiveKit room (topic SHOW_TOPIC), always after the
 * rule that produced them has committed. Shared by the server (sending) and the client (parsing).
 */
export const SHOW_TOPIC = "suixin.show";

const member = { identity: z.string(), name: z.string() };

export const showEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ended"), reason: z.string() }),
  z.object({ type: z.literal("joined"), ...member, viewers: z.number().int() }),
  z.object({ type: z.literal("left"), ...member, viewers: z.number().int() }),
  z.object({ type: z.literal("host-away") }),
  z.object({ type: z.literal("host-back") }),
]);

export type ShowEvent = z.infer<typeof showEventSchema>;

export function parseShowEvent(payload: Uint8Array): ShowEvent | null {
  try {
    const parsed = showEventSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
