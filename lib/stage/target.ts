import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getParticipant } from "@/lib/livekit/participants";
import { userIdOf } from "@/lib/shows/identity";
import { type StageShow, stageRoom } from "@/lib/stage/show";

export type StageCandidate = { userId: string; identity: string; name: string };

/**
 * The person behind a connection who would go on stage, checked on *them* (not on whoever asks):
 * a known account, connected to this show's room right now, and a viewer (the host is on stage
 * already; operators are not guests).
 */
export async function requireCandidate(show: StageShow, identity: string): Promise<StageCandidate> {
  const user = await db.user.findUnique({ where: { id: userIdOf(identity) }, select: { id: true, name: true, role: true } });
  const connected = user ? await getParticipant(stageRoom(show), identity) : null;
  if (!user || !connected?.person) throw new AppError("NOT_FOUND", "That person is not in this room.");
  const role = showRoleOf(user, show);
  if (!can(role, "stage.join")) {
    throw new AppError(
      "STAGE_CONFLICT",
      role === "host" ? "The host is on stage already: invite a viewer." : `${user.name} cannot be invited on stage.`,
    );
  }
  return { userId: user.id, identity, name: user.name };
}
