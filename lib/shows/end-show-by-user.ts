import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { endShow } from "@/lib/shows/end-show";
import { requireShow } from "@/lib/shows/get-show";

/** "End show" pressed by the host (operators end shows from the dashboard, audited: lib/admin). */
export async function endShowByUser(user: SessionUser, roomNumber: number): Promise<{ roomNumber: number }> {
  const show = await requireShow(roomNumber);
  if (!can(showRoleOf(user, show), "show.end")) throw new AppError("FORBIDDEN", "Only the host can end this show.");
  await endShow(show.id, "HOST");
  return { roomNumber };
}
