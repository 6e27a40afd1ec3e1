import { z } from "zod";
import { SCREENING_ACTIONS } from "@/lib/screening/rules";

// Content screening's room events (one part of the room event schema in lib/events/schema.ts).

export const screeningEvents = [
  // To everyone: viewers' players blur (no reason: viewers are not told what the classifier saw).
  z.object({ type: z.literal("screening-blur") }),
  // To everyone: an operator said "looks fine".
  z.object({ type: z.literal("screening-clear") }),
  // To the host only: why their show was flagged (and blurred or ended), so they can appeal.
  z.object({ type: z.literal("screening-flagged"), reason: z.string(), action: z.enum(SCREENING_ACTIONS) }),
] as const;
