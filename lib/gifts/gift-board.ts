import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { type Gifter, showGiftTotal, showLeaderboard } from "@/lib/gifts/leaderboard";
import { requireShow } from "@/lib/shows/get-show";

/** A show's gift board as one viewer may see it: totals, top gifters; the host also sees their earnings. */
export type GiftBoard = { gifts: number; coins: number; leaderboard: Gifter[]; earnings: number | null };

export async function giftBoard(user: SessionUser, roomNumber: number): Promise<GiftBoard> {
  const show = await requireShow(roomNumber);
  const [totals, leaderboard] = await Promise.all([showGiftTotal(show.id), showLeaderboard(show.id)]);
  const earnings = can(showRoleOf(user, show), "show.earnings") ? totals.hostCoins : null;
  return { gifts: totals.gifts, coins: totals.coins, leaderboard, earnings };
}
