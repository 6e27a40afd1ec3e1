"use client";

import { useRef } from "react";

const WITHIN_MS = 300;
const WITHIN_PX = 40;

/** Double-tap on the video sends a heart, on touch screens (a mouse double-click selects text). */
export function DoubleTapArea({ onDoubleTap }: { onDoubleTap: () => void }) {
  const last = useRef<{ at: number; x: number; y: number } | null>(null);
  return (
    <div
      data-testid="double-tap-area"
      className="absolute inset-0 touch-manipulation"
      onPointerUp={(e) => {
        if (e.pointerType !== "touch") return;
        const prev = last.current;
        const now = e.timeStamp;
        if (prev && now - prev.at < WITHIN_MS && Math.hypot(e.clientX - prev.x, e.clientY - prev.y) < WITHIN_PX) {
          last.current = null;
          onDoubleTap();
        } else {
          last.current = { at: now, x: e.clientX, y: e.clientY };
        }
      }}
    />
  );
}
