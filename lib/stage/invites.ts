import "server-only";
import { z } from "zod";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { defineJob } from "@/lib/jobs/define";
import { consume } from "@/lib/rate-limit";
import { getSetting } from "@/lib/settings";
import { assertSeatFree, seatGuest } from "@/lib/stage/seats";
import { lockLiveShow, requireLiveShow, requireStageManager, tellHost } from "@/lib/stage/show";
import { requireCandidate } from "@/lib/stage/target";

/** The host invites one viewer's connection on stage; only that connection is told. */
export async function inviteToStage(user: SessionUser, roomNumber: number, identity: string) {
  await consume("stage.invite", user.id);
  const show = await requireLiveShow(roomNumber);
  requireStageManager(user, show);
  const target = await requireCandidate(show, identity);
  const seconds = await getSetting("stageInviteSeconds");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + seconds * 1000);

  const invite = await db.$transaction(async (tx) => {
    await lockLiveShow(tx, show.id);
    await assertSeatFree(tx, show.id, target);
    // An invite whose time is up but whose expiry job has not run yet no longer counts.
    await tx.stageRequest.updateMany({
      where: { showId: show.id, userId: target.userId, kind: "INVITE", status: "PENDING", expiresAt: { lte: now } },
      data: { status: "EXPIRED" },
    });
    const pending = await tx.stageRequest.count({ where: { showId: show.id, userId: target.userId, kind: "INVITE", status: "PENDING" } });
    if (pending > 0) throw new AppError("STAGE_CONFLICT", `${target.name} is invited already and has not answered yet.`);
    const created = await tx.stageRequest.create({
      data: { showId: show.id, userId: target.userId, identity, kind: "INVITE", expiresAt },
      select: { id: true },
    });
    await inviteExpiryJob.enqueue({ inviteId: created.id }, { tx, runAt: expiresAt, jobKey: `stage-invite:${created.id}` });
    return created;
  });

  await broadcastRoomEvent(
    show.roomNumber,
    { type: "stage-invite", inviteId: invite.id, hostName: show.host.name, expiresInMs: seconds * 1000 },
    { to: [identity] },
  );
  await tellHost(show);
  return { inviteId: invite.id, expiresAt };
}

type Invite = { id: string; status: string; expiresAt: Date | null };

/** Why an invite can no longer be answered, as the user reads it. */
function notAnswerable(invite: Invite, now: Date): AppError | null {
  if (invite.status === "EXPIRED" || (invite.status === "PENDING" && invite.expiresAt && invite.expiresAt <= now)) {
    return new AppError("INVITE_EXPIRED", "This invite has expired.");
  }
  if (invite.status === "CANCELLED") return new AppError("STAGE_CONFLICT", "This invite was withdrawn.");
  if (invite.status !== "PENDING") return new AppError("STAGE_CONFLICT", "This invite has already been answered.");
  return null;
}

/** Marks the invite answered inside `tx`, if it still is pending and in time; a clear error otherwise. */
async function markAnswered(tx: Tx, invite: Invite, status: "ACCEPTED" | "DECLINED", now: Date): Promise<void> {
  const { count } = await tx.stageRequest.updateMany({
    where: { id: invite.id, status: "PENDING", expiresAt: { gt: now } },
    data: { status, answeredAt: now },
  });
  if (count > 0) return;
  const current = await tx.stageRequest.findUniqueOrThrow({ where: { id: invite.id }, select: { id: true, status: true, expiresAt: true } });
  throw notAnswerable(current, now) ?? new AppError("STAGE_CONFLICT", "This invite has already been answered.");
}

/** The invited viewer accepts (goes on stage) or declines. The invite's own target decides, nobody else. */
export async function answerInvite(user: SessionUser, roomNumber: number, inviteId: string, accept: boolean) {
  // The limit, the show and the invite at once (an Accept waits for all of this before the camera
  // can go out); their failures count in this order, as if they had run one after the other.
  const limited = consume("stage.answer", user.id);
  const live = requireLiveShow(roomNumber);
  const found = db.stageRequest.findFirst({
    where: { id: inviteId, kind: "INVITE", show: { roomNumber } },
    select: { id: true, userId: true, identity: true, status: true, expiresAt: true },
  });
  for (const step of [live, found]) step.catch(() => undefined);
  await limited;
  const show = await live;
  const invite = await found;
  if (!invite) throw new AppError("NOT_FOUND", "There is no such invite in this show.");
  if (invite.userId !== user.id) throw new AppError("FORBIDDEN", "This invite is not for you.");
  const now = new Date();
  const refusal = notAnswerable(invite, now);
  if (refusal) throw refusal;

  if (!accept) {
    await db.$transaction((tx) => markAnswered(tx, invite, "DECLINED", now));
    await tellHost(show);
    return { onStage: false };
  }
  // The invite's addressee must still be someone who may go on stage (e.g. not made an operator since).
  if (!can(showRoleOf(user, show), "stage.join")) throw new AppError("FORBIDDEN", "You cannot go on stage in this show.");
  const { seat } = await seatGuest(show, { userId: user.id, identity: invite.identity, name: user.name }, (tx) =>
    markAnswered(tx, invite, "ACCEPTED", now),
  );
  return { onStage: true, seat };
}

/** An invite nobody answered in time expires; the host's studio and the viewer's dialog are told. */
export const inviteExpiryJob = defineJob("stage.invite-expiry", z.object({ inviteId: z.string() }), async ({ inviteId }) => {
  // Scheduled for the moment it expires: still pending now means nobody answered.
  const { count } = await db.stageRequest.updateMany({ where: { id: inviteId, status: "PENDING" }, data: { status: "EXPIRED" } });
  if (count === 0) return;
  const invite = await db.stageRequest.findUniqueOrThrow({
    where: { id: inviteId },
    select: { identity: true, show: { select: { id: true, roomNumber: true, hostId: true, status: true } } },
  });
  if (invite.show.status !== "LIVE") return;
  await broadcastRoomEvent(invite.show.roomNumber, { type: "stage-invite-closed", inviteId }, { to: [invite.identity] });
  await tellHost(invite.show);
});
