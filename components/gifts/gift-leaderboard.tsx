import { CoinIcon } from "@/components/wallet/coin-icon";
import type { Board } from "@/lib/gifts/board";

/** A show's top gifters and totals (the live one in the room, or a finished show's). */
export function GiftLeaderboard({ board, title = "Top gifters" }: { board: Board; title?: string }) {
  return (
    <section data-testid="gift-leaderboard" className="space-y-2">
      <h2 className="flex items-baseline justify-between text-sm font-semibold text-zinc-300">
        {title}
        <span data-testid="show-gift-totals" className="text-xs font-normal text-zinc-400">
          {board.gifts.toLocaleString("en")} gifts · {board.coins.toLocaleString("en")} coins
        </span>
      </h2>
      {board.leaderboard.length === 0 ? (
        <p className="text-sm text-zinc-500">No gifts yet.</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {board.leaderboard.map((g, i) => (
            <li key={g.userId} data-testid="leaderboard-row" data-user-id={g.userId} className="flex items-center gap-2">
              <span className="w-5 text-right text-zinc-500">{i + 1}</span>
              <span className="min-w-0 flex-1 truncate">{g.name}</span>
              <span className="flex items-center gap-1 tabular-nums text-zinc-300">
                <CoinIcon className="h-3 w-3" />
                <span data-testid="leaderboard-coins">{g.coins.toLocaleString("en")}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
