import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { badgeFor } from "@/lib/chat/badge";
import type { ChatMessageView } from "@/lib/chat/events";
import { messageSelect, toView } from "@/lib/chat/messages";
import type { SendChatInput } from "@/lib/chat/schema";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { enforceChatRules } from "@/lib/moderation/chat-rules";
import { maskWords } from "@/lib/moderation/word-filter";
import { consume } from "@/lib/rate-limit";
import { getSetting } from "@/lib/settings";
import { requireShow } from "@/lib/shows/get-show";

/**
 * One chat message: the rules (limit, show live, permission, mute, slow mode), then the word
 * filter, then stored, then sent to the room by the server. Returns the message as stored.
 */
export async function sendChatMessage(user: SessionUser, input: SendChatInput): Promise<ChatMessageView> {
  await consume("chat.send", user.id);
  const show = await requireShow(input.roomNumber);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended, so its chat is closed.");
  const role = showRoleOf(user, show);
  if (!can(role, "chat.send")) throw new AppError("FORBIDDEN", "You may not chat in this show.");
  await enforceChatRules(show, user.id, role);

  const text = maskWords(input.text, await getSetting("wordFilter"));
  const row = await db.chatMessage.create({
    data: { showId: show.id, userId: user.id, text, badge: badgeFor(role) },
    select: messageSelect,
  });
  const message: ChatMessageView = { ...toView(row), nonce: input.nonce };
  try {
    await broadcastRoomEvent(show.roomNumber, { type: "chat", message });
  } catch (error) {
    // Stored: the room gets it when clients catch up (reconnect, reload); the sender has it now.
    console.warn(`[chat] message ${row.id} in room ${show.roomNumber} not broadcast:`, error instanceof Error ? error.message : error);
  }
  return message;
}
