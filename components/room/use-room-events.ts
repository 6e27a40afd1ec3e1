"use client";

import { useRoomContext } from "@livekit/components-react";
import { type Room, RoomEvent as LiveKitEvent } from "livekit-client";
import { useEffect, useRef } from "react";
import { parseRoomEvents, ROOM_TOPIC, type RoomEvent } from "@/lib/events/schema";

type Listener = (event: RoomEvent) => void;

// One DataReceived subscription per room: each packet (one event or a batch) is parsed once
// however many components listen, and no component re-renders just because a message arrived (a
// busy room sends hundreds a second; what a component does with them is its own business).
const listenersByRoom = new WeakMap<Room, Set<Listener>>();

function listen(room: Room, listener: Listener): () => void {
  let listeners = listenersByRoom.get(room);
  if (!listeners) {
    const set = new Set<Listener>();
    listeners = set;
    listenersByRoom.set(room, set);
    room.on(LiveKitEvent.DataReceived, (payload, participant, _kind, topic) => {
      // Room events come from the server only (no participant), never from another client.
      if (topic !== ROOM_TOPIC || participant || set.size === 0) return;
      for (const event of parseRoomEvents(payload)) for (const l of set) l(event);
    });
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Calls `onEvent` for every server-sent room event that parses (anything else is dropped). */
export function useRoomEvents(onEvent: (event: RoomEvent) => void) {
  const room = useRoomContext();
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  useEffect(() => listen(room, (event) => handler.current(event)), [room]);
}
