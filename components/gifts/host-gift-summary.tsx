"use client";

import { GiftLeaderboard } from "@/components/gifts/gift-leaderboard";
import { useGiftBoard } from "@/components/gifts/use-gift-board";
import { CoinIcon } from "@/components/wallet/coin-icon";

/** In the studio: what this show has earned the host so far, and who gave the most. */
export function HostGiftSummary({ roomNumber }: { roomNumber: number }) {
  const { board, earnings } = useGiftBoard(roomNumber, null, true);
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-1 text-sm text-zinc-300">
        <CoinIcon />
        <span data-testid="show-earnings" className="font-semibold text-white">
          {(earnings ?? 0).toLocaleString("en")}
        </span>
        coins earned this show
      </p>
      <GiftLeaderboard board={board} />
    </div>
  );
}
