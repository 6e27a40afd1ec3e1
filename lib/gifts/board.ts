import type { GiftNotice } from "@/lib/gifts/events";

// A show's gift board in the browser: the server's totals and top gifters, moved forward by each
// gift notice. Totals only grow, so the board keeps the largest figure it has seen: events that
// arrive out of order (or twice) cannot move it backwards.

export const LEADERBOARD_SIZE = 10;

export type Gifter = { userId: string; name: string; coins: number; gifts: number };
export type Board = { gifts: number; coins: number; leaderboard: Gifter[] };

export function rankGifters(gifters: readonly Gifter[]): Gifter[] {
  return [...gifters].sort((a, b) => b.coins - a.coins || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)).slice(0, LEADERBOARD_SIZE);
}

export function mergeNotice(board: Board, notice: GiftNotice): Board {
  const byUser = new Map(board.leaderboard.map((g) => [g.userId, g]));
  for (const n of notice.gifters) {
    const known = byUser.get(n.id);
    byUser.set(
      n.id,
      known
        ? { ...known, name: n.name, coins: Math.max(known.coins, n.coins), gifts: Math.max(known.gifts, n.gifts) }
        : { userId: n.id, name: n.name, coins: n.coins, gifts: n.gifts },
    );
  }
  return {
    gifts: Math.max(board.gifts, notice.show.gifts),
    coins: Math.max(board.coins, notice.show.coins),
    leaderboard: rankGifters([...byUser.values()]),
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
