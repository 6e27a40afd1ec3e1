import type { GiftRoomEvent } from "@/lib/gifts/events";

// A show's gift board in the browser: the server's totals and top gifters, moved forward by each
// gift event. Totals only grow, so the board keeps the largest figure it has seen: events that
// arrive out of order (or twice) cannot move it backwards.

export const LEADERBOARD_SIZE = 10;

export type Gifter = { userId: string; name: string; coins: number; gifts: number };
export type Board = { gifts: number; coins: number; leaderboard: Gifter[] };

export function rankGifters(gifters: readonly Gifter[]): Gifter[] {
  return [...gifters].sort((a, b) => b.coins - a.coins || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)).slice(0, LEADERBOARD_SIZE);
}

export function mergeGift(board: Board, event: GiftRoomEvent): Board {
  const known = board.leaderboard.find((g) => g.userId === event.sender.id);
  const sender: Gifter = known
    ? { ...known, name: event.sender.name, coins: Math.max(known.coins, event.senderShowCoins), gifts: Math.max(known.gifts, event.senderShowGifts) }
    : { userId: event.sender.id, name: event.sender.name, coins: event.senderShowCoins, gifts: event.senderShowGifts };
  return {
    gifts: Math.max(board.gifts, event.show.gifts),
    coins: Math.max(board.coins, event.show.coins),
    leaderboard: rankGifters([...board.leaderboard.filter((g) => g.userId !== event.sender.id), sender]),
  };
}

/** A fresh board from the server replaces what the events built, except figures it has not caught up with. */
export function mergeBoard(current: Board, fresh: Board): Board {
  const byUser = new Map(fresh.leaderboard.map((g) => [g.userId, g]));
  for (const g of current.leaderboard) {
    const f = byUser.get(g.userId);
    if (f && (f.coins < g.coins || f.gifts < g.gifts)) byUser.set(g.userId, { ...f, coins: Math.max(f.coins, g.coins), gifts: Math.max(f.gifts, g.gifts) });
  }
  return { gifts: Math.max(current.gifts, fresh.gifts), coins: Math.max(current.coins, fresh.coins), leaderboard: rankGifters([...byUser.values()]) };
}
