import { describe, expect, it } from "vitest";
import { type Board, mergeBoard, mergeGift } from "./board";
import type { GiftRoomEvent } from "./events";

function gift(sender: string, senderShowCoins: number, show: { gifts: number; coins: number }, count = 1): GiftRoomEvent {
  return {
    type: "gift",
    id: `${sender}-${senderShowCoins}`,
    sender: { id: sender, name: sender.toUpperCase() },
    gift: { id: "rose", name: "Rose", icon: "/gifts/rose.svg", animation: "SWAY" },
    count,
    coins: 9 * count,
    combo: 1,
    senderShowGifts: senderShowCoins / 9,
    senderShowCoins,
    show,
  };
}

const empty: Board = { gifts: 0, coins: 0, leaderboard: [] };

describe("the gift board in the browser", () => {
  it("ranks senders by the coins they gave, and keeps the show's totals", () => {
    let board = mergeGift(empty, gift("a", 9, { gifts: 1, coins: 9 }));
    board = mergeGift(board, gift("b", 90, { gifts: 11, coins: 99 }, 10));
    board = mergeGift(board, gift("a", 18, { gifts: 12, coins: 108 }));
    expect(board.leaderboard.map((g) => [g.userId, g.coins])).toEqual([
      ["b", 90],
      ["a", 18],
    ]);
    expect(board).toMatchObject({ gifts: 12, coins: 108 });
  });

  it("never moves backwards when events arrive out of order", () => {
    const later = mergeGift(empty, gift("a", 27, { gifts: 3, coins: 27 }));
    const board = mergeGift(later, gift("a", 18, { gifts: 2, coins: 18 }));
    expect(board.leaderboard[0]?.coins).toBe(27);
    expect(board).toMatchObject({ gifts: 3, coins: 27 });
  });

  it("takes a fresh board from the server, except figures it has not caught up with", () => {
    const current = mergeGift(empty, gift("a", 27, { gifts: 3, coins: 27 }));
    const fresh: Board = { gifts: 2, coins: 18, leaderboard: [{ userId: "a", name: "A", coins: 18, gifts: 2 }, { userId: "c", name: "C", coins: 5, gifts: 5 }] };
    const merged = mergeBoard(current, fresh);
    expect(merged.leaderboard.map((g) => [g.userId, g.coins])).toEqual([
      ["a", 27],
      ["c", 5],
    ]);
    expect(merged).toMatchObject({ gifts: 3, coins: 27 });
  });
});
