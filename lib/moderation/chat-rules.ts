import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consumeEvery } from "@/lib/rate-limit";

// The room's rules for one more message from a sender the rules hold (not the host or an
// operator: `chat.moderated`). lib/chat/send-message.ts applies them; the mute is checked again
// in the statement that stores the message.

export const MUTED_MESSAGE = "The host has muted you in this show, so your messages are not sent.";

/** Whether a user is muted in a show's chat. */
export async function isMuted(showId: string, userId: string): Promise<boolean> {
  return (await db.chatMute.count({ where: { showId, userId } })) > 0;
}

/** Slow mode's one message per N seconds: takes this sender's slot, or returns the refusal. */
export async function slowModeSlot(show: { id: string; slowModeSeconds: number }, userId: string): Promise<AppError | null> {
  const seconds = show.slowModeSeconds;
  if (seconds <= 0) return null;
  try {
    await consumeEvery("chat.slow-mode", `${show.id}:${userId}`, seconds, `Slow mode is on: one message every ${seconds} s`);
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return error;
    throw error;
  }
}
