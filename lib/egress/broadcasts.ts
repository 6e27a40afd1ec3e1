import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseOutputs } from "@/lib/egress/record-egress";
import { AppError } from "@/lib/errors";
import { requireShow } from "@/lib/shows/get-show";

export const RUNNING_STATUSES = ["STARTING", "ACTIVE"] as const;

/** The show, if this user may start and stop its outputs (the host only). */
export async function showForBroadcaster(user: SessionUser, roomNumber: number) {
  const show = await requireShow(roomNumber);
  if (!can(showRoleOf(user, show), "show.broadcast")) {
    throw new AppError("FORBIDDEN", "Only the host can start or stop streaming and recording.");
  }
  return show;
}

/** A show's outputs, newest first, as the studio shows them. */
export async function broadcastsOfShow(showId: string) {
  const rows = await db.egress.findMany({
    where: { showId },
    orderBy: { startedAt: "desc" },
    select: { id: true, kind: true, status: true, error: true, startedAt: true, endedAt: true, outputs: true },
  });
  return rows.map((row) => ({ ...row, outputs: parseOutputs(row.outputs) }));
}

export type Broadcast = Awaited<ReturnType<typeof broadcastsOfShow>>[number];
