"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRoomChat } from "@/components/chat/room-chat";
import { sendHeartAction } from "@/components/likes/actions";

const HINT_MS = 1_500;

/**
 * A heart tap: one floats at once; the server counts at most one a second. A tap while the last
 * one is still on its way, or one the server refuses as too fast, is absorbed with a gentle hint.
 */
export function useHeartTap() {
  const { roomNumber, likes } = useRoomChat();
  const inFlight = useRef(false);
  const [hint, setHint] = useState<string | null>(null);
  const hintTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((text: string) => {
    setHint(text);
    clearTimeout(hintTimer.current);
    hintTimer.current = setTimeout(() => setHint(null), HINT_MS);
  }, []);
  useEffect(() => () => clearTimeout(hintTimer.current), []);

  const tap = useCallback(async () => {
    likes.tapped();
    if (inFlight.current) {
      show("Too fast! One heart a second.");
      return;
    }
    inFlight.current = true;
    const result = await sendHeartAction({ roomNumber }).catch(() => null);
    inFlight.current = false;
    if (!result) show("Could not reach the server.");
    else if (!result.ok) show(result.error.code === "RATE_LIMITED" ? "Too fast! One heart a second." : result.error.message);
  }, [likes, roomNumber, show]);

  return { tap, hint };
}
