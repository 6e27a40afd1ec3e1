import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { RUNNING_STATUSES } from "@/lib/egress/broadcasts";
import { AppError } from "@/lib/errors";
import type { EgressKind } from "@/lib/generated/prisma/enums";
import { type Paged, paged } from "@/lib/paging";
import { consume } from "@/lib/rate-limit";
import { shareAnswer } from "@/lib/shared-answer";
import { requireShow } from "@/lib/shows/get-show";
import { type ConnectionDetails, connectionDetails } from "@/lib/shows/host-connection";

// A page of tiles, each a live video subscription in the operator's browser: a dozen is what a
// laptop decodes comfortably.
export const MONITOR_PER_PAGE = 12;

/** One tile of the live monitor, JSON-safe (the page renders it, /api/admin/live returns it). */
export type MonitorShow = {
  id: string;
  roomNumber: number;
  title: string;
  host: { id: string; name: string };
  startedAt: string;
  viewers: number;
  peakViewers: number;
  likes: number;
  hostAwaySince: string | null;
  /** running outputs by kind (Egress jobs starting or active) */
  outputs: Record<EgressKind, number>;
};

export type MonitorPage = Paged<MonitorShow> & { at: string };

// Every open dashboard polls this every 3 s, and the answer is the same for every operator.
const SHARED_FOR_MS = 1_000;

/** The live shows, most watched first, a page of tiles at a time, with their running outputs; at most 1 s old. */
export function liveMonitorPage(page: number): Promise<MonitorPage> {
  return shareAnswer("live-monitor", String(page), SHARED_FOR_MS, () => queryMonitorPage(page));
}

async function queryMonitorPage(page: number): Promise<MonitorPage> {
  const where = { status: "LIVE" } as const;
  const [rows, total] = await Promise.all([
    db.show.findMany({
      where,
      orderBy: [{ viewerCount: "desc" }, { startedAt: "desc" }, { roomNumber: "desc" }],
      skip: (page - 1) * MONITOR_PER_PAGE,
      take: MONITOR_PER_PAGE,
      select: {
        id: true,
        roomNumber: true,
        title: true,
        startedAt: true,
        viewerCount: true,
        peakViewers: true,
        likes: true,
        hostAwaySince: true,
        host: { select: { id: true, name: true } },
      },
    }),
    db.show.count({ where }),
  ]);
  const running = rows.length
    ? await db.egress.groupBy({
        by: ["showId", "kind"],
        where: { showId: { in: rows.map((r) => r.id) }, status: { in: [...RUNNING_STATUSES] } },
        _count: { _all: true },
      })
    : [];
  const shows = rows.map((row) => {
    const outputs: Record<EgressKind, number> = { HLS: 0, RTMP: 0, MP4: 0 };
    for (const r of running) if (r.showId === row.id) outputs[r.kind] = r._count._all;
    return {
      id: row.id,
      roomNumber: row.roomNumber,
      title: row.title,
      host: row.host,
      startedAt: row.startedAt.toISOString(),
      viewers: row.viewerCount,
      peakViewers: row.peakViewers,
      likes: row.likes,
      hostAwaySince: row.hostAwaySince?.toISOString() ?? null,
      outputs,
    };
  });
  return { ...paged(shows, total, page, MONITOR_PER_PAGE), at: new Date().toISOString() };
}

/**
 * A hidden, subscribe-only connection to a live show for the operator's monitor tile: in no
 * member list, not counted as a viewer (lib/livekit/rooms `isPerson`), costs nothing when nobody
 * looks (unlike an Egress thumbnail output, which would run per show all the time).
 */
export async function monitorConnection(operator: SessionUser, roomNumber: number): Promise<ConnectionDetails> {
  await consume("admin.monitor", operator.id);
  const show = await requireShow(roomNumber);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  return connectionDetails(operator, roomNumber, "monitor");
}
