import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { queueRoomEvent } from "@/lib/events/queue";
import { type ShowDetails, requireShow } from "@/lib/shows/get-show";
import { hostIdentity } from "@/lib/shows/identity";
import { roomNameFor } from "@/lib/shows/room-name";

/** What the stage needs to know about a show. */
export type StageShow = { id: string; roomNumber: number; hostId: string };

/** The show in a room, if it is live; a clear error otherwise. */
export async function requireLiveShow(roomNumber: number): Promise<ShowDetails> {
  const show = await requireShow(roomNumber);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  return show;
}

/** Only the host runs the stage (invites, hands, mutes, removals). */
export function requireStageManager(user: SessionUser, show: StageShow): void {
  if (!can(showRoleOf(user, show), "stage.manage")) throw new AppError("FORBIDDEN", "Only the host can manage the stage.");
}

export function stageRoom(show: { roomNumber: number }): string {
  return roomNameFor(show.roomNumber);
}

/** Locks the show's row for the rest of the transaction; whether it is (still) live. */
export async function lockShowIfLive(tx: Tx, showId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Show" WHERE id = ${showId} FOR UPDATE`;
  return rows[0]?.status === "LIVE";
}

/**
 * Locks the show's row for the rest of the transaction (stage changes of one show queue up here)
 * and checks it is still live.
 */
export async function lockLiveShow(tx: Tx, showId: string): Promise<void> {
  if (!(await lockShowIfLive(tx, showId))) throw new AppError("SHOW_ENDED", "This show has ended.");
}

/** Tells the host's studio, once `tx` commits, that the stage changed (it fetches the stage again). */
export async function queueHostNotice(tx: Tx, show: StageShow): Promise<void> {
  await queueRoomEvent(tx, show.roomNumber, { type: "stage-changed" }, { to: [hostIdentity(show.hostId)] });
}

/** Tells the host's studio that the stage changed (it fetches the stage again). */
export async function tellHost(show: StageShow): Promise<void> {
  await broadcastRoomEvent(show.roomNumber, { type: "stage-changed" }, { to: [hostIdentity(show.hostId)] });
}
