"use client";

import { AnimatePresence, motion } from "motion/react";
import { DanmakuLayer } from "@/components/chat/danmaku-layer";
import { useRoomChat } from "@/components/chat/room-chat";
import { DoubleTapArea } from "@/components/likes/double-tap-area";
import { HeartButton } from "@/components/likes/heart-button";
import { HeartFloats } from "@/components/likes/heart-floats";
import { useHeartTap } from "@/components/likes/use-heart-tap";

/**
 * What lies over the video: flying comments, rising hearts, and for viewers the heart button
 * (and double-tap). Mounted inside the stage's `relative` box by the watch page and the studio.
 */
export function StageOverlay({ danmaku = true }: { danmaku?: boolean }) {
  const { info } = useRoomChat();
  const { tap, hint } = useHeartTap();
  const mayLike = Boolean(info?.may.like);
  return (
    <>
      {danmaku ? <DanmakuLayer /> : null}
      {mayLike ? <DoubleTapArea onDoubleTap={() => void tap()} /> : null}
      <HeartFloats />
      {mayLike ? (
        <div className="pointer-events-none absolute bottom-2 right-2 flex flex-col items-end gap-1">
          <AnimatePresence>
            {hint ? (
              <motion.p
                key="hint"
                data-testid="heart-hint"
                role="status"
                initial={{ opacity: 0, y: 6 }}
                animate={{ opacity: 1, y: 0 }}
                exit={{ opacity: 0 }}
                className="rounded bg-black/70 px-2 py-1 text-xs text-zinc-200"
              >
                {hint}
              </motion.p>
            ) : null}
          </AnimatePresence>
          <HeartButton onTap={() => void tap()} />
        </div>
      ) : null}
    </>
  );
}
