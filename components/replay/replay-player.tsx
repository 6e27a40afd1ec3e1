"use client";

import { useEffect, useRef, useState } from "react";
import { clock, locate, wallClockAt } from "@/components/replay/timeline";
import type { Replay } from "@/lib/recording/replay";

/**
 * Plays a show's recording parts as one timeline: one video element that moves to the next part
 * when one ends, and a seek bar over the whole show that picks the part and the point in it.
 * `onPosition` reports the point of the show being played, as it plays and when the viewer seeks
 * (seconds into the show, and the wall clock time it was then): what the chat and gifts replay on.
 */
export function ReplayPlayer({ replay, onPosition }: { replay: Replay; onPosition?: (position: { seconds: number; at: Date }) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [index, setIndex] = useState(0);
  const [seconds, setSeconds] = useState(0);
  // Where to go once the part now loading is ready (a seek into another part, or autoplay of the next).
  const pending = useRef<{ offset: number; play: boolean } | null>(null);
  const part = replay.parts[index];

  useEffect(() => {
    const element = video.current;
    const next = pending.current;
    if (!element || !next) return;
    const apply = () => {
      element.currentTime = next.offset;
      if (next.play) void element.play().catch(() => undefined);
      pending.current = null;
    };
    if (element.readyState >= 1) apply();
    else element.addEventListener("loadedmetadata", apply, { once: true });
    return () => element.removeEventListener("loadedmetadata", apply);
  }, [index]);

  function seek(target: number) {
    const element = video.current;
    const { index: to, offset } = locate(replay.parts, target);
    const play = element ? !element.paused : false;
    if (to === index && element) element.currentTime = offset;
    else {
      pending.current = { offset, play };
      setIndex(to);
    }
    setSeconds(target);
    onPosition?.({ seconds: target, at: wallClockAt(replay.parts, replay.startedAt, target) });
  }

  function onTimeUpdate() {
    const element = video.current;
    if (!element || !part) return;
    const now = part.offsetSeconds + element.currentTime;
    setSeconds(now);
    onPosition?.({ seconds: now, at: wallClockAt(replay.parts, replay.startedAt, now) });
  }

  function onEnded() {
    if (index + 1 >= replay.parts.length) return;
    pending.current = { offset: 0, play: true };
    setIndex(index + 1);
  }

  if (!part) return null;
  return (
    <div className="space-y-2">
      <div className="relative aspect-video overflow-hidden rounded-lg bg-black">
        <video
          ref={video}
          data-testid="replay-video"
          data-part={index}
          src={part.url}
          className="h-full w-full object-contain"
          muted
          playsInline
          controls={false}
          preload="metadata"
          onTimeUpdate={onTimeUpdate}
          onEnded={onEnded}
        />
      </div>
      <div className="flex items-center gap-3 text-xs text-zinc-300">
        <button
          type="button"
          onClick={() => (video.current?.paused ? void video.current.play() : video.current?.pause())}
          className="rounded bg-zinc-800 px-3 py-1 hover:bg-zinc-700"
        >
          Play / pause
        </button>
        <input
          aria-label="Position in the show"
          type="range"
          min={0}
          max={replay.totalSeconds}
          step={0.1}
          value={seconds}
          onChange={(e) => seek(Number(e.target.value))}
          className="flex-1"
        />
        <span data-testid="replay-time" data-seconds={seconds.toFixed(1)}>
          {clock(seconds)} / {clock(replay.totalSeconds)}
        </span>
      </div>
      <ol data-testid="replay-parts" className="flex flex-wrap gap-2 text-xs text-zinc-500">
        {replay.parts.map((p, i) => (
          <li key={p.name} className={i === index ? "text-zinc-200" : undefined}>
            <button type="button" onClick={() => seek(p.offsetSeconds)} className="hover:underline">
              Part {i + 1} ({clock(p.durationSeconds)})
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
