"use client";

import { useRoomContext } from "@livekit/components-react";
import { DisconnectReason, RoomEvent } from "livekit-client";
import { useEffect } from "react";
import { useRoomEvents } from "@/components/room/use-room-events";

/** Calls onEnded when the server says the show ended, or LiveKit closes the room under us. */
export function useShowEnd(onEnded: () => void) {
  const room = useRoomContext();
  useRoomEvents((event) => {
    if (event.type === "ended") onEnded();
  });
  useEffect(() => {
    const onDisconnected = (reason?: DisconnectReason) => {
      if (reason === DisconnectReason.ROOM_DELETED || reason === DisconnectReason.ROOM_CLOSED) onEnded();
    };
    room.on(RoomEvent.Disconnected, onDisconnected);
    return () => {
      room.off(RoomEvent.Disconnected, onDisconnected);
    };
  }, [room, onEnded]);
}
