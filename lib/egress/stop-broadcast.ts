import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { type Broadcast, broadcastsOfShow, showForBroadcaster } from "@/lib/egress/broadcasts";
import { SLOT_STATUSES, isFinal, isPlaceholder, recordEgress } from "@/lib/egress/record-egress";
import { settleAfterFailedStop } from "@/lib/egress/reconcile-egresses";
import { AppError } from "@/lib/errors";
import type { EgressKind, EgressStatus } from "@/lib/generated/prisma/enums";
import { stopEgress } from "@/lib/livekit/egress";
import { applyStreamResults } from "@/lib/push/destinations";
import { roomNameFor } from "@/lib/shows/room-name";

/**
 * Stops one egress. One that already ended, or that Egress no longer knows (it crashed: LiveKit
 * then answers "not found" or nobody answers at all), is not an error: its row ends here.
 */
export async function stopOutput(show: { id: string; roomNumber: number }, egress: { id: string; kind: EgressKind; status: EgressStatus }): Promise<void> {
  if (isPlaceholder(egress.id)) return; // its start is under way; the reconcile loop ends it if it never finishes
  try {
    const job = await stopEgress(egress.id);
    await db.$transaction(async (tx) => {
      await recordEgress(tx, show.id, egress.kind, job);
      if (egress.kind === "RTMP") await applyStreamResults(tx, job);
    });
  } catch (error) {
    if (await settleAfterFailedStop(egress, roomNameFor(show.roomNumber)).catch(() => false)) return;
    if (error instanceof AppError && error.code === "NOT_FOUND") return;
    throw error;
  }
}

export async function stopBroadcast(user: SessionUser, input: { roomNumber: number; egressId: string }): Promise<Broadcast[]> {
  const show = await showForBroadcaster(user, input.roomNumber);
  const egress = await db.egress.findFirst({ where: { id: input.egressId, showId: show.id }, select: { id: true, kind: true, status: true } });
  if (!egress) throw new AppError("NOT_FOUND", "No such output in this show.");
  if (!isFinal(egress.status)) await stopOutput(show, egress);
  return broadcastsOfShow(show.id);
}

/** Ending a show stops its outputs, so recordings are finalized and pushes end with it. */
export async function stopShowEgresses(show: { id: string; roomNumber: number }): Promise<void> {
  const running = await db.egress.findMany({
    where: { showId: show.id, status: { in: [...SLOT_STATUSES] } },
    select: { id: true, kind: true, status: true },
  });
  const results = await Promise.allSettled(running.map((egress) => stopOutput(show, egress)));
  for (const result of results) {
    if (result.status === "rejected") {
      console.warn("[egress] not stopped with its show:", result.reason instanceof Error ? result.reason.message : result.reason);
    }
  }
}
