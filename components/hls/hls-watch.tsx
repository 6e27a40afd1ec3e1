"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { HlsPlayer } from "@/components/hls/hls-player";

/** The HLS player, or a wait message that re-checks until the host starts the stream. */
export function HlsWatch({ playlistUrl }: { playlistUrl: string | null }) {
  const router = useRouter();
  useEffect(() => {
    if (playlistUrl) return;
    const timer = setInterval(() => router.refresh(), 3_000);
    return () => clearInterval(timer);
  }, [playlistUrl, router]);

  if (!playlistUrl) {
    return (
      <p data-testid="hls-waiting" className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center text-zinc-300">
        The host has not started the HLS stream yet. This page starts playing when they do.
      </p>
    );
  }
  return <HlsPlayer src={playlistUrl} />;
}
