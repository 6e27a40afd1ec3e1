import { format } from "date-fns";
import Link from "next/link";
import { FlagActions } from "@/components/screening/flag-actions";
import { ScoreHistoryChart } from "@/components/screening/score-history-chart";
import { ScreeningScores } from "@/components/screening/scores";
import type { ScreeningQueueItem } from "@/lib/screening/queue";

/** One item of the queue raised by automatic screening: the frame, why, the scores over time. */
export function FlagCard({ flag }: { flag: ScreeningQueueItem }) {
  const live = flag.show.status === "LIVE";
  return (
    <article data-testid="screening-report" data-flag-id={flag.id} className="space-y-3 rounded-lg border border-zinc-800 bg-zinc-900 p-4">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <span className="rounded bg-amber-900/60 px-2 py-0.5 font-medium text-amber-100">Automatic screening</span>
        <span data-testid="screening-report-action" className="text-zinc-300">
          {flag.action === "FLAG" ? "flagged" : flag.action === "BLUR" ? "blurred for viewers" : "ended"}
        </span>
        <span className="text-zinc-400">
          <Link href={`/shows/${flag.show.roomNumber}`} className="hover:underline">
            room {flag.show.roomNumber}: {flag.show.title}
          </Link>{" "}
          by{" "}
          <Link href={`/admin/users/${flag.show.host.id}`} className="hover:underline">
            {flag.show.host.name}
          </Link>{" "}
          ({live ? "live" : "ended"})
        </span>
        <span className="text-zinc-500">
          {format(flag.createdAt, "d MMM HH:mm:ss")}
          {flag.hits > 1 ? `, ${flag.hits} hits, last ${format(flag.lastSeenAt, "HH:mm:ss")}` : ""}
        </span>
      </header>
      <p data-testid="screening-report-reason" className="text-sm">
        {flag.reason}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        {flag.frameUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, per-operator image: no optimizer, no cache
          <img src={flag.frameUrl} alt="The frame that raised the flag" data-testid="screening-report-frame" className="w-full rounded" />
        ) : (
          <p className="text-sm text-zinc-500">The frame is no longer kept.</p>
        )}
        <div className="min-w-0 space-y-2">
          <ScreeningScores scores={flag.scores} />
          <div data-testid="screening-history" data-samples={flag.history.length}>
            <ScoreHistoryChart points={flag.history} />
          </div>
        </div>
      </div>
      {flag.appeal ? <p className="text-sm text-amber-200">Host’s note: “{flag.appeal}”</p> : null}
      <FlagActions roomNumber={flag.show.roomNumber} live={live} />
    </article>
  );
}
