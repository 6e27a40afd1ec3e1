"use client";

import { useSyncExternalStore } from "react";
import { useRoomChat } from "@/components/chat/room-chat";

/** The show's hearts, as the server counted them. */
export function LikeCount() {
  const { likes } = useRoomChat();
  const total = useSyncExternalStore(likes.subscribe, likes.getTotal, likes.getTotal);
  return (
    <span className="text-sm text-zinc-300">
      <span aria-hidden className="text-brand">
        ♥
      </span>{" "}
      <span data-testid="like-count">{total}</span> {total === 1 ? "like" : "likes"}
    </span>
  );
}
