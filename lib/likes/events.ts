import { z } from "zod";

// Hearts' room event: the running total and how many arrived since the last one (lossy: a
// missed one is replaced by the next; burst 0 is the reliable repeat after the last burst).
export const likeEvents = [
  z.object({ type: z.literal("likes"), total: z.number().int().nonnegative(), burst: z.number().int().nonnegative() }),
] as const;
