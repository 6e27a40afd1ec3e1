import Link from "next/link";
import type { pastShowsOf } from "@/lib/recording/replay";

type PastShow = Awaited<ReturnType<typeof pastShowsOf>>[number];

/** The host's recent ended shows, each with its recordings (summary page) and replay. */
export function PastShows({ shows }: { shows: PastShow[] }) {
  if (shows.length === 0) return null;
  return (
    <section data-testid="past-shows" className="space-y-2">
      <h2 className="text-lg font-semibold">Past shows</h2>
      <ul className="space-y-1 text-sm">
        {shows.map((show) => (
          <li key={show.id} data-testid="past-show" className="flex flex-wrap items-center gap-x-3">
            <Link href={`/studio/ended/${show.roomNumber}`} className="text-brand hover:underline">
              {show.title}
            </Link>
            <span className="text-zinc-400">
              room {show.roomNumber} · {show.recordings} recording{show.recordings === 1 ? "" : "s"}
            </span>
            {show.recordings > 0 ? (
              <Link href={`/replay/${show.id}`} className="text-brand hover:underline">
                Replay
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
