"use client";

import Hls from "hls.js";
import { useEffect, useRef, useState } from "react";
import { signedUrl, usePlaybackLink } from "@/components/hls/use-playback-link";
import type { Playback } from "@/lib/push/playback";

/** Resolves once the live playlist lists a segment (Egress writes the first one a few seconds in). */
async function waitForPlaylist(src: string, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const text = await fetch(src, { cache: "no-store", signal })
      .then((res) => (res.ok ? res.text() : ""))
      .catch(() => "");
    if (text.includes("#EXTINF")) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

const MAX_NETWORK_RETRIES = 10;

export function HlsPlayer({ playback, onEnded }: { playback: Playback; onEnded: () => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<"waiting" | "playing" | "error">("waiting");
  const token = usePlaybackLink(playback, onEnded);
  const onEndedRef = useRef(onEnded);
  useEffect(() => {
    onEndedRef.current = onEnded;
  }, [onEnded]);
  const src = playback.playlistPath;

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const abort = new AbortController();
    let hls: Hls | undefined;
    void waitForPlaylist(signedUrl(src, token.current), abort.signal).then(() => {
      if (abort.signal.aborted) return;
      if (!Hls.isSupported()) {
        video.src = signedUrl(src, token.current); // Safari plays HLS natively (the playlist signs its segments)
        void video.play().catch(() => undefined);
        setState("playing");
        return;
      }
      // 1 s segments: start 0.5 s behind the newest segment's end, catch up a little when playback
      // falls behind, and jump back to live past 2.5 s behind (a loaded machine stalls the video;
      // with 5 s the player stayed ~3 s behind for good: bench:hls 8.9 s vs 4.1 s). bench:hls: ~3.9 s
      // glass-to-glass on a quiet machine (4.1 s with hls.js's default 3 segments / 2 segments).
      hls = new Hls({
        liveSyncDuration: 0.5,
        liveMaxLatencyDuration: 2.5,
        maxLiveSyncPlaybackRate: 1.2,
        // Every playlist and segment request carries the newest signed link.
        xhrSetup: (xhr, url) => xhr.open("GET", signedUrl(url, token.current), true),
      });
      // A loaded machine can answer a playlist late or a renewal after its link expired (403):
      // network failures are retried for a while before the player gives up.
      let networkRetries = 0;
      hls.on(Hls.Events.FRAG_LOADED, () => {
        networkRetries = 0;
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls?.recoverMediaError();
        else if (data.response?.code === 410) onEndedRef.current(); // the push stopped: the page shows what comes next
        else if (data.type === Hls.ErrorTypes.NETWORK_ERROR && networkRetries < MAX_NETWORK_RETRIES) {
          networkRetries += 1;
          setTimeout(() => hls?.startLoad(), 1_000);
        } else setState("error");
      });
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        setState("playing");
        void video.play().catch(() => undefined);
      });
      hls.loadSource(src);
      hls.attachMedia(video);
    });
    return () => {
      abort.abort();
      hls?.destroy();
    };
  }, [src, token]);

  return (
    <div className="relative aspect-video overflow-hidden rounded-lg bg-black">
      <video
        ref={videoRef}
        data-testid="hls-video"
        data-state={state}
        className="h-full w-full object-contain"
        muted
        autoPlay
        playsInline
        controls
      />
      {state !== "playing" && (
        <p className="absolute inset-0 flex items-center justify-center text-zinc-400">
          {state === "error" ? "The stream could not be loaded. Reload to try again." : "Waiting for the stream…"}
        </p>
      )}
    </div>
  );
}
