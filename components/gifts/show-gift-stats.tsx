import { GiftLeaderboard } from "@/components/gifts/gift-leaderboard";
import { hostGiftTotal, hostLeaderboard, showGiftTotal, showLeaderboard } from "@/lib/gifts/leaderboard";

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg border border-zinc-800 bg-zinc-900 p-4">
      <dt className="text-sm text-zinc-400">{label}</dt>
      <dd data-testid={testId} className="text-2xl font-semibold">
        {value.toLocaleString("en")}
      </dd>
    </div>
  );
}

/** The end page's gift part: how many gifts, what they were worth, what the host earned; who gave most. */
export async function ShowGiftStats({ show }: { show: { id: string; hostId: string } }) {
  const [totals, top, allTime, allTimeTotals] = await Promise.all([
    showGiftTotal(show.id),
    showLeaderboard(show.id),
    hostLeaderboard(show.hostId),
    hostGiftTotal(show.hostId),
  ]);
  return (
    <div className="space-y-6">
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label="Gifts" value={totals.gifts} testId="stat-gifts" />
        <Stat label="Gift value (coins)" value={totals.coins} testId="stat-gift-coins" />
        <Stat label="Your earnings (coins)" value={totals.hostCoins} testId="stat-earnings" />
      </dl>
      <div className="grid gap-6 md:grid-cols-2">
        <div data-testid="show-top-gifters" className="rounded-lg border border-zinc-800 bg-zinc-900 p-4">
          <GiftLeaderboard board={{ gifts: totals.gifts, coins: totals.coins, leaderboard: top }} title="Top gifters of this show" />
        </div>
        <div data-testid="all-time-top-gifters" className="rounded-lg border border-zinc-800 bg-zinc-900 p-4">
          <GiftLeaderboard board={{ ...allTimeTotals, leaderboard: allTime }} title="Your top gifters of all time" />
        </div>
      </div>
    </div>
  );
}
