"use client";

import { useDataChannel } from "@livekit/components-react";
import { useEffect, useRef } from "react";
import { parseRoomEvent, ROOM_TOPIC, type RoomEvent } from "@/lib/events/schema";

/** Calls `onEvent` for every server-sent room event that parses (anything else is dropped). */
export function useRoomEvents(onEvent: (event: RoomEvent) => void) {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  useDataChannel(ROOM_TOPIC, (message) => {
    const event = parseRoomEvent(message.payload);
    if (event) handler.current(event);
  });
}
