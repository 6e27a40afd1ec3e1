"use client";

import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { blurStateAction } from "@/components/screening/actions";
import { useRoomEvents } from "@/components/room/use-room-events";
import { useOnConnected } from "@/components/screening/use-on-connected";

// While blurred, how often the page asks again: a "clear" lost on the way (room events are
// best-effort) would otherwise keep this viewer blurred until a reconnect. Blurs are rare, so
// this costs nothing in the common case.
const BLURRED_RECHECK_MS = 10_000;

/**
 * Blurs the player while automatic screening holds the show for an operator's review: the server
 * says so (room events; and the page's own question once connected, after a reconnect, and every
 * few seconds while blurred, when an event may have been missed), never the host's browser.
 */
export function ScreeningShield({ roomNumber, initialBlurred, children }: { roomNumber: number; initialBlurred: boolean; children: ReactNode }) {
  const [blurred, setBlurred] = useState(initialBlurred);
  // Counts events: an answer to a question asked before the latest event is stale.
  const events = useRef(0);

  useRoomEvents((event) => {
    if (event.type !== "screening-blur" && event.type !== "screening-clear") return;
    events.current += 1;
    setBlurred(event.type === "screening-blur");
  });

  const ask = useCallback(() => {
    const asked = events.current;
    void blurStateAction({ roomNumber }).then((result) => {
      if (result.ok && events.current === asked) setBlurred(result.data.blurred);
    });
  }, [roomNumber]);
  useOnConnected(ask);

  useEffect(() => {
    if (!blurred) return;
    const timer = setInterval(ask, BLURRED_RECHECK_MS);
    return () => clearInterval(timer);
  }, [blurred, ask]);

  return (
    <div data-testid="screening-shield" data-blurred={blurred} className="relative overflow-hidden rounded-lg">
      <div className={blurred ? "pointer-events-none space-y-2 blur-3xl" : "space-y-2"} aria-hidden={blurred || undefined}>
        {children}
      </div>
      {blurred ? (
        <p
          data-testid="screening-blurred"
          role="status"
          className="absolute inset-0 flex items-center justify-center bg-black/60 p-6 text-center text-sm text-zinc-100"
        >
          This show is hidden for a moment while our team takes a look.
        </p>
      ) : null}
    </div>
  );
}
