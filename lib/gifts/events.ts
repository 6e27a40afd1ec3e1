import { z } from "zod";
import { GiftAnimation } from "@/lib/generated/prisma/enums";

// The gift room event (one part of the room event schema in lib/events/schema.ts), sent after the
// send's transaction committed. Totals only grow, so a client keeps the largest it has seen:
// events that arrive out of order cannot move a leaderboard backwards.

const count = z.number().int().nonnegative();

export const giftEvents = [
  z.object({
    type: z.literal("gift"),
    id: z.string(),
    sender: z.object({ id: z.string(), name: z.string() }),
    gift: z.object({ id: z.string(), name: z.string(), icon: z.string(), animation: z.enum(GiftAnimation) }),
    count: z.number().int().positive(),
    coins: count,
    /** 1, or the sender's n-th same gift in a row (each within a few seconds of the last) */
    combo: z.number().int().positive(),
    /** the sender's gifts and coins in this show so far, this one included (the show's leaderboard) */
    senderShowGifts: count,
    senderShowCoins: count,
    /** the show's gift totals right after this gift committed */
    show: z.object({ gifts: count, coins: count }),
  }),
] as const;

export type GiftRoomEvent = z.infer<(typeof giftEvents)[number]>;
