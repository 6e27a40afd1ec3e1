import "server-only";
import { db } from "@/lib/db";

/**
 * The show ended: every seat closes and every open request is withdrawn. LiveKit closes the
 * room (and with it everyone's tracks), so nobody's access needs changing.
 */
export async function closeStage(showId: string, now = new Date()): Promise<void> {
  await db.$transaction([
    db.stageSeat.updateMany({ where: { showId, leftAt: null }, data: { leftAt: now, exit: "SHOW_ENDED" } }),
    db.stageRequest.updateMany({ where: { showId, status: "PENDING" }, data: { status: "CANCELLED", answeredAt: now } }),
  ]);
}
