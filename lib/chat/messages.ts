import "server-only";
import { db } from "@/lib/db";
import type { ChatMessageView } from "@/lib/chat/events";

/** How many messages a late joiner sees. */
export const HISTORY_SIZE = 50;
/** At most this many missed messages are sent to a reconnecting client (the newest ones). */
const SYNC_MAX = 200;
export const messageSelect = {
  id: true,
  seq: true,
  text: true,
  badge: true,
  createdAt: true,
  user: { select: { id: true, name: true } },
} as const;

type MessageRow = { id: number; seq: number; text: string; badge: ChatMessageView["badge"]; createdAt: Date; user: { id: string; name: string } };

export function toView(row: MessageRow): ChatMessageView {
  return { id: row.id, seq: row.seq, text: row.text, sentAt: row.createdAt.toISOString(), user: row.user, badge: row.badge };
}

/** The last messages of a show that were not deleted, oldest first. */
export async function recentMessages(showId: string, take = HISTORY_SIZE): Promise<ChatMessageView[]> {
  const rows = await db.chatMessage.findMany({
    where: { showId, deletedAt: null },
    orderBy: { seq: "desc" },
    take,
    select: messageSelect,
  });
  return rows.reverse().map(toView);
}

/** The show's newest sequence number (0: no message yet); a client holds all up to it. */
export async function lastSeq(showId: string): Promise<number> {
  const row = await db.chatSequence.findUnique({ where: { showId }, select: { last: true } });
  return row?.last ?? 0;
}

export type MissedMessages = { messages: ChatMessageView[]; deletedIds: number[]; lastSeq: number };

/**
 * What a client that holds every message up to `afterSeq` may have missed: later messages
 * (the newest SYNC_MAX), which messages were deleted meanwhile, and the newest number, up to
 * which it then holds everything. Without `afterSeq`, the last HISTORY_SIZE.
 */
export async function missedMessages(showId: string, afterSeq: number | null): Promise<MissedMessages> {
  // Read first: a message stored after it is in the list (or comes live), never lost between.
  const last = await lastSeq(showId);
  if (afterSeq === null) return { messages: await recentMessages(showId), deletedIds: [], lastSeq: last };
  const anchor = await db.chatMessage.findUnique({ where: { showId_seq: { showId, seq: afterSeq } }, select: { createdAt: true } });
  const [rows, deleted] = await Promise.all([
    db.chatMessage.findMany({
      where: { showId, deletedAt: null, seq: { gt: afterSeq, lte: last } },
      orderBy: { seq: "desc" },
      take: SYNC_MAX,
      select: messageSelect,
    }),
    // Deleted while the client was away: after the newest message it held was written.
    db.chatMessage.findMany({
      where: { showId, deletedAt: { gte: anchor?.createdAt ?? new Date(0) } },
      orderBy: { id: "desc" },
      take: 500,
      select: { id: true },
    }),
  ]);
  return { messages: rows.reverse().map(toView), deletedIds: deleted.map((d) => d.id), lastSeq: last };
}

/** Messages a show's chat kept (deleted ones are not counted): for the host's summary. */
export async function countMessages(showId: string): Promise<number> {
  return db.chatMessage.count({ where: { showId, deletedAt: null } });
}
