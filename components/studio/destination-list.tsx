"use client";

import type { ChannelView } from "@/lib/push/channels";

type Destination = ChannelView["destinations"][number];

/** The RTMP destinations of the push, each with its own state, error and stop button. */
export function DestinationList({ destinations, busy, onStop }: { destinations: Destination[]; busy: boolean; onStop: (id: string) => void }) {
  if (destinations.length === 0) return null;
  return (
    <ul className="space-y-1">
      {destinations.map((d) => (
        <li key={d.id} data-testid="destination" data-status={d.status} className="flex items-center justify-between gap-2 rounded bg-zinc-900 px-2 py-1 text-xs">
          <span className="min-w-0 flex-1">
            <span className="block truncate text-zinc-200">{d.label}</span>
            <span data-testid="destination-status" className={d.status === "FAILED" ? "text-red-400" : "text-zinc-400"}>
              {d.status.toLowerCase()}
              {d.error ? `: ${d.error}` : ""}
            </span>
          </span>
          {d.status === "STARTING" || d.status === "ACTIVE" ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => onStop(d.id)}
              aria-label={`Stop push to ${d.label}`}
              className="rounded bg-zinc-800 px-2 py-1 text-zinc-100 hover:bg-zinc-700 disabled:text-zinc-500"
            >
              Stop
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
