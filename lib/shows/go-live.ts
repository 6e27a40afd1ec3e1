import "server-only";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createRoom } from "@/lib/livekit/rooms";
import { consume } from "@/lib/rate-limit";
import { getSetting } from "@/lib/settings";
import { deleteCover, renderCover, saveCover } from "@/lib/shows/cover";
import { type ConnectionDetails, connectionDetails } from "@/lib/shows/host-connection";
import { roomNameFor } from "@/lib/shows/room-name";
import { liveShowOfHost } from "@/lib/shows/show-for-host";
import type { goLiveSchema } from "@/lib/shows/schema";

async function alreadyLive(hostId: string): Promise<AppError> {
  const live = await liveShowOfHost(hostId);
  return new AppError(
    "ALREADY_LIVE",
    live
      ? `You are already live in room ${live.roomNumber}. End that show before starting another.`
      : "You are already live. End that show before starting another.",
  );
}

/**
 * Starts a show: assigns the next room number, creates the LiveKit room and returns the
 * host's publishing connection. One live show per host (also enforced by a unique index).
 */
export async function goLive(user: SessionUser, input: z.output<typeof goLiveSchema>): Promise<ConnectionDetails> {
  await consume("show.go-live", user.id);
  if (await liveShowOfHost(user.id)) throw await alreadyLive(user.id);
  if (input.cover) await consume("show.cover-upload", user.id);
  // Validate the cover fully before anything is stored.
  const cover = input.cover ? await renderCover(input.cover) : null;
  const coverPath = cover ? await saveCover(cover) : null;

  let show;
  try {
    show = await db.show.create({ data: { hostId: user.id, title: input.title, coverPath }, select: { id: true, roomNumber: true } });
  } catch (error) {
    if (coverPath) await deleteCover(coverPath);
    if (isUniqueViolation(error)) throw await alreadyLive(user.id);
    throw error;
  }

  const grace = await getSetting("hostGraceSeconds");
  try {
    // The room outlives a host who drops for the grace period; the app ends the show, not LiveKit.
    await createRoom(roomNameFor(show.roomNumber), { emptyTimeout: grace + 60, departureTimeout: grace + 30 });
  } catch (error) {
    // No room, no show: leave nothing behind.
    await db.show.delete({ where: { id: show.id } });
    if (coverPath) await deleteCover(coverPath);
    throw error;
  }
  return connectionDetails(user, show.roomNumber, "host");
}
