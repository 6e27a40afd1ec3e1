import { z } from "zod";
import { roomNumberSchema } from "@/lib/shows/schema";

// Shared by the gift shelf and the server.
export const GIFT_COUNTS = [1, 10, 66] as const;
export const MAX_GIFT_COUNT = 999;

const countMessage = `Choose how many: a whole number from 1 to ${MAX_GIFT_COUNT}`;

export const giftIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, "There is no such gift.");

export const sendGiftSchema = z.object({
  roomNumber: roomNumberSchema,
  giftId: giftIdSchema,
  count: z.number({ error: countMessage }).int(countMessage).min(1, countMessage).max(MAX_GIFT_COUNT, countMessage),
  /** made by the browser for each click; a retry of the same click sends the same key */
  idempotencyKey: z.uuid({ error: "Every send needs its own key (a UUID)." }),
});
export type SendGiftInput = z.output<typeof sendGiftSchema>;
