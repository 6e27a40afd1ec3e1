"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { GiftIcon } from "@/components/gifts/gift-icon";
import { ReplayPlayer } from "@/components/replay/replay-player";
import { happenedBy, wallClockAt } from "@/components/replay/timeline";
import type { ReplayEvent } from "@/lib/recording/replay-events";
import type { Replay } from "@/lib/recording/replay";

/** Lines the replayed chat keeps on screen (the newest up to the position). */
const SHOWN = 50;

function EventLine({ event }: { event: ReplayEvent }) {
  if (event.kind === "chat") {
    return (
      <li data-testid="replay-event" data-kind="chat" data-at={event.at} className="break-words text-sm text-zinc-200">
        <span className="font-semibold text-zinc-400">{event.author}</span> {event.text}
      </li>
    );
  }
  return (
    <li data-testid="replay-event" data-kind="gift" data-at={event.at} className="flex items-center gap-2 text-sm text-amber-200">
      <GiftIcon icon={event.icon} name={event.gift} className="h-6 w-6" />
      <span>
        <span className="font-semibold">{event.author}</span> sent {event.gift} ×{event.count}
      </span>
    </li>
  );
}

/** The replay: the recording, and beside it the show's chat and gifts as they were at that point. */
export function ReplayView({ replay, events }: { replay: Replay; events: ReplayEvent[] }) {
  const [at, setAt] = useState(() => wallClockAt(replay.parts, replay.startedAt, 0));
  const onPosition = useCallback((position: { at: Date }) => setAt(position.at), []);
  const count = useMemo(() => happenedBy(events, at), [events, at]);
  const shown = events.slice(Math.max(0, count - SHOWN), count);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [count]);

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
      <ReplayPlayer replay={replay} onPosition={onPosition} />
      <aside className="flex max-h-80 flex-col rounded-lg border border-zinc-800 lg:max-h-[28rem]">
        <h2 className="border-b border-zinc-800 px-3 py-2 text-sm font-semibold text-zinc-300">Chat and gifts</h2>
        <ol ref={list} data-testid="replay-chat" data-count={count} aria-live="polite" className="flex-1 space-y-1 overflow-y-auto px-3 py-2">
          {shown.map((event) => (
            <EventLine key={event.key} event={event} />
          ))}
          {events.length === 0 ? <li className="text-sm text-zinc-500">Nobody chatted in this show.</li> : null}
        </ol>
      </aside>
    </div>
  );
}
