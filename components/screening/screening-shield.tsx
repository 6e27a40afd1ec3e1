"use client";

import { useRoomContext } from "@livekit/components-react";
import { RoomEvent } from "livekit-client";
import { type ReactNode, useEffect, useState } from "react";
import { blurStateAction } from "@/app/(live)/shows/[roomNumber]/actions";
import { useRoomEvents } from "@/components/room/use-room-events";

/**
 * Blurs the player while automatic screening holds the show for an operator's review: the server
 * says so (room events; and the page's own question after a reconnect, when an event may have
 * been missed), never the host's browser.
 */
export function ScreeningShield({ roomNumber, initialBlurred, children }: { roomNumber: number; initialBlurred: boolean; children: ReactNode }) {
  const [blurred, setBlurred] = useState(initialBlurred);
  const room = useRoomContext();

  useRoomEvents((event) => {
    if (event.type === "screening-blur") setBlurred(true);
    else if (event.type === "screening-clear") setBlurred(false);
  });

  useEffect(() => {
    const recheck = () => {
      void blurStateAction({ roomNumber }).then((result) => {
        if (result.ok) setBlurred(result.data.blurred);
      });
    };
    room.on(RoomEvent.Reconnected, recheck);
    return () => {
      room.off(RoomEvent.Reconnected, recheck);
    };
  }, [room, roomNumber]);

  return (
    <div data-testid="screening-shield" data-blurred={blurred} className="relative overflow-hidden rounded-lg">
      <div className={blurred ? "pointer-events-none blur-3xl" : undefined} aria-hidden={blurred || undefined}>
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
