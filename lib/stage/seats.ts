import "server-only";
import { after } from "next/server";
import { z } from "zod";
import { db, isUniqueViolation, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { queueRoomEvent } from "@/lib/events/queue";
import type { StageExit } from "@/lib/generated/prisma/enums";
import { defineJob } from "@/lib/jobs/define";
import { getSetting } from "@/lib/settings";
import { grantGuest, revokeGuest } from "@/lib/stage/access";
import type { StageExitReason } from "@/lib/stage/events";
import { MAX_GUESTS } from "@/lib/stage/schema";
import { lockLiveShow, lockShowIfLive, queueHostNotice, type StageShow, tellHost } from "@/lib/stage/show";

export const seatSelect = {
  id: true,
  showId: true,
  userId: true,
  identity: true,
  seat: true,
  grantedAt: true,
  onStageAt: true,
  cameraTrackSid: true,
  micTrackSid: true,
  micMutedByHost: true,
  cameraMutedByHost: true,
  user: { select: { name: true } },
} as const;

export type OpenSeat = NonNullable<Awaited<ReturnType<typeof openSeatOf>>>;

/** The open seat of a connection in a show (the target's own record), or null. */
export function openSeatOf(showId: string, identity: string) {
  return db.stageSeat.findFirst({ where: { showId, identity, leftAt: null }, select: seatSelect });
}

export function openSeatOfUser(showId: string, userId: string) {
  return db.stageSeat.findFirst({ where: { showId, userId, leftAt: null }, select: seatSelect });
}

export function openSeats(showId: string) {
  return db.stageSeat.findMany({ where: { showId, leftAt: null }, select: seatSelect, orderBy: { seat: "asc" } });
}

export function stageFull(): AppError {
  return new AppError("STAGE_FULL", `The stage is full: ${MAX_GUESTS} guests are on it already.`);
}

/**
 * The show's open seats (who sits where), inside a transaction that holds the show's row lock
 * (lockLiveShow), after checking that the person can have one: not seated already, and the stage
 * not full.
 */
export async function assertSeatFree(tx: Tx, showId: string, who: { userId: string; name: string }) {
  const open = await tx.stageSeat.findMany({ where: { showId, leftAt: null }, select: { userId: true, seat: true } });
  if (open.some((s) => s.userId === who.userId)) throw new AppError("STAGE_CONFLICT", `${who.name} is on stage already.`);
  if (open.length >= MAX_GUESTS) throw stageFull();
  return open;
}

/**
 * Puts a viewer's connection on stage: in one transaction, under the show's lock, the request
 * that allowed it is marked answered (`markRequest` throws when it no longer can be), a seat is
 * taken and the publishing deadline is scheduled; then the connection gets camera + microphone
 * rights. Nothing changes when any step is refused. This is what the guest's Accept waits for
 * before their camera can go out: few round trips, and the host's studio is told after the
 * answer (`after`), not before it.
 */
export async function seatGuest(
  show: StageShow,
  who: { userId: string; identity: string; name: string },
  markRequest: (tx: Tx) => Promise<void>,
): Promise<{ seat: number }> {
  // Read while the transaction runs; awaited (and its failure thrown) where the deadline is scheduled.
  const publishSeconds = getSetting("stagePublishSeconds");
  publishSeconds.catch(() => undefined);
  let seat: { id: string; seat: number };
  try {
    seat = await db.$transaction(async (tx) => {
      // The show's row lock first: two accepts for the last seat queue up here, and the second
      // sees it taken. The database's own constraints (seat 1..3, unique among open seats) hold
      // the limit even without the lock.
      await lockLiveShow(tx, show.id);
      await markRequest(tx);
      const open = await assertSeatFree(tx, show.id, who);
      const free = [1, 2, 3].find((n) => !open.some((s) => s.seat === n)) ?? 0; // 0 never passes the CHECK
      const taken = await tx.stageSeat.create({
        data: { showId: show.id, userId: who.userId, identity: who.identity, seat: free },
        select: { id: true, seat: true },
      });
      // Other requests of this person (an invite and a raised hand) are answered by this one.
      await tx.stageRequest.updateMany({
        where: { showId: show.id, userId: who.userId, status: "PENDING" },
        data: { status: "CANCELLED", answeredAt: new Date() },
      });
      await publishDeadlineJob.enqueue(
        { seatId: taken.id },
        { tx, runAt: new Date(Date.now() + (await publishSeconds) * 1000), jobKey: `stage-publish:${taken.id}` },
      );
      return taken;
    });
  } catch (error) {
    // The constraints caught what the lock did not (e.g. a seat taken by another instance's bug).
    if (isUniqueViolation(error)) throw stageFull();
    throw error;
  }
  if (!(await grantGuest(show, who.identity, seat.seat))) {
    await takeOffStage(show, { id: seat.id, identity: who.identity, user: { name: who.name } }, "DISCONNECTED");
    throw new AppError("NOT_FOUND", `${who.name} is no longer in the room.`);
  }
  after(() => tellHost(show));
  return { seat: seat.seat };
}

const REASONS: Record<Exclude<StageExit, "SHOW_ENDED">, StageExitReason> = {
  LEFT: "left",
  REMOVED: "removed",
  NO_PUBLISH: "no-publish",
  DISCONNECTED: "disconnected",
};

type SeatToClose = Pick<OpenSeat, "id" | "identity" | "user">;
type Exit = Exclude<StageExit, "SHOW_ENDED">;

/**
 * Ends a guest's seat once, in the caller's transaction (a conditional update: a double click, or
 * the host removing while the guest leaves, ends it only once). If it commits, the room is told and
 * the `stage.revoke-access` job takes publishing away (the SFU unpublishes their tracks); the
 * stage loop revokes any publishing right left without a seat as a backstop. Returns whether this
 * call ended it.
 */
export async function takeOffStageIn(tx: Tx, show: StageShow, seat: SeatToClose, exit: Exit, publishSeconds: number): Promise<boolean> {
  const { count } = await tx.stageSeat.updateMany({ where: { id: seat.id, leftAt: null }, data: { leftAt: new Date(), exit } });
  if (count === 0) return false;
  await revokeStageAccessJob.enqueue({ showId: show.id, identity: seat.identity }, { tx });
  const reason = REASONS[exit];
  await queueRoomEvent(tx, show.roomNumber, {
    type: "stage-left",
    identity: seat.identity,
    name: seat.user.name,
    reason,
    publishSeconds: reason === "no-publish" ? publishSeconds : undefined,
  });
  await queueHostNotice(tx, show);
  return true;
}

/** takeOffStageIn in a transaction of its own, under the show's lock (an ended show closed its seats already). */
export async function takeOffStage(show: StageShow, seat: SeatToClose, exit: Exit): Promise<boolean> {
  const publishSeconds = await getSetting("stagePublishSeconds");
  return db.$transaction(async (tx) => (await lockShowIfLive(tx, show.id)) && takeOffStageIn(tx, show, seat, exit, publishSeconds));
}

/**
 * A connection that lost its seat goes back to watching. Idempotent, and safe against a new seat
 * of the same connection taken meanwhile: it never revokes an open seat's rights, and a seat taken
 * while the revoke was on its way gets its rights back.
 */
export const revokeStageAccessJob = defineJob(
  "stage.revoke-access",
  z.object({ showId: z.string(), identity: z.string() }),
  async ({ showId, identity }) => {
    const show = await showOfSeat(showId);
    if (!show || (await openSeatOf(showId, identity))) return;
    if (!(await revokeGuest(show, identity))) return;
    const seated = await openSeatOf(showId, identity);
    if (seated) await grantGuest(show, identity, seated.seat);
  },
);

/** The live show a seat belongs to (null once it ended). */
export async function showOfSeat(showId: string): Promise<StageShow | null> {
  return db.show.findFirst({
    where: { id: showId, status: "LIVE" },
    select: { id: true, roomNumber: true, hostId: true },
  });
}

/** A new guest whose camera and microphone are not both published in time leaves the stage. */
export const publishDeadlineJob = defineJob("stage.publish-deadline", z.object({ seatId: z.string() }), async ({ seatId }) => {
  const seat = await db.stageSeat.findFirst({ where: { id: seatId, leftAt: null, onStageAt: null }, select: seatSelect });
  if (!seat) return;
  const show = await showOfSeat(seat.showId);
  if (show) await takeOffStage(show, seat, "NO_PUBLISH");
});
