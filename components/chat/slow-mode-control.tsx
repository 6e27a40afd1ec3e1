"use client";

import { useState } from "react";
import { useRoomChat } from "@/components/chat/room-chat";
import { slowModeAction } from "@/components/moderation/actions";
import { SLOW_MODE_CHOICES } from "@/lib/moderation/schema";

/** The host's (or an operator's) slow mode switch. */
export function SlowModeControl() {
  const { roomNumber, info } = useRoomChat();
  const [error, setError] = useState<string | null>(null);
  if (!info?.may.moderate) return null;
  const current = info.slowModeSeconds;
  const choices: readonly number[] = SLOW_MODE_CHOICES.some((s) => s === current) ? SLOW_MODE_CHOICES : [...SLOW_MODE_CHOICES, current];

  async function change(seconds: number) {
    setError(null);
    const result = await slowModeAction({ roomNumber, seconds });
    if (!result.ok) setError(result.error.message);
  }

  return (
    <label className="flex items-center gap-1 text-xs text-zinc-400">
      Slow mode
      <select
        aria-label="Slow mode"
        value={current}
        onChange={(e) => void change(Number(e.target.value))}
        className="rounded border border-zinc-700 bg-zinc-950 px-1 py-0.5 text-zinc-100"
      >
        {choices.map((s) => (
          <option key={s} value={s}>
            {s === 0 ? "off" : `${s} s`}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-red-400">
          {error}
        </span>
      ) : null}
    </label>
  );
}
