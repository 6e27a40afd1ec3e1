import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db, isUniqueViolation, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { getParticipant } from "@/lib/livekit/participants";
import { consume } from "@/lib/rate-limit";
import { userIdOf } from "@/lib/shows/identity";
import { openSeatOfUser, seatGuest } from "@/lib/stage/seats";
import { requireLiveShow, requireStageManager, stageRoom, tellHost } from "@/lib/stage/show";
import { requireCandidate } from "@/lib/stage/target";

/** A viewer asks to go on stage, from their connection `identity` in the show's room. */
export async function raiseHand(user: SessionUser, roomNumber: number, identity: string) {
  await consume("stage.hand", user.id);
  const show = await requireLiveShow(roomNumber);
  if (userIdOf(identity) !== user.id) throw new AppError("FORBIDDEN", "That connection is not yours.");
  const role = showRoleOf(user, show, (await openSeatOfUser(show.id, user.id)) !== null);
  if (role === "guest") throw new AppError("STAGE_CONFLICT", "You are on stage already.");
  if (!can(role, "stage.join")) throw new AppError("FORBIDDEN", "Only viewers can ask to join the stage.");
  if (!(await getParticipant(stageRoom(show), identity))) throw new AppError("NOT_FOUND", "You are not connected to this show.");

  // One raised hand per viewer: raising it again (e.g. from a new tab) moves it to this connection.
  const { count } = await db.stageRequest.updateMany({
    where: { showId: show.id, userId: user.id, kind: "HAND", status: "PENDING" },
    data: { identity },
  });
  if (count === 0) {
    try {
      await db.stageRequest.create({ data: { showId: show.id, userId: user.id, identity, kind: "HAND" } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // a double click: the first one raised it
    }
  }
  await tellHost(show);
  return { raised: true };
}

/** The viewer lowers their hand; lowering a hand that is not up changes nothing. */
export async function lowerHand(user: SessionUser, roomNumber: number) {
  await consume("stage.hand", user.id);
  const show = await requireLiveShow(roomNumber);
  const { count } = await db.stageRequest.updateMany({
    where: { showId: show.id, userId: user.id, kind: "HAND", status: "PENDING" },
    data: { status: "CANCELLED", answeredAt: new Date() },
  });
  if (count > 0) await tellHost(show);
  return { raised: false };
}

async function markHandAnswered(tx: Tx, handId: string, status: "ACCEPTED" | "DECLINED"): Promise<void> {
  const { count } = await tx.stageRequest.updateMany({ where: { id: handId, status: "PENDING" }, data: { status, answeredAt: new Date() } });
  if (count === 0) throw new AppError("STAGE_CONFLICT", "That hand is no longer raised.");
}

/** The host takes a raised hand on stage (no further question: the viewer asked) or dismisses it. */
export async function answerHand(user: SessionUser, roomNumber: number, handId: string, accept: boolean) {
  await consume("stage.control", user.id);
  const show = await requireLiveShow(roomNumber);
  requireStageManager(user, show);
  const hand = await db.stageRequest.findFirst({
    where: { id: handId, showId: show.id, kind: "HAND" },
    select: { id: true, identity: true, status: true, user: { select: { name: true } } },
  });
  if (!hand) throw new AppError("NOT_FOUND", "There is no such raised hand in this show.");
  if (hand.status !== "PENDING") throw new AppError("STAGE_CONFLICT", `${hand.user.name} no longer has their hand up.`);

  if (!accept) {
    await db.$transaction((tx) => markHandAnswered(tx, hand.id, "DECLINED"));
    await broadcastRoomEvent(show.roomNumber, { type: "stage-hand-dismissed" }, { to: [hand.identity] });
    await tellHost(show);
    return { onStage: false };
  }
  let candidate;
  try {
    candidate = await requireCandidate(show, hand.identity);
  } catch (error) {
    // They left the room (or cannot be a guest): the hand is over, and the host is told why.
    await db.stageRequest.updateMany({ where: { id: hand.id, status: "PENDING" }, data: { status: "CANCELLED", answeredAt: new Date() } });
    await tellHost(show);
    throw error;
  }
  const { seat } = await seatGuest(show, candidate, (tx) => markHandAnswered(tx, hand.id, "ACCEPTED"));
  return { onStage: true, seat };
}
