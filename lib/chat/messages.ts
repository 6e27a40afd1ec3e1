import "server-only";
import { db } from "@/lib/db";
import type { ChatMessageView } from "@/lib/chat/events";

/** How many messages a late joiner sees. */
export const HISTORY_SIZE = 50;
/** At most this many missed messages are sent to a reconnecting client (the newest ones). */
const SYNC_MAX = 200;
// Ids come from a sequence: one taken a moment before another may commit after it. A client
// catching up also gets the messages written shortly before its newest one, and drops the
// ones it already has, so such a message is not lost.
const OVERLAP_MS = 5_000;

export const messageSelect = {
  id: true,
  text: true,
  badge: true,
  createdAt: true,
  user: { select: { id: true, name: true } },
} as const;

type MessageRow = { id: number; text: string; badge: ChatMessageView["badge"]; createdAt: Date; user: { id: string; name: string } };

export function toView(row: MessageRow): ChatMessageView {
  return { id: row.id, text: row.text, sentAt: row.createdAt.toISOString(), user: row.user, badge: row.badge };
}

/** The last messages of a show that were not deleted, oldest first. */
export async function recentMessages(showId: string, take = HISTORY_SIZE): Promise<ChatMessageView[]> {
  const rows = await db.chatMessage.findMany({
    where: { showId, deletedAt: null },
    orderBy: { id: "desc" },
    take,
    select: messageSelect,
  });
  return rows.reverse().map(toView);
}

export type MissedMessages = { messages: ChatMessageView[]; deletedIds: number[] };

/**
 * What a client that holds messages up to `afterId` may have missed: later messages, and which
 * messages were deleted meanwhile. Without a usable `afterId`, the last HISTORY_SIZE.
 */
export async function missedMessages(showId: string, afterId: number | null): Promise<MissedMessages> {
  const anchor =
    afterId === null ? null : await db.chatMessage.findFirst({ where: { id: afterId, showId }, select: { createdAt: true } });
  if (!anchor) return { messages: await recentMessages(showId), deletedIds: [] };
  const since = new Date(anchor.createdAt.getTime() - OVERLAP_MS);
  const [rows, deleted] = await Promise.all([
    db.chatMessage.findMany({
      where: { showId, deletedAt: null, OR: [{ id: { gt: afterId ?? 0 } }, { createdAt: { gte: since } }] },
      orderBy: { id: "desc" },
      take: SYNC_MAX,
      select: messageSelect,
    }),
    db.chatMessage.findMany({ where: { showId, deletedAt: { gte: since } }, orderBy: { id: "desc" }, take: 500, select: { id: true } }),
  ]);
  return { messages: rows.reverse().map(toView), deletedIds: deleted.map((d) => d.id) };
}

/** Messages a show's chat kept (deleted ones are not counted): for the host's summary. */
export async function countMessages(showId: string): Promise<number> {
  return db.chatMessage.count({ where: { showId, deletedAt: null } });
}
