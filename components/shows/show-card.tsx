import { formatDistanceToNowStrict } from "date-fns";
import Link from "next/link";
import type { LiveShowSummary } from "@/lib/shows/list-live-shows";

export function ShowCard({ show }: { show: LiveShowSummary }) {
  return (
    <Link
      href={`/shows/${show.roomNumber}`}
      data-testid="show-card"
      data-room-number={show.roomNumber}
      className="block overflow-hidden rounded-lg border border-zinc-800 bg-zinc-900 hover:border-brand"
    >
      <div className="flex aspect-video items-center justify-center bg-gradient-to-br from-rose-900 to-zinc-900 text-4xl font-bold text-white/80">
        {show.title.slice(0, 1).toUpperCase()}
      </div>
      <div className="space-y-1 p-3">
        <h2 className="truncate font-medium">{show.title}</h2>
        <p className="text-sm text-zinc-400">
          {show.host.name} · room {show.roomNumber}
        </p>
        <p className="text-xs text-zinc-500">
          <span className="mr-2 rounded bg-brand px-1.5 py-0.5 font-semibold text-white">LIVE</span>
          since {formatDistanceToNowStrict(show.startedAt)} · {show.viewerCount} watching · {show.likes} likes
        </p>
      </div>
    </Link>
  );
}
