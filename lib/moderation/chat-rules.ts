import "server-only";
import { can, type ShowRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consumeEvery } from "@/lib/rate-limit";

/** Whether a user is muted in a show's chat. */
export async function isMuted(showId: string, userId: string): Promise<boolean> {
  return (await db.chatMute.count({ where: { showId, userId } })) > 0;
}

/**
 * The room's rules for one more message from this sender: not muted, and slow mode's one
 * message per N seconds. The host and operators are held to neither.
 */
export async function enforceChatRules(show: { id: string; slowModeSeconds: number }, userId: string, role: ShowRole): Promise<void> {
  if (!can(role, "chat.moderated")) return;
  if (await isMuted(show.id, userId)) throw new AppError("FORBIDDEN", "The host has muted you in this show, so your messages are not sent.");
  const seconds = show.slowModeSeconds;
  if (seconds > 0) await consumeEvery("chat.slow-mode", `${show.id}:${userId}`, seconds, `Slow mode is on: one message every ${seconds} s`);
}
