import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";
import { hostReason } from "@/lib/screening/actions";
import type { ScreeningActionName } from "@/lib/screening/rules";
import { requireShow } from "@/lib/shows/get-show";

// What the host is told about screening of their show, and their appeal (a note to the operators).

const ACTION_NAME = { FLAG: "flag", BLUR: "blur", END: "end" } as const satisfies Record<string, ScreeningActionName>;

export type HostNotice = { blurred: boolean; flag: { reason: string; action: ScreeningActionName; appealed: boolean } | null };

async function requireHost(user: SessionUser, roomNumber: number) {
  const show = await requireShow(roomNumber);
  if (!can(showRoleOf(user, show), "screening.appeal")) throw new AppError("FORBIDDEN", "Only the host can see this.");
  return show;
}

/** The notice the studio shows (when it opens; room events keep it current afterwards). */
export async function hostScreeningNotice(user: SessionUser, roomNumber: number): Promise<HostNotice> {
  const show = await requireHost(user, roomNumber);
  const [state, flag] = await Promise.all([
    db.screeningState.findUnique({ where: { showId: show.id }, select: { blurred: true } }),
    db.screeningFlag.findFirst({ where: { showId: show.id, status: "OPEN" }, select: { className: true, action: true, appeal: true } }),
  ]);
  return {
    blurred: state?.blurred ?? false,
    flag: flag ? { reason: hostReason(flag.className), action: ACTION_NAME[flag.action], appealed: flag.appeal !== null } : null,
  };
}

/** The host's note to the operators on the open flag of their show. */
export async function appealScreening(user: SessionUser, input: { roomNumber: number; note: string }): Promise<{ appealed: true }> {
  await consume("screening.appeal", user.id);
  const show = await requireHost(user, input.roomNumber);
  const { count } = await db.screeningFlag.updateMany({
    where: { showId: show.id, status: "OPEN" },
    data: { appeal: input.note, appealedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "There is nothing to appeal: your show is not flagged.");
  return { appealed: true };
}

/** For the host's summary of a show that screening ended: whether they already appealed. */
export async function endedByScreening(showId: string): Promise<{ appealed: boolean }> {
  const flag = await db.screeningFlag.findFirst({ where: { showId, action: "END" }, orderBy: { createdAt: "desc" }, select: { appeal: true } });
  return { appealed: flag?.appeal != null };
}
