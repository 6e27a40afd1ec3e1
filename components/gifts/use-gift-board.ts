"use client";

import { useRoomContext } from "@livekit/components-react";
import { RoomEvent } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import { giftBoardAction } from "@/components/gifts/actions";
import { useGiftNotices } from "@/components/gifts/use-gift-notices";
import { type Board, mergeBoard, mergeNotice } from "@/lib/gifts/board";

const REFRESH_AFTER_GIFT_MS = 1_000;
const EMPTY: Board = { gifts: 0, coins: 0, leaderboard: [] };

/**
 * A show's gift board, live: moved on by every gift notice, and read again from the server after
 * a reconnect (events sent meanwhile are lost). `withEarnings` (the host): their earnings are
 * the server's figure, re-read at most once a second while gifts arrive.
 */
export function useGiftBoard(roomNumber: number, initial: Board | null, withEarnings = false) {
  const room = useRoomContext();
  const [board, setBoard] = useState<Board>(initial ?? EMPTY);
  const [earnings, setEarnings] = useState<number | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(
    () =>
      giftBoardAction({ roomNumber }).then((result) => {
        if (!result.ok) return;
        setBoard((current) => mergeBoard(current, result.data));
        setEarnings(result.data.earnings);
      }),
    [roomNumber],
  );

  useEffect(() => {
    if (!initial || withEarnings) void refresh();
    const onReconnected = () => void refresh();
    room.on(RoomEvent.Reconnected, onReconnected);
    return () => {
      room.off(RoomEvent.Reconnected, onReconnected);
      if (pending.current) clearTimeout(pending.current);
    };
    // `initial` only matters for the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room, refresh, withEarnings]);

  useGiftNotices((notice) => {
    setBoard((current) => mergeNotice(current, notice));
    if (withEarnings && !pending.current) {
      pending.current = setTimeout(() => {
        pending.current = null;
        void refresh();
      }, REFRESH_AFTER_GIFT_MS);
    }
  });

  return { board, earnings };
}
