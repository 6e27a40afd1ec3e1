"use client";

import { useDanmakuSetting } from "@/components/chat/use-danmaku-setting";

export function DanmakuToggle() {
  const [on, setOn] = useDanmakuSetting();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      data-testid="danmaku-toggle"
      onClick={() => setOn(!on)}
      className="flex items-center gap-2 rounded px-2 py-1 text-sm text-zinc-300 hover:bg-zinc-800"
    >
      <span className={`relative inline-block h-4 w-7 shrink-0 rounded-full transition-colors ${on ? "bg-brand" : "bg-zinc-700"}`}>
        <span className={`absolute left-0.5 top-0.5 h-3 w-3 rounded-full bg-white transition-transform ${on ? "translate-x-3" : "translate-x-0"}`} />
      </span>
      On-screen comments
    </button>
  );
}
