"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveComment } from "@/components/chat/chat-store";
import styles from "@/components/chat/danmaku.module.css";
import { useRoomChat } from "@/components/chat/room-chat";
import { useDanmakuSetting } from "@/components/chat/use-danmaku-setting";
import { DANMAKU, estimateWidth, laneCount, placeComment } from "@/lib/chat/danmaku";

type Flying = { key: string; text: string; mine: boolean; lane: number; from: number; durationMs: number; placedAt: number };

/**
 * Starts a comment's flight at the moment its lane was given, not when it is first drawn: a
 * render held back by a busy main thread would otherwise start it late, behind schedule, and the
 * next comment of its lane (on time) could run into it.
 */
function startOnSchedule(el: HTMLElement | null, placedAt: number) {
  if (!el || el.dataset.scheduled) return;
  el.dataset.scheduled = "1";
  el.style.animationDelay = `${Math.min(0, placedAt - performance.now())}ms`;
}

/**
 * Live chat flying across the video, when the viewer has it on: lanes in the top part of the
 * picture, one speed for all, and a comment with no free lane is dropped, not stacked.
 */
export function DanmakuLayer() {
  const [on] = useDanmakuSetting();
  const { chat } = useRoomChat();
  const stage = useRef<HTMLDivElement>(null);
  const [flying, setFlying] = useState<Flying[]>([]);

  useEffect(() => {
    if (!on) return;
    let lanes: number[] = [];
    const onComments = (comments: LiveComment[]) => {
      const el = stage.current;
      if (!el) return;
      const { clientWidth: width, clientHeight: height } = el;
      const count = laneCount(height);
      if (lanes.length !== count) lanes = Array.from({ length: count }, (_, i) => lanes[i] ?? 0);
      const now = performance.now();
      const placed: Flying[] = [];
      for (const comment of comments) {
        const spot = placeComment(lanes, now, estimateWidth(comment.text), width);
        if (!spot) continue; // every lane busy: dropped
        lanes = spot.freeAt;
        placed.push({ ...comment, lane: spot.lane, from: width, durationMs: spot.durationMs, placedAt: now });
      }
      if (placed.length) setFlying((list) => [...list, ...placed]);
    };
    const stop = chat.onComments(onComments);
    return () => {
      stop();
      setFlying([]);
    };
  }, [on, chat]);

  if (!on) return null;
  const done = (key: string) => setFlying((list) => list.filter((f) => f.key !== key));
  return (
    <div ref={stage} data-testid="danmaku" aria-hidden className="pointer-events-none absolute inset-0 overflow-hidden">
      {flying.map((f) => {
        const style: React.CSSProperties & Record<"--from", string> = {
          top: 6 + f.lane * DANMAKU.laneHeight,
          fontSize: DANMAKU.fontPx,
          animationDuration: `${f.durationMs}ms`,
          "--from": `${f.from}px`,
        };
        return (
          <span
            key={f.key}
            ref={(el) => startOnSchedule(el, f.placedAt)}
            data-testid="danmaku-comment"
            className={`${styles.comment} font-medium ${f.mine ? "text-amber-200" : "text-white"}`}
            style={style}
            onAnimationEnd={() => done(f.key)}
          >
            {f.text}
          </span>
        );
      })}
    </div>
  );
}
