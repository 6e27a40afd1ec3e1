"use client";

import { Room } from "livekit-client";
import { useLayoutEffect, useState } from "react";

/**
 * The viewer's LiveKit room, connecting as soon as the watch page's answer (which carries the
 * token) is committed: before the first paint, rather than after LiveKitRoom's own effects
 * have created a room and re-rendered (two passes later). LiveKitRoom's connect call then joins
 * this attempt (the SDK returns the one in progress), and reports its errors.
 */
export function useViewerConnection({ serverUrl, token }: { serverUrl: string; token: string }): Room {
  // adaptiveStream + dynacast: subscribe to the layer the video element needs, for big audiences.
  const [room] = useState(() => new Room({ adaptiveStream: true, dynacast: true }));
  useLayoutEffect(() => {
    room.connect(serverUrl, token).catch(() => {
      // Reported by LiveKitRoom, whose connect call awaits this same attempt.
    });
    return () => {
      void room.disconnect();
    };
  }, [room, serverUrl, token]);
  return room;
}
