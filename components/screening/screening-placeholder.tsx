"use client";

import { type ReactNode, useState } from "react";
import { useRoomEvents } from "@/components/room/use-room-events";

/**
 * The composite's picture (what HLS and RTMP outputs carry) while automatic screening holds the
 * show for review: a placeholder instead of the cameras, never a blur a viewer could undo. The
 * server says so: the page's server render, then room events.
 */
export function ScreeningPlaceholder({ initialBlurred, children }: { initialBlurred: boolean; children: ReactNode }) {
  const [blurred, setBlurred] = useState(initialBlurred);
  useRoomEvents((event) => {
    if (event.type === "screening-blur") setBlurred(true);
    else if (event.type === "screening-clear") setBlurred(false);
  });
  if (!blurred) return children;
  return (
    <p data-testid="screening-placeholder" className="flex h-full items-center justify-center p-8 text-center text-2xl text-zinc-300">
      This show will be back in a moment.
    </p>
  );
}
