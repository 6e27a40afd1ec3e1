import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { addPending } from "@/lib/likes/pending";
import { consume } from "@/lib/rate-limit";
import { requireShow } from "@/lib/shows/get-show";

/**
 * One heart from a viewer: at most one per second (the original's "liking too often"), counted
 * in Redis and written to the show by the flush loop, so a tap never locks the show's row.
 */
export async function sendHeart(user: SessionUser, roomNumber: number): Promise<{ accepted: true }> {
  // The limit comes first: a tapper over it costs one Redis call, not a database query.
  await consume("likes.tap", user.id);
  const show = await requireShow(roomNumber);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  if (!can(showRoleOf(user, show), "show.like")) throw new AppError("FORBIDDEN", "Hearts are for your viewers.");
  await addPending(show.id);
  return { accepted: true };
}
