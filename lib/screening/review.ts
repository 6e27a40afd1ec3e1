import "server-only";
import { recordAudit, showTarget } from "@/lib/admin/audit";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { consume } from "@/lib/rate-limit";
import { readFrame } from "@/lib/screening/frames";
import { readScores } from "@/lib/screening/rules";
import { screeningHealth } from "@/lib/screening/health";
import { getSettings } from "@/lib/settings";
import { requireShow } from "@/lib/shows/get-show";

// What operators see of screening and what they decide. Frames and scores are for operators only
// (permission "screening.review"), checked against the show they belong to.

const HISTORY = 40;

export function frameUrl(file: string | null): string | null {
  return file ? `/api/screening/frames/${file}` : null;
}

async function requireReviewer(user: SessionUser, roomNumber: number) {
  const show = await requireShow(roomNumber);
  if (!can(showRoleOf(user, show), "screening.review")) throw new AppError("FORBIDDEN", "Only operators can see screening results.");
  return show;
}

/** Screening of one show for an operator: health, blur, the open flag, the recent samples. */
export async function screeningOverview(user: SessionUser, roomNumber: number) {
  const show = await requireReviewer(user, roomNumber);
  const [state, settings, samples, flags] = await Promise.all([
    db.screeningState.findUnique({ where: { showId: show.id } }),
    getSettings(),
    db.screeningSample.findMany({
      where: { showId: show.id },
      orderBy: { capturedAt: "desc" },
      take: HISTORY,
      select: { id: true, participantIdentity: true, capturedAt: true, classifiedAt: true, scores: true, topClass: true, frameFile: true },
    }),
    db.screeningFlag.findMany({
      where: { showId: show.id },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: {
        id: true, status: true, action: true, className: true, score: true, threshold: true, reason: true, scores: true, frameFile: true,
        hits: true, createdAt: true, lastSeenAt: true, appeal: true, appealedAt: true, reviewedAt: true, reviewedBy: { select: { name: true } },
      },
    }),
  ]);
  return {
    roomNumber: show.roomNumber,
    live: show.status === "LIVE",
    blurred: state?.blurred ?? false,
    health: show.status === "LIVE" ? screeningHealth(state, show, settings.screeningIntervalSeconds, new Date()) : null,
    lastError: state?.lastError ?? null,
    samples: samples.map(({ frameFile, scores, ...s }) => ({ ...s, scores: readScores(scores), frameUrl: frameUrl(frameFile) })),
    flags: flags.map(({ frameFile, reviewedBy, scores, ...f }) => ({ ...f, scores: readScores(scores), reviewedBy: reviewedBy?.name ?? null, frameUrl: frameUrl(frameFile) })),
  };
}

export type ScreeningOverview = Awaited<ReturnType<typeof screeningOverview>>;

/** A captured frame, for an operator who may review the show it was taken from. */
export async function frameForReviewer(user: SessionUser, file: string): Promise<Buffer> {
  const owner =
    (await db.screeningSample.findFirst({ where: { frameFile: file }, select: { show: { select: { roomNumber: true } } } })) ??
    (await db.screeningFlag.findFirst({ where: { frameFile: file }, select: { show: { select: { roomNumber: true } } } }));
  if (!owner) throw new AppError("NOT_FOUND", "No such frame.");
  await requireReviewer(user, owner.show.roomNumber);
  const bytes = await readFrame(file);
  if (!bytes) throw new AppError("NOT_FOUND", "No such frame.");
  return bytes;
}

/**
 * "Looks fine": the operator's decision on a show's open flag. Clears a blur at once (every
 * viewer's player), closes the flag, and pauses automatic flags and blurs of the show for
 * screeningQuietMinutes (the operator has seen this picture; end rules still apply).
 */
export async function clearScreening(user: SessionUser, roomNumber: number): Promise<{ cleared: number; unblurred: boolean }> {
  await consume("screening.review", user.id);
  const show = await requireReviewer(user, roomNumber);
  const now = new Date();
  const quietUntil = new Date(now.getTime() + (await getSettings()).screeningQuietMinutes * 60_000);
  const { cleared, unblurred } = await db.$transaction(async (tx) => {
    const flags = await tx.screeningFlag.updateMany({
      where: { showId: show.id, status: "OPEN" },
      data: { status: "CLEARED", reviewedById: user.id, reviewedAt: now },
    });
    const before = await tx.screeningState.findUnique({ where: { showId: show.id }, select: { blurred: true } });
    await tx.screeningState.upsert({
      where: { showId: show.id },
      create: { showId: show.id, quietUntil },
      update: { blurred: false, blurredAt: null, quietUntil },
    });
    const unblurred = before?.blurred ?? false;
    await recordAudit(tx, user, { action: "screening.clear", target: showTarget(show), details: { cleared: flags.count, unblurred } });
    return { cleared: flags.count, unblurred };
  });
  // Sent even when nothing was blurred in the database: a viewer's page may have missed the state.
  if (show.status === "LIVE") await broadcastRoomEvent(show.roomNumber, { type: "screening-clear" });
  return { cleared, unblurred };
}
