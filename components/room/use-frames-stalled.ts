"use client";

import { type RefObject, useEffect, useState } from "react";

const CHECK_MS = 1_000;
const STALLED_AFTER_CHECKS = 3;

/**
 * True when the <video> inside `container` has shown no new frame for ~3 s: the quickest sign
 * that a publisher's connection died (the SFU only gives up on them ~20 s later).
 */
export function useFramesStalled(container: RefObject<HTMLElement | null>, active: boolean): boolean {
  const [stalled, setStalled] = useState(false);
  useEffect(() => {
    if (!active) return;
    let last = -1;
    let still = 0;
    const timer = setInterval(() => {
      const video = container.current?.querySelector("video");
      if (!video) return;
      const frames = video.getVideoPlaybackQuality().totalVideoFrames;
      still = frames === last ? still + 1 : 0;
      last = frames;
      setStalled(still >= STALLED_AFTER_CHECKS);
    }, CHECK_MS);
    return () => {
      clearInterval(timer);
      setStalled(false);
    };
  }, [container, active]);
  return stalled;
}
