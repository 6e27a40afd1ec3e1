"use client";

import { useRoomEvents } from "@/components/room/use-room-events";
import type { GiftNotice } from "@/lib/gifts/events";

/** Calls `onNotice` for every gift notice the server sends in this room (one or more gifts each). */
export function useGiftNotices(onNotice: (notice: GiftNotice) => void) {
  useRoomEvents((event) => {
    if (event.type === "gifts") onNotice(event);
  });
}
