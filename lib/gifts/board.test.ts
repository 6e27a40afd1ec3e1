import { describe, expect, it } from "vitest";
import { type Board, mergeBoard, mergeNotice } from "./board";
import { type GiftNotice, giftEvents } from "./events";

/** A notice of `count` roses from each sender, with the senders' tallies and the show's totals as sent. */
function notice(gifters: [sender: string, coins: number][], show: { gifts: number; coins: number }, count = 1): GiftNotice {
  return giftEvents[0].parse({
    type: "gifts",
    gifts: gifters.map(([sender, coins]) => ({
      id: `${sender}-${coins}`,
      sender: { id: sender, name: sender.toUpperCase() },
      gift: { id: "rose", name: "Rose", icon: "/gifts/rose.svg", animation: "SWAY" },
      count,
      coins: 9 * count,
      combo: 1,
    })),
    gifters: gifters.map(([sender, coins]) => ({ id: sender, name: sender.toUpperCase(), gifts: coins / 9, coins })),
    show,
  });
}

const empty: Board = { gifts: 0, coins: 0, leaderboard: [] };

describe("the gift board in the browser", () => {
  it("ranks senders by the coins they gave, and keeps the show's totals", () => {
    let board = mergeNotice(empty, notice([["a", 9]], { gifts: 1, coins: 9 }));
    board = mergeNotice(board, notice([["b", 90]], { gifts: 11, coins: 99 }, 10));
    board = mergeNotice(board, notice([["a", 18]], { gifts: 12, coins: 108 }));
    expect(board.leaderboard.map((g) => [g.userId, g.coins])).toEqual([
      ["b", 90],
      ["a", 18],
    ]);
    expect(board).toMatchObject({ gifts: 12, coins: 108 });
  });

  it("takes every sender of a notice that carries several gifts", () => {
    const board = mergeNotice(
      empty,
      notice(
        [
          ["a", 9],
          ["b", 27],
          ["c", 18],
        ],
        { gifts: 6, coins: 54 },
      ),
    );
    expect(board.leaderboard.map((g) => [g.userId, g.coins, g.gifts])).toEqual([
      ["b", 27, 3],
      ["c", 18, 2],
      ["a", 9, 1],
    ]);
    expect(board).toMatchObject({ gifts: 6, coins: 54 });
  });

  it("never moves backwards when notices arrive out of order", () => {
    const later = mergeNotice(empty, notice([["a", 27]], { gifts: 3, coins: 27 }));
    const board = mergeNotice(later, notice([["a", 18]], { gifts: 2, coins: 18 }));
    expect(board.leaderboard[0]?.coins).toBe(27);
    expect(board).toMatchObject({ gifts: 3, coins: 27 });
  });

  it("takes a fresh board from the server, except figures it has not caught up with", () => {
    const current = mergeNotice(empty, notice([["a", 27]], { gifts: 3, coins: 27 }));
    const fresh: Board = { gifts: 2, coins: 18, leaderboard: [{ userId: "a", name: "A", coins: 18, gifts: 2 }, { userId: "c", name: "C", coins: 5, gifts: 5 }] };
    const merged = mergeBoard(current, fresh);
    expect(merged.leaderboard.map((g) => [g.userId, g.coins])).toEqual([
      ["a", 27],
      ["c", 5],
    ]);
    expect(merged).toMatchObject({ gifts: 3, coins: 27 });
  });
});

describe("the gift notice", () => {
  it("carries one gift at least, and no more than fit in one LiveKit message", () => {
    expect(() => notice([], { gifts: 0, coins: 0 })).toThrow();
    const many = Array.from({ length: 41 }, (_, i): [string, number] => [`s${i}`, 9]);
    expect(() => notice(many, { gifts: 41, coins: 369 })).toThrow();
    expect(notice(many.slice(0, 40), { gifts: 40, coins: 360 }).gifts).toHaveLength(40);
  });
});
