import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";
import { requireShow } from "@/lib/shows/get-show";
import { type ConnectionDetails, connectionDetails } from "@/lib/shows/host-connection";

/**
 * A connection for watching a show. Everyone watches subscribe-only through this path,
 * the host included (the host publishes from the studio).
 */
export async function joinShowAsViewer(user: SessionUser, roomNumber: number): Promise<ConnectionDetails> {
  await consume("show.token", user.id);
  const show = await requireShow(roomNumber);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  if (!can(showRoleOf(user, show), "show.subscribe")) throw new AppError("FORBIDDEN", "You may not watch this show.");
  return connectionDetails(user, roomNumber, "viewer");
}

/** The host's own publishing connection to their live show (e.g. after a page reload). */
export async function rejoinShowAsHost(user: SessionUser, roomNumber: number): Promise<ConnectionDetails> {
  const show = await requireShow(roomNumber);
  if (!can(showRoleOf(user, show), "show.publish")) throw new AppError("FORBIDDEN", "Only the host can broadcast in this room.");
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  return connectionDetails(user, roomNumber, "host");
}
