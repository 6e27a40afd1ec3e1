import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { type Broadcast, broadcastsOfShow, showForBroadcaster } from "@/lib/egress/broadcasts";
import { isPlaceholder } from "@/lib/egress/record-egress";
import { type LiveShow, startOutput } from "@/lib/egress/start-broadcast";
import { stopOutput } from "@/lib/egress/stop-broadcast";
import { AppError } from "@/lib/errors";
import { updateStreamUrls } from "@/lib/livekit/egress";
import { type ChannelView, type PushKind, channelsOfHost, dropUnusedChannel, openChannel } from "@/lib/push/channels";
import { assertPushDestination } from "@/lib/push/destination";
import { applyStreamResults } from "@/lib/push/destinations";
import { livekitRedactedUrl, maskPushUrl } from "@/lib/push/redact";
import { MAX_DESTINATIONS } from "@/lib/push/schema";
import { consume } from "@/lib/rate-limit";

/** What the studio shows after any push or recording change. */
export type PushStatus = { broadcasts: Broadcast[]; channels: ChannelView[]; notice?: { code: "ALREADY_PUSHING"; message: string; channelId: string } };

export async function pushStatusOf(show: { id: string; hostId: string }, notice?: PushStatus["notice"]): Promise<PushStatus> {
  const [broadcasts, channels] = await Promise.all([broadcastsOfShow(show.id), channelsOfHost(show.hostId)]);
  return notice ? { broadcasts, channels, notice } : { broadcasts, channels };
}

export async function pushStatus(user: SessionUser, roomNumber: number): Promise<PushStatus> {
  return pushStatusOf(await showForBroadcaster(user, roomNumber));
}

async function liveShowOf(user: SessionUser, roomNumber: number): Promise<LiveShow> {
  const show = await showForBroadcaster(user, roomNumber);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  return show;
}

function alreadyPushing(kind: PushKind, channelId: string): PushStatus["notice"] {
  const what = kind === "HLS" ? "The HLS stream" : "This destination";
  return { code: "ALREADY_PUSHING", message: `Already pushing: ${what} is running on channel ${channelId}.`, channelId };
}

/**
 * Starts the show's HLS push on the account's HLS channel. Starting it again while it runs is not
 * an error: the answer carries the running channel and an "already pushing" notice.
 */
export async function startHlsPush(user: SessionUser, roomNumber: number, overlay = false): Promise<PushStatus> {
  const show = await liveShowOf(user, roomNumber);
  await consume("push.start", user.id);
  const { channel, pushing, created } = await db.$transaction((tx) => openChannel(tx, user.id, "HLS"));
  if (pushing) return pushStatusOf(show, alreadyPushing("HLS", channel.id));
  try {
    await startOutput(show, { kind: "HLS", overlay }, channel.id);
  } catch (error) {
    if (created) await dropUnusedChannel(channel.id);
    // A concurrent start took the show's HLS slot first: that one is the push.
    if (error instanceof AppError && error.code === "EGRESS_RUNNING") return pushStatusOf(show, alreadyPushing("HLS", channel.id));
    throw error;
  }
  return pushStatusOf(show);
}

const LIVE_DESTINATION = ["STARTING", "ACTIVE"] as const;

/**
 * Adds one RTMP(S) destination to the show's push (multistream): the first starts the RTMP
 * channel's Egress job, the next ones join it (at most MAX_DESTINATIONS at once).
 */
export async function addDestination(user: SessionUser, input: { roomNumber: number; url: string; overlay?: boolean }): Promise<PushStatus> {
  const show = await liveShowOf(user, input.roomNumber);
  await consume("push.start", user.id);
  await assertPushDestination(input.url); // resolved now, right before Egress connects
  const redactedUrl = livekitRedactedUrl(input.url);
  const opened = await db.$transaction(async (tx) => {
    const { channel, created } = await openChannel(tx, user.id, "RTMP");
    const job = await tx.egress.findFirst({
      where: { channelId: channel.id, showId: show.id, kind: "RTMP", status: { in: ["STARTING", "ACTIVE"] } },
      select: { id: true, status: true },
    });
    const live = await tx.pushDestination.findMany({
      where: { channelId: channel.id, status: { in: [...LIVE_DESTINATION] }, ...(job ? { egressId: job.id } : { egressId: null }) },
      select: { url: true, redactedUrl: true },
    });
    if (live.some((d) => d.url === input.url)) return { channel, created, duplicate: true as const };
    if (live.length >= MAX_DESTINATIONS) {
      throw new AppError("VALIDATION", `At most ${MAX_DESTINATIONS} destinations at once. Stop one first.`, { url: ["Too many destinations"] });
    }
    if (live.some((d) => d.redactedUrl === redactedUrl)) {
      throw new AppError("VALIDATION", "Another destination on the same server has a stream key that looks the same. Use a different key.", { url: ["Looks like another destination"] });
    }
    if (job && isPlaceholder(job.id)) throw new AppError("EGRESS_RUNNING", "The RTMP push is starting. Add this destination in a moment.");
    const destination = await tx.pushDestination.create({
      data: { channelId: channel.id, url: input.url, label: maskPushUrl(input.url), redactedUrl, egressId: job?.id ?? null },
      select: { id: true },
    });
    return { channel, created, duplicate: false as const, destinationId: destination.id, egressId: job?.id ?? null };
  });
  if (opened.duplicate) return pushStatusOf(show, alreadyPushing("RTMP", opened.channel.id));

  try {
    const job = opened.egressId
      ? await updateStreamUrls(opened.egressId, [input.url], [])
      : await startOutput(show, { kind: "RTMP", urls: [input.url], overlay: input.overlay ?? false }, opened.channel.id);
    await db.$transaction(async (tx) => {
      await tx.pushDestination.updateMany({ where: { id: opened.destinationId }, data: { egressId: job.egressId } });
      await applyStreamResults(tx, job);
    });
  } catch (error) {
    await db.pushDestination.updateMany({
      where: { id: opened.destinationId },
      data: { status: "FAILED", error: error instanceof Error ? error.message : "The push did not start.", endedAt: new Date() },
    });
    if (opened.created) await dropUnusedChannel(opened.channel.id);
    throw error;
  }
  return pushStatusOf(show);
}

/** Stops one destination; the last one stops the channel's job. Only the channel's owner may. */
export async function stopDestination(user: SessionUser, input: { roomNumber: number; destinationId: string }): Promise<PushStatus> {
  const { destinationId } = input;
  const destination = await db.pushDestination.findUnique({
    where: { id: destinationId },
    select: { id: true, url: true, status: true, egressId: true, channel: { select: { hostId: true } } },
  });
  if (!destination) throw new AppError("NOT_FOUND", "No such output.");
  if (!can(showRoleOf(user, destination.channel), "show.broadcast")) throw new AppError("FORBIDDEN", "Only the host can stop this push.");
  const job = destination.egressId
    ? await db.egress.findUnique({ where: { id: destination.egressId }, select: { id: true, kind: true, status: true, show: { select: { id: true, roomNumber: true } } } })
    : null;
  if ((LIVE_DESTINATION as readonly string[]).includes(destination.status) && job) {
    const others = await db.pushDestination.count({
      where: { egressId: job.id, status: { in: [...LIVE_DESTINATION] }, id: { not: destination.id } },
    });
    if (others === 0) await stopOutput(job.show, job);
    else await updateStreamUrls(job.id, [], [destination.url]).catch((error: unknown) => {
      // already gone from the job (it failed on its own): stopping it is done
      if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
    });
  }
  await db.pushDestination.updateMany({
    where: { id: destination.id, status: { in: [...LIVE_DESTINATION] } },
    data: { status: "STOPPED", endedAt: new Date() },
  });
  return pushStatus(user, input.roomNumber);
}
