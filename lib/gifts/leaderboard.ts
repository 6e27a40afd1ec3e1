import "server-only";
import { type Db, db, type Tx } from "@/lib/db";
import { type Gifter, LEADERBOARD_SIZE } from "@/lib/gifts/board";

export type { Gifter } from "@/lib/gifts/board";
export type GiftTotals = { gifts: number; coins: number; hostCoins: number };

const NO_GIFTS: GiftTotals = { gifts: 0, coins: 0, hostCoins: 0 };

/** Top gifters of one show (coins given, most first). */
export async function showLeaderboard(showId: string, limit = LEADERBOARD_SIZE): Promise<Gifter[]> {
  const rows = await db.showGifter.findMany({
    where: { showId },
    orderBy: [{ coins: "desc" }, { userId: "asc" }],
    take: limit,
    select: { userId: true, coins: true, gifts: true, user: { select: { name: true } } },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, coins: r.coins, gifts: r.gifts }));
}

/** A host's top gifters over all their shows. */
export async function hostLeaderboard(hostId: string, limit = LEADERBOARD_SIZE): Promise<Gifter[]> {
  const rows = await db.hostGifter.findMany({
    where: { hostId },
    orderBy: [{ coins: "desc" }, { userId: "asc" }],
    take: limit,
    select: { userId: true, coins: true, gifts: true, user: { select: { name: true } } },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, coins: r.coins, gifts: r.gifts }));
}

/** Gifts, coins and the host's share of them, per show (shows without gifts: zeros). */
export async function showGiftTotals(showIds: readonly string[], client: Db | Tx = db): Promise<Map<string, GiftTotals>> {
  const totals = new Map<string, GiftTotals>(showIds.map((id) => [id, NO_GIFTS]));
  if (showIds.length === 0) return totals;
  const rows = await client.showGifter.groupBy({
    by: ["showId"],
    where: { showId: { in: [...showIds] } },
    _sum: { gifts: true, coins: true, hostCoins: true },
  });
  for (const r of rows) totals.set(r.showId, { gifts: r._sum.gifts ?? 0, coins: r._sum.coins ?? 0, hostCoins: r._sum.hostCoins ?? 0 });
  return totals;
}

export async function showGiftTotal(showId: string, client: Db | Tx = db): Promise<GiftTotals> {
  return (await showGiftTotals([showId], client)).get(showId) ?? NO_GIFTS;
}

/** A host's gifts and coins over all their shows. */
export async function hostGiftTotal(hostId: string): Promise<{ gifts: number; coins: number }> {
  const { _sum } = await db.hostGifter.aggregate({ where: { hostId }, _sum: { gifts: true, coins: true } });
  return { gifts: _sum.gifts ?? 0, coins: _sum.coins ?? 0 };
}
