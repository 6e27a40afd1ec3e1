"use client";

import { useCallback, useEffect, useState } from "react";
import { MonitorTile } from "@/components/admin/monitor-tile";
import { Pager } from "@/components/ui/pager";
import type { MonitorPage } from "@/lib/admin/live-monitor";

const REFRESH_MS = 3_000;

/** The grid of live shows, refreshed every few seconds while the tab is visible. */
export function LiveMonitor({ initial }: { initial: MonitorPage }) {
  const [data, setData] = useState(initial);
  const page = initial.page;

  const refresh = useCallback(async () => {
    try {
      const response = await fetch(`/api/admin/live?page=${page}`, { cache: "no-store" });
      if (response.ok) setData((await response.json()) as MonitorPage);
    } catch {
      // Offline for a moment: keep the tiles and try again on the next tick.
    }
  }, [page]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <>
      <p className="mb-4 text-sm text-zinc-400">
        <span data-testid="monitor-total">{data.total}</span> live {data.total === 1 ? "show" : "shows"}, most watched first.
      </p>
      {data.rows.length === 0 ? (
        <p data-testid="monitor-empty" className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center text-zinc-400">
          Nobody is live right now.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {data.rows.map((show) => (
            <MonitorTile key={show.id} show={show} now={data.at} onEnded={() => void refresh()} />
          ))}
        </ul>
      )}
      {data.pages > 1 ? <Pager page={page} pages={data.pages} total={data.total} noun="live shows" hrefFor={(p) => `/admin?page=${p}`} /> : null}
    </>
  );
}
