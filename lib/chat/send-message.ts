import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { badgeFor } from "@/lib/chat/badge";
import type { ChatMessageView } from "@/lib/chat/events";
import { toView } from "@/lib/chat/messages";
import type { SendChatInput } from "@/lib/chat/schema";
import { db } from "@/lib/db";
import type { ChatBadge } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { enforceChatRules } from "@/lib/moderation/chat-rules";
import { maskWords } from "@/lib/moderation/word-filter";
import { consume } from "@/lib/rate-limit";
import { getSetting } from "@/lib/settings";
import { requireShow } from "@/lib/shows/get-show";
import { isMutedSiteWide, muteNotice } from "@/lib/users/standing";

/**
 * Stores a message with the show's next sequence number, in one statement: the counter row
 * stays locked until the statement commits, so numbers follow commit order with no gaps (a
 * failed insert takes its number back).
 */
async function insertMessage(showId: string, userId: string, text: string, badge: ChatBadge | null) {
  const rows = await db.$queryRaw<{ id: number; seq: number; createdAt: Date }[]>`
    WITH next AS (
      INSERT INTO "ChatSequence" ("showId", "last") VALUES (${showId}, 1)
      ON CONFLICT ("showId") DO UPDATE SET "last" = "ChatSequence"."last" + 1
      RETURNING "last"
    )
    INSERT INTO "ChatMessage" ("showId", "userId", "text", "badge", "seq")
    SELECT ${showId}, ${userId}, ${text}, ${badge}::"ChatBadge", "last" FROM next
    RETURNING "id", "seq", "createdAt"`;
  const row = rows[0];
  if (!row) throw new Error("chat insert returned no row");
  return row;
}

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
  // An operator's site-wide mute (lib/users) holds in every show, the user's own included.
  if (isMutedSiteWide(user)) throw new AppError("FORBIDDEN", muteNotice(user));
  await enforceChatRules(show, user.id, role);

  const text = maskWords(input.text, await getSetting("wordFilter"));
  const badge = badgeFor(role);
  const row = await insertMessage(show.id, user.id, text, badge);
  // The author is the session's user: no need to read them back with the row.
  const message: ChatMessageView = { ...toView({ ...row, text, badge, user: { id: user.id, name: user.name } }), nonce: input.nonce };
  try {
    await broadcastRoomEvent(show.roomNumber, { type: "chat", message });
  } catch (error) {
    // Stored: the room gets it when clients catch up (reconnect, reload); the sender has it now.
    console.warn(`[chat] message ${row.id} in room ${show.roomNumber} not broadcast:`, error instanceof Error ? error.message : error);
  }
  return message;
}
