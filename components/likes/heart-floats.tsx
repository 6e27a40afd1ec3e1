"use client";

import { useEffect, useState } from "react";
import styles from "@/components/likes/hearts.module.css";
import { useRoomChat } from "@/components/chat/room-chat";

type Floating = { id: number; drift: number; delayMs: number; hue: number };

// A burst of 1,000 hearts floats a handful: the picture stays visible and the page stays fast.
const MAX_PER_BURST = 8;
const MAX_ON_SCREEN = 40;
let nextId = 0;

/** Hearts rising over the video, as many as the burst the server counted (capped). */
export function HeartFloats() {
  const { likes } = useRoomChat();
  const [hearts, setHearts] = useState<Floating[]>([]);

  useEffect(
    () =>
      likes.onBurst(({ count, mine }) => {
        const n = Math.min(count, MAX_PER_BURST);
        const born = Array.from({ length: n }, (_, i) => ({
          id: nextId++,
          drift: Math.round((Math.random() - 0.5) * 80),
          delayMs: i * 90,
          hue: mine ? 350 : Math.round(330 + Math.random() * 50),
        }));
        setHearts((list) => [...list, ...born].slice(-MAX_ON_SCREEN));
      }),
    [likes],
  );

  const done = (id: number) => setHearts((list) => list.filter((h) => h.id !== id));
  return (
    <div aria-hidden data-testid="heart-floats" className="pointer-events-none absolute inset-0 overflow-hidden">
      {hearts.map((h) => {
        const style: React.CSSProperties & Record<"--drift", string> = {
          animationDelay: `${h.delayMs}ms`,
          color: `hsl(${h.hue} 85% 60%)`,
          "--drift": `${h.drift}px`,
        };
        return (
          <span key={h.id} data-testid="floating-heart" className={`${styles.heart} text-2xl`} style={style} onAnimationEnd={() => done(h.id)}>
            ♥
          </span>
        );
      })}
    </div>
  );
}
