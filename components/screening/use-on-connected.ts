"use client";

import { useRoomContext } from "@livekit/components-react";
import { ConnectionState, RoomEvent } from "livekit-client";
import { useEffect, useRef } from "react";

/**
 * Calls `onConnected` once the room is connected, and again after every reconnect: room events
 * sent before that (between the page's server render and the connection, or during a drop) never
 * arrive, so state that events keep current is asked for again at those moments.
 */
export function useOnConnected(onConnected: () => void) {
  const room = useRoomContext();
  const callback = useRef(onConnected);
  useEffect(() => {
    callback.current = onConnected;
  }, [onConnected]);
  useEffect(() => {
    const run = () => callback.current();
    if (room.state === ConnectionState.Connected) run();
    room.on(RoomEvent.Connected, run);
    room.on(RoomEvent.Reconnected, run);
    return () => {
      room.off(RoomEvent.Connected, run);
      room.off(RoomEvent.Reconnected, run);
    };
  }, [room]);
}
