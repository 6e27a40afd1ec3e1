import { formatDistanceToNowStrict } from "date-fns";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import type { ShowCardData } from "@/lib/shows/list-live-shows";

/** `onOpen`: called when the card is clicked to open the show here (not in a new tab). */
export function ShowCard({ show, onOpen }: { show: ShowCardData; onOpen?: (roomNumber: number) => void }) {
  return (
    <Link
      href={`/shows/${show.roomNumber}`}
      onClick={(event) => {
        if (event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) onOpen?.(show.roomNumber);
      }}
      data-testid="show-card"
      data-room-number={show.roomNumber}
      className="block overflow-hidden rounded-lg border border-zinc-800 bg-zinc-900 hover:border-brand"
    >
      <div className="relative aspect-video bg-zinc-800">
        {/* Covers are already 640×360 WebP from lib/shows/cover; next/image would only re-encode them. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={show.coverUrl} alt="" data-testid="show-cover" className="h-full w-full object-cover" />
        <span className="absolute left-2 top-2 rounded bg-brand px-1.5 py-0.5 text-xs font-semibold text-white">LIVE</span>
        {show.hostAway ? <span className="absolute right-2 top-2 rounded bg-black/70 px-1.5 py-0.5 text-xs text-amber-300">host away</span> : null}
      </div>
      <div className="space-y-1 p-3">
        <h2 className="truncate font-medium">{show.title}</h2>
        <p className="flex items-center gap-2 text-sm text-zinc-400">
          <Avatar id={show.host.id} name={show.host.name} size="sm" />
          <span className="truncate">{show.host.name}</span>
          <span>· room {show.roomNumber}</span>
        </p>
        <p className="text-xs text-zinc-500">
          <span data-testid="card-viewers">{show.viewerCount}</span> watching · <span data-testid="card-likes">{show.likes}</span> likes ·{" "}
          <span data-testid="card-gifts">{show.gifts.count}</span> gifts (<span data-testid="card-gift-coins">{show.gifts.coins}</span> coins) · live for{" "}
          {/* Rendered on the server and again in the browser a moment later. */}
          <span suppressHydrationWarning>{formatDistanceToNowStrict(new Date(show.startedAt))}</span>
        </p>
      </div>
    </Link>
  );
}
