import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { endShow } from "@/lib/shows/end-show";
import { requireShow } from "@/lib/shows/get-show";

/** "End show" pressed by a person: only the host (or an operator) may. */
export async function endShowByUser(user: SessionUser, roomNumber: number): Promise<{ roomNumber: number }> {
  const show = await requireShow(roomNumber);
  const role = showRoleOf(user, show);
  if (!can(role, "show.end")) throw new AppError("FORBIDDEN", "Only the host can end this show.");
  await endShow(show.id, role === "host" ? "HOST" : "OPERATOR");
  return { roomNumber };
}
