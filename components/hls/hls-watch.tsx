"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { HlsPlayer } from "@/components/hls/hls-player";
import type { Playback } from "@/lib/push/playback";

/** The HLS player, or a wait message that re-checks until the host starts the stream. */
export function HlsWatch({ playback }: { playback: Playback | null }) {
  const router = useRouter();
  useEffect(() => {
    if (playback) return;
    const timer = setInterval(() => router.refresh(), 3_000);
    return () => clearInterval(timer);
  }, [playback, router]);

  if (!playback) {
    return (
      <p data-testid="hls-waiting" className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center text-zinc-300">
        The host has not started the HLS stream yet. This page starts playing when they do.
      </p>
    );
  }
  // A new push (another run) is another player.
  return <HlsPlayer key={playback.playlistPath} playback={playback} onEnded={() => router.refresh()} />;
}
