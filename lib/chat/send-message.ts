import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { badgeFor } from "@/lib/chat/badge";
import { type ChatTarget, chatTarget } from "@/lib/chat/chat-target";
import type { ChatMessageView } from "@/lib/chat/events";
import { toView } from "@/lib/chat/messages";
import type { SendChatInput } from "@/lib/chat/schema";
import { preparedQuery } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChatBadge } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { broadcastInOrder } from "@/lib/events/broadcast";
import { MUTED_MESSAGE, isMuted, slowModeSlot } from "@/lib/moderation/chat-rules";
import { maskWords } from "@/lib/moderation/word-filter";
import { consume } from "@/lib/rate-limit";
import { getSetting } from "@/lib/settings";
import { isMutedSiteWide, muteNotice } from "@/lib/users/standing";

const SHOW_ENDED = "This show has ended, so its chat is closed.";

/**
 * Stores a message with the show's next sequence number, in one statement that also checks the
 * room's rules against the database: the show is live and, for a `moderated` sender, not muted
 * and slow mode is still what the caller applied (`slowModeSeconds`, from a cached show). The
 * counter row stays locked until the statement commits, so numbers follow commit order with no
 * gaps (a refused or failed insert takes no number). Null: a rule refused it.
 */
async function insertMessage(show: ChatTarget, userId: string, text: string, badge: ChatBadge | null, moderated: boolean) {
  // A prepared statement (lib/db): parsed and planned once per connection, not on every message.
  const rows = await preparedQuery<{ id: number; seq: number; createdAt: Date }>(Prisma.sql`
    WITH next AS (
      INSERT INTO "ChatSequence" ("showId", "last")
      SELECT s."id", 1 FROM "Show" s
      WHERE s."id" = ${show.id} AND s."status" = 'LIVE'
        AND (NOT ${moderated}::boolean OR (s."slowModeSeconds" = ${show.slowModeSeconds}::int AND NOT EXISTS (
          SELECT 1 FROM "ChatMute" m WHERE m."showId" = s."id" AND m."userId" = ${userId})))
      ON CONFLICT ("showId") DO UPDATE SET "last" = "ChatSequence"."last" + 1
      RETURNING "last"
    )
    INSERT INTO "ChatMessage" ("showId", "userId", "text", "badge", "seq")
    SELECT ${show.id}, ${userId}, ${text}, ${badge}::"ChatBadge", "last" FROM next
    RETURNING "id", "seq", "createdAt"`);
  return rows[0] ?? null;
}

/**
 * After a refusal based on the cached show (a second old at most): throws what the database says
 * (show ended, sender muted), or returns the fresh show when slow mode changed meanwhile (the
 * caller tries again with it), or null when nothing changed.
 */
async function recheck(roomNumber: number, userId: string, applied: ChatTarget): Promise<ChatTarget | null> {
  const show = await chatTarget(roomNumber, true);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", SHOW_ENDED);
  if (await isMuted(show.id, userId)) throw new AppError("FORBIDDEN", MUTED_MESSAGE);
  return show.slowModeSeconds === applied.slowModeSeconds ? null : show;
}

/**
 * One chat message: the limit, the show (cached a second), the sender's permission, slow mode
 * (Redis), the word filter; then one statement checks the rest (live, not muted) and stores it.
 * The room gets it from the server after the commit, in commit order, while the sender already
 * has the answer. Returns the message as stored.
 */
export async function sendChatMessage(user: SessionUser, input: SendChatInput): Promise<ChatMessageView> {
  await consume("chat.send", user.id);
  let show = await chatTarget(input.roomNumber);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", SHOW_ENDED); // ended is final
  const role = showRoleOf(user, show);
  if (!can(role, "chat.send")) throw new AppError("FORBIDDEN", "You may not chat in this show.");
  // An operator's site-wide mute (lib/users) holds in every show, the user's own included.
  if (isMutedSiteWide(user)) throw new AppError("FORBIDDEN", muteNotice(user));
  // The host and operators are held to neither a room's mute nor its slow mode.
  const moderated = can(role, "chat.moderated");
  const text = maskWords(input.text, await getSetting("wordFilter"));
  const badge = badgeFor(role);

  // Once more only if slow mode changed within the cache's second (twice: changed twice).
  for (let attempt = 0; attempt < 3; attempt++) {
    if (moderated && show.slowModeSeconds > 0) {
      const refused = await slowModeSlot(show, user.id);
      if (refused) {
        show = (await recheck(input.roomNumber, user.id, show)) ?? throwError(refused);
        continue;
      }
    }
    const row = await insertMessage(show, user.id, text, badge, moderated);
    if (!row) {
      show = (await recheck(input.roomNumber, user.id, show)) ?? throwError(new Error("chat insert refused with the rules unchanged"));
      continue;
    }
    // The author is the session's user: no need to read them back with the row.
    const message: ChatMessageView = { ...toView({ ...row, text, badge, user: { id: user.id, name: user.name } }), nonce: input.nonce };
    broadcastInOrder(show.roomNumber, { type: "chat", message }).catch((error: unknown) => {
      // Stored: the room gets it when clients catch up (reconnect, reload, a gap); the sender has it now.
      console.warn(`[chat] message ${row.id} in room ${show.roomNumber} not broadcast:`, error instanceof Error ? error.message : error);
    });
    return message;
  }
  throw new Error("chat: slow mode kept changing while sending");
}

function throwError(error: Error): never {
  throw error;
}
