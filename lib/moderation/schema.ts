import { z } from "zod";
import { messageIdSchema } from "@/lib/chat/schema";
import { cleanText, textLength } from "@/lib/chat/text";
import type { ReportReason } from "@/lib/generated/prisma/enums";
import { roomNumberSchema } from "@/lib/shows/schema";

// Shared by the moderation controls, the report dialog and the server actions.

export const deleteMessageSchema = z.object({ roomNumber: roomNumberSchema, messageId: messageIdSchema });

export const muteSchema = z.object({
  roomNumber: roomNumberSchema,
  userId: z.string().min(1).max(64, "No such user"),
  muted: z.boolean(),
});

/** The choices the host is offered; the server takes any whole number in range. */
export const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60] as const;
export const SLOW_MODE_MAX = 3600;

export const slowModeSchema = z.object({
  roomNumber: roomNumberSchema,
  seconds: z
    .number({ error: "Slow mode must be a number of seconds" })
    .int("Slow mode must be a whole number of seconds")
    .min(0, "Slow mode cannot be negative")
    .max(SLOW_MODE_MAX, "Slow mode can be at most an hour"),
});

/** The original's five reasons, in its order, with what the dialog says. */
export const REPORT_REASONS = [
  { value: "SPAM", label: "Spam" },
  { value: "FALSE_INFORMATION", label: "False information" },
  { value: "HARMFUL", label: "Harmful" },
  { value: "ILLEGAL", label: "Illegal" },
  { value: "OBSCENE", label: "Obscene" },
] as const satisfies readonly { value: ReportReason; label: string }[];

const reasonSchema = z.enum(REPORT_REASONS.map((r) => r.value), { error: "Choose one of the five reasons" });

export const REPORT_NOTE_MAX = 500;
const noteSchema = z
  .string({ error: "The note must be text" })
  .max(2 * REPORT_NOTE_MAX, `The note can be at most ${REPORT_NOTE_MAX} characters`)
  .transform(cleanText)
  .refine((note) => textLength(note) <= REPORT_NOTE_MAX, `The note can be at most ${REPORT_NOTE_MAX} characters`)
  .optional()
  .transform((note) => note || undefined);

export const reportSchema = z.discriminatedUnion("target", [
  z.object({ target: z.literal("show"), roomNumber: roomNumberSchema, reason: reasonSchema, note: noteSchema }),
  z.object({ target: z.literal("message"), roomNumber: roomNumberSchema, messageId: messageIdSchema, reason: reasonSchema, note: noteSchema }),
], { error: "Say what you are reporting" });
export type ReportInput = z.output<typeof reportSchema>;
