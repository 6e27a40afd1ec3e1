import { z } from "zod";

// Hearts' room event: the running total and how many arrived since the last one (lossy: a
// missed one is replaced by the next).
export const likeEvents = [
  z.object({ type: z.literal("likes"), total: z.number().int().nonnegative(), burst: z.number().int().positive() }),
] as const;
