import { z } from "zod";
import { cleanText, textLength } from "@/lib/chat/text";
import { roomNumberSchema } from "@/lib/shows/schema";

// Shared by the chat form (instant feedback) and the server actions.
export const CHAT_MAX = 200;
// Raw input is refused before any work when it could never fit, whatever cleaning removes.
const RAW_MAX = 1_000;
const TOO_LONG = `Messages can be at most ${CHAT_MAX} characters`;

export const chatTextSchema = z
  .string({ error: "A message must be text" })
  .max(RAW_MAX, TOO_LONG)
  .transform((raw, ctx) => {
    const text = cleanText(raw);
    if (!text) {
      ctx.addIssue({ code: "custom", message: raw.trim() ? "That message has no visible text" : "Type a message first" });
      return z.NEVER;
    }
    if (textLength(text) > CHAT_MAX) {
      ctx.addIssue({ code: "custom", message: TOO_LONG });
      return z.NEVER;
    }
    return text;
  });

/** A client's tag for its own optimistic message, echoed back so it can be matched. */
export const nonceSchema = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, "Invalid message tag");

export const sendChatSchema = z.object({ roomNumber: roomNumberSchema, text: chatTextSchema, nonce: nonceSchema.optional() });
export type SendChatInput = z.output<typeof sendChatSchema>;

export const messageIdSchema = z.number({ error: "No such message" }).int("No such message").positive("No such message").max(2_147_483_647, "No such message");

/** What a catching-up client holds: every message up to this sequence number (null: it knows nothing yet). */
export const chatSyncSchema = z.object({
  roomNumber: roomNumberSchema,
  afterSeq: z.number({ error: "Invalid position" }).int("Invalid position").min(0, "Invalid position").max(2_147_483_647, "Invalid position").nullable(),
});
