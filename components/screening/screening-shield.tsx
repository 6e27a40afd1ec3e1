"use client";

import { type ReactNode, useCallback, useRef, useState } from "react";
import { blurStateAction } from "@/components/screening/actions";
import { useRoomEvents } from "@/components/room/use-room-events";
import { useOnConnected } from "@/components/screening/use-on-connected";

/**
 * Blurs the player while automatic screening holds the show for an operator's review: the server
 * says so (room events; and the page's own question once connected and after a reconnect, when
 * an event may have been missed), never the host's browser.
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

  useOnConnected(
    useCallback(() => {
      const asked = events.current;
      void blurStateAction({ roomNumber }).then((result) => {
        if (result.ok && events.current === asked) setBlurred(result.data.blurred);
      });
    }, [roomNumber]),
  );

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
