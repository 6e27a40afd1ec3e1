"use client";

import { useEffect, useState } from "react";
import styles from "@/components/likes/hearts.module.css";
import { useRoomChat } from "@/components/chat/room-chat";

type Floating = { id: number; drift: number; delayMs: number; hue: number; goneAt: number };

// A burst of 1,000 hearts floats a handful: the picture stays visible and the page stays fast.
const MAX_PER_BURST = 8;
const MAX_ON_SCREEN = 40;
const RISE_MS = 1_600; // the `rise` animation in hearts.module.css
const STAGGER_MS = 90;
let nextId = 0;

/**
 * Hearts rising over the video, as many as the burst the server counted (capped). The rise is
 * a CSS animation (the compositor runs it); React renders once per burst, when hearts are born,
 * and drops the ones that finished then (or once after the last burst), not once per heart.
 */
export function HeartFloats() {
  const { likes } = useRoomChat();
  const [hearts, setHearts] = useState<Floating[]>([]);

  useEffect(() => {
    let sweep: ReturnType<typeof setTimeout> | undefined;
    const prune = () => setHearts((list) => {
      const now = performance.now();
      const kept = list.filter((h) => h.goneAt > now);
      return kept.length === list.length ? list : kept;
    });
    const stop = likes.onBurst(({ count, mine }) => {
      const now = performance.now();
      const born = Array.from({ length: Math.min(count, MAX_PER_BURST) }, (_, i) => ({
        id: nextId++,
        drift: Math.round((Math.random() - 0.5) * 80),
        delayMs: i * STAGGER_MS,
        hue: mine ? 350 : Math.round(330 + Math.random() * 50),
        goneAt: now + i * STAGGER_MS + RISE_MS,
      }));
      setHearts((list) => [...list.filter((h) => h.goneAt > now), ...born].slice(-MAX_ON_SCREEN));
      clearTimeout(sweep);
      sweep = setTimeout(prune, MAX_PER_BURST * STAGGER_MS + RISE_MS);
    });
    return () => {
      stop();
      clearTimeout(sweep);
    };
  }, [likes]);

  return (
    <div aria-hidden data-testid="heart-floats" className="pointer-events-none absolute inset-0 overflow-hidden">
      {hearts.map((h) => {
        const style: React.CSSProperties & Record<"--drift", string> = {
          animationDelay: `${h.delayMs}ms`,
          color: `hsl(${h.hue} 85% 60%)`,
          "--drift": `${h.drift}px`,
        };
        return (
          <span key={h.id} data-testid="floating-heart" className={`${styles.heart} text-2xl`} style={style}>
            ♥
          </span>
        );
      })}
    </div>
  );
}
