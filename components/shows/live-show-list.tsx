"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useAccount } from "@/components/auth/use-account";
import { preloadViewerRoom } from "@/components/room/preload-viewer-room";
import { joinAhead } from "@/components/room/viewer-join";
import { ShowList } from "@/components/shows/show-list";
import type { LiveShowPage } from "@/lib/shows/list-live-shows";

// With the list's answer up to ~2.5 s old (the caches, see next.config.js), a new show appears
// within ~4.5 s.
const REFRESH_MS = 2_000;

/** The room list, kept fresh by polling (so it changes within seconds, without a reload). */
export function LiveShowList({ initial }: { initial: LiveShowPage }) {
  const [data, setData] = useState(initial);
  const page = initial.page;
  const account = useAccount();

  // Signed-in users watch over WebRTC: have the room's code ready before they pick a show.
  // (Visitors are asked to log in first, so they are spared the download.)
  useEffect(() => {
    if (account) preloadViewerRoom();
  }, [account]);

  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(`/api/shows?page=${page}`, { cache: "no-store" });
        if (response.ok && !stopped) setData((await response.json()) as LiveShowPage);
      } catch {
        // Offline for a moment: keep what we show and try again on the next tick.
      }
    };
    // Right away too: after a client-side navigation back here, the list may come from the
    // router's cache of this (static) page, minutes old.
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [page]);

  return (
    <>
      {/* A click starts joining the show's room at once, while its page loads; also before the
          account is known (a visitor's early join is refused by the token route and dropped). */}
      <ShowList shows={data.shows} onOpen={account === null ? undefined : joinAhead} />
      {data.pages > 1 ? (
        <nav className="mt-6 flex items-center gap-4 text-sm" aria-label="Pages">
          {page > 1 ? <Link href={`/?page=${page - 1}`}>← Newer</Link> : null}
          <span className="text-zinc-400">
            Page {page} of {data.pages}
          </span>
          {page < data.pages ? <Link href={`/?page=${page + 1}`}>Older →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
