import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { type HostStage, MAX_GUESTS } from "@/lib/stage/schema";
import { openSeats } from "@/lib/stage/seats";
import { requireLiveShow, requireStageManager } from "@/lib/stage/show";

const RECENT_INVITES = 20;

/** The stage as the host's studio shows it: guests, raised hands, recent invites and their answers. */
export async function stageForHost(user: SessionUser, roomNumber: number): Promise<HostStage> {
  const show = await requireLiveShow(roomNumber);
  requireStageManager(user, show);
  const now = new Date();
  const [seats, hands, invites] = await Promise.all([
    openSeats(show.id),
    db.stageRequest.findMany({
      where: { showId: show.id, kind: "HAND", status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { id: true, identity: true, createdAt: true, user: { select: { name: true } } },
    }),
    db.stageRequest.findMany({
      where: { showId: show.id, kind: "INVITE" },
      orderBy: { createdAt: "desc" },
      take: RECENT_INVITES,
      select: { id: true, identity: true, status: true, expiresAt: true, user: { select: { name: true } } },
    }),
  ]);
  return {
    maxGuests: MAX_GUESTS,
    guests: seats.map((s) => ({
      identity: s.identity,
      name: s.user.name,
      seat: s.seat,
      onStage: s.onStageAt !== null,
      micMutedByHost: s.micMutedByHost,
      cameraMutedByHost: s.cameraMutedByHost,
    })),
    hands: hands.map((h) => ({ id: h.id, identity: h.identity, name: h.user.name, raisedAt: h.createdAt.toISOString() })),
    invites: invites.map((i) => ({
      id: i.id,
      identity: i.identity,
      name: i.user.name,
      // Past its time but not yet marked by the expiry job: it is expired all the same.
      status: i.status === "PENDING" && i.expiresAt && i.expiresAt <= now ? "EXPIRED" : i.status,
      expiresAt: i.expiresAt?.toISOString() ?? null,
    })),
  };
}

/** Everyone who was on stage in a show (camera and microphone seen), in the order they first joined. */
export async function guestsOfShow(showId: string): Promise<{ userId: string; name: string }[]> {
  const seats = await db.stageSeat.findMany({
    where: { showId, onStageAt: { not: null } },
    orderBy: { onStageAt: "asc" },
    select: { userId: true, user: { select: { name: true } } },
  });
  const seen = new Map<string, string>();
  for (const s of seats) if (!seen.has(s.userId)) seen.set(s.userId, s.user.name);
  return [...seen].map(([userId, name]) => ({ userId, name }));
}
