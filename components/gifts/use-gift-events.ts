"use client";

import { useRoomEvents } from "@/components/room/use-room-events";
import type { GiftRoomEvent } from "@/lib/gifts/events";

/** Calls `onGift` for every gift the server announces in this room. */
export function useGiftEvents(onGift: (event: GiftRoomEvent) => void) {
  useRoomEvents((event) => {
    if (event.type === "gift") onGift(event);
  });
}
