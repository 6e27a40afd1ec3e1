import "server-only";
import { db } from "@/lib/db";

/** At most this many of a show's chat messages and gifts (each) are replayed, the first ones. */
export const REPLAY_EVENTS_MAX = 2_000;

/** One thing that happened in the room, at its wall-clock time (ISO), as the replay shows it. */
export type ReplayEvent =
  | { kind: "chat"; key: string; at: string; author: string; text: string }
  | { kind: "gift"; key: string; at: string; author: string; gift: string; icon: string; count: number };

/**
 * A show's chat (not deleted) and gifts in the order they happened, for replaying beside its
 * recording: the player maps its position to a wall-clock time and shows what happened up to it.
 */
export async function replayEventsOf(showId: string): Promise<ReplayEvent[]> {
  const [messages, gifts] = await Promise.all([
    db.chatMessage.findMany({
      where: { showId, deletedAt: null },
      orderBy: { seq: "asc" },
      take: REPLAY_EVENTS_MAX,
      select: { id: true, text: true, createdAt: true, user: { select: { name: true } } },
    }),
    db.giftEvent.findMany({
      where: { showId },
      orderBy: { createdAt: "asc" },
      take: REPLAY_EVENTS_MAX,
      select: { id: true, count: true, createdAt: true, sender: { select: { name: true } }, gift: { select: { name: true, icon: true } } },
    }),
  ]);
  const events: ReplayEvent[] = [
    ...messages.map((m) => ({ kind: "chat" as const, key: `c${m.id}`, at: m.createdAt.toISOString(), author: m.user.name, text: m.text })),
    ...gifts.map((g) => ({ kind: "gift" as const, key: `g${g.id}`, at: g.createdAt.toISOString(), author: g.sender.name, gift: g.gift.name, icon: g.gift.icon, count: g.count })),
  ];
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
