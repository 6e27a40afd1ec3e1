"use client";

import { useEffect, useRef } from "react";
import { renewPlaybackAction } from "@/components/hls/actions";
import type { Playback } from "@/lib/push/playback";

/**
 * The viewer's signed link, renewed at half its life while the page is open (the server signs
 * links for a few minutes only: a copied playlist URL stops working soon after). Returns a ref the
 * player reads for every request, and calls `onEnded` when the server says the push stopped.
 */
export function usePlaybackLink(playback: Playback, onEnded: () => void) {
  const token = useRef(playback.token);
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  }, [onEnded]);
  useEffect(() => {
    token.current = playback.token;
    const timer = setInterval(async () => {
      const result = await renewPlaybackAction({ roomNumber: playback.roomNumber, token: token.current });
      if (result.ok) token.current = result.data.token;
      // stopped, or a link too old to renew: the page reloads its data (a new link, or what comes next)
      else if (result.error.code === "SHOW_ENDED" || result.error.code === "FORBIDDEN") ended.current();
    }, playback.renewEverySeconds * 1000);
    return () => clearInterval(timer);
  }, [playback]);
  return token;
}

/** The URL with the current token (every playlist and segment request carries it). */
export function signedUrl(url: string, token: string): string {
  const signed = new URL(url, window.location.href);
  signed.searchParams.set("t", token);
  return signed.toString();
}
