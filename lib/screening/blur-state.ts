import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireShow } from "@/lib/shows/get-show";
import { roomNumberFromName } from "@/lib/shows/room-name";

/** Whether viewers see the show blurred right now (server render of the watch page). */
export async function isShowBlurred(showId: string): Promise<boolean> {
  return (await db.screeningState.findUnique({ where: { showId }, select: { blurred: true } }))?.blurred ?? false;
}

/** The same for a watching page that reconnected and may have missed a room event. */
export async function blurStateFor(user: SessionUser, roomNumber: number): Promise<{ blurred: boolean }> {
  const show = await requireShow(roomNumber);
  if (!can(showRoleOf(user, show), "show.subscribe")) throw new AppError("FORBIDDEN", "You may not watch this show.");
  return { blurred: await isShowBlurred(show.id) };
}

/** For the composite page Egress records (HLS, RTMP): whether it starts on the placeholder. */
export async function isRoomBlurred(roomName: string): Promise<boolean> {
  const roomNumber = roomNumberFromName(roomName);
  if (roomNumber === null) return false;
  const show = await db.show.findUnique({ where: { roomNumber }, select: { id: true } });
  return show ? isShowBlurred(show.id) : false;
}
