"use client";

import { useRoomContext } from "@livekit/components-react";
import { DisconnectReason, RoomEvent } from "livekit-client";
import { useEffect } from "react";
import { useRoomEvents } from "@/components/room/use-room-events";

/**
 * Calls onEnded when the server says the show ended (with its reason), or LiveKit closes the room
 * under us (no reason known); onRemoved when the server took this connection out of the room.
 */
export function useShowEnd(onEnded: (reason: string | null) => void, onRemoved?: () => void) {
  const room = useRoomContext();
  useRoomEvents((event) => {
    if (event.type === "ended") onEnded(event.reason);
  });
  useEffect(() => {
    const onDisconnected = (reason?: DisconnectReason) => {
      if (reason === DisconnectReason.ROOM_DELETED || reason === DisconnectReason.ROOM_CLOSED) onEnded(null);
      else if (reason === DisconnectReason.PARTICIPANT_REMOVED) (onRemoved ?? (() => onEnded(null)))();
    };
    room.on(RoomEvent.Disconnected, onDisconnected);
    return () => {
      room.off(RoomEvent.Disconnected, onDisconnected);
    };
  }, [room, onEnded, onRemoved]);
}
