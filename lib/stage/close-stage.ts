import "server-only";
import type { Tx } from "@/lib/db";

/**
 * The show ended (in the caller's transaction): every seat closes and every open request is
 * withdrawn. LiveKit closes the room (and with it everyone's tracks), so nobody's access needs changing.
 */
export async function closeStage(tx: Tx, showId: string, now = new Date()): Promise<void> {
  await tx.stageSeat.updateMany({ where: { showId, leftAt: null }, data: { leftAt: now, exit: "SHOW_ENDED" } });
  await tx.stageRequest.updateMany({ where: { showId, status: "PENDING" }, data: { status: "CANCELLED", answeredAt: now } });
}
