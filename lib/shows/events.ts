import { z } from "zod";

/**
 * Messages the server sends into a show's LiveKit room (topic SHOW_TOPIC).
 * Shared by the server (sending) and the client (parsing what arrives).
 */
export const SHOW_TOPIC = "suixin.show";

export const showEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ended"), reason: z.string() }),
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
