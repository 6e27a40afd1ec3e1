"use client";

import { GiftLeaderboard } from "@/components/gifts/gift-leaderboard";
import { useGiftBoard } from "@/components/gifts/use-gift-board";
import type { Board } from "@/lib/gifts/board";

/** The show's top gifters in the room, updating as gifts arrive. */
export function LiveGiftBoard({ roomNumber, initial }: { roomNumber: number; initial: Board }) {
  const { board } = useGiftBoard(roomNumber, initial);
  return <GiftLeaderboard board={board} />;
}
