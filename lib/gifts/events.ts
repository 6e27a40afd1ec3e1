import { z } from "zod";
import { GiftAnimation } from "@/lib/generated/prisma/enums";

// The gift room event (one part of the room event schema in lib/events/schema.ts): one notice
// carries the gifts of a room that committed since the last one (often one, many under load),
// each played on its own by the clients. Totals only grow, so a client keeps the largest it has
// seen: notices that arrive out of order (or twice) cannot move a leaderboard backwards.

const count = z.number().int().nonnegative();

/** How many gifts one notice carries at most (a LiveKit data message stays well under 15 KiB). */
export const GIFTS_PER_NOTICE = 40;

export const announcedGiftSchema = z.object({
  id: z.string(),
  sender: z.object({ id: z.string(), name: z.string() }),
  gift: z.object({ id: z.string(), name: z.string(), icon: z.string(), animation: z.enum(GiftAnimation) }),
  count: z.number().int().positive(),
  coins: count,
  /** 1, or the sender's n-th same gift in a row (each within a few seconds of the last) */
  combo: z.number().int().positive(),
});

export const giftEvents = [
  z.object({
    type: z.literal("gifts"),
    /** in the order they were sent */
    gifts: z.array(announcedGiftSchema).min(1).max(GIFTS_PER_NOTICE),
    /** each sender's gifts and coins in this show so far (these included), read when the notice was sent */
    gifters: z.array(z.object({ id: z.string(), name: z.string(), gifts: count, coins: count })),
    /** the show's gift totals when the notice was sent (these gifts included) */
    show: z.object({ gifts: count, coins: count }),
  }),
] as const;

export type GiftNotice = z.infer<(typeof giftEvents)[number]>;
export type AnnouncedGift = z.infer<typeof announcedGiftSchema>;
