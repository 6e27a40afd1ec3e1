import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { type Broadcast, RUNNING_STATUSES, broadcastsOfShow, showForBroadcaster } from "@/lib/egress/broadcasts";
import { isFinal, recordEgress } from "@/lib/egress/record-egress";
import { AppError } from "@/lib/errors";
import { stopEgress } from "@/lib/livekit/egress";

/** Stops one egress; one that already ended (or is unknown to Egress) is not an error. */
async function stopJob(showId: string, egress: { id: string; kind: "HLS" | "RTMP" | "MP4" }): Promise<void> {
  try {
    await recordEgress(showId, egress.kind, await stopEgress(egress.id));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return;
    throw error;
  }
}

export async function stopBroadcast(user: SessionUser, input: { roomNumber: number; egressId: string }): Promise<Broadcast[]> {
  const show = await showForBroadcaster(user, input.roomNumber);
  const egress = await db.egress.findFirst({ where: { id: input.egressId, showId: show.id }, select: { id: true, kind: true, status: true } });
  if (!egress) throw new AppError("NOT_FOUND", "No such output in this show.");
  if (!isFinal(egress.status)) await stopJob(show.id, egress);
  return broadcastsOfShow(show.id);
}

/** Ending a show stops its outputs, so recordings are finalized and pushes end with it. */
export async function stopShowEgresses(showId: string): Promise<void> {
  const running = await db.egress.findMany({
    where: { showId, status: { in: [...RUNNING_STATUSES] } },
    select: { id: true, kind: true },
  });
  const results = await Promise.allSettled(running.map((egress) => stopJob(showId, egress)));
  for (const result of results) {
    if (result.status === "rejected") {
      console.warn("[egress] not stopped with its show:", result.reason instanceof Error ? result.reason.message : result.reason);
    }
  }
}
