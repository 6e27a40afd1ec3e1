import "server-only";
import { type Tx, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EgressKind } from "@/lib/generated/prisma/enums";
import { type ChannelState, channelState } from "@/lib/push/channel-state";
import { getSettings } from "@/lib/settings";

// Push channels of an account (the original's 20101 limit and its 1-hour hold). A channel is what
// a viewer or another platform follows: the HLS channel's id is the public link /play/<id>.

export type PushKind = Extract<EgressKind, "HLS" | "RTMP">;

const channelSelect = {
  id: true,
  kind: true,
  hostId: true,
  createdAt: true,
  closedAt: true,
  egresses: { select: { id: true, showId: true, status: true, startedAt: true, endedAt: true } },
} as const;

async function openChannelsOf(client: Tx | typeof db, hostId: string) {
  return client.pushChannel.findMany({ where: { hostId, closedAt: null }, select: channelSelect, orderBy: { createdAt: "asc" } });
}

export type Channel = Awaited<ReturnType<typeof openChannelsOf>>[number];

/**
 * The account's channel of this kind for a new push, in the caller's transaction (the account's
 * row is locked, so concurrent starts see each other): the one pushing ("already pushing"), or
 * the one held from an earlier push (same link), or a new one if the account is under its limit
 * (setting `pushChannelLimit`). Channels past their hold are closed (reclaimed) on the way.
 */
export async function openChannel(tx: Tx, hostId: string, kind: PushKind, now = new Date()): Promise<{ channel: Channel; pushing: boolean; created: boolean }> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${hostId} FOR UPDATE`;
  const { pushChannelLimit, pushChannelHoldSeconds } = await getSettings();
  const alive: { channel: Channel; state: ChannelState }[] = [];
  for (const channel of await openChannelsOf(tx, hostId)) {
    const { state, heldUntil } = channelState(channel, pushChannelHoldSeconds, now);
    if (state === "CLOSED") await tx.pushChannel.update({ where: { id: channel.id }, data: { closedAt: heldUntil ?? now } });
    else alive.push({ channel, state });
  }
  const same = alive.find((c) => c.channel.kind === kind);
  if (same) return { channel: same.channel, pushing: same.state === "PUSHING", created: false };
  if (alive.length >= pushChannelLimit) {
    throw new AppError(
      "CHANNEL_LIMIT",
      `Channel limit reached: your account has ${alive.length} push channel${alive.length === 1 ? "" : "s"} open (the limit is ${pushChannelLimit}). ` +
        "Stop a push, or wait until a stopped one is released.",
    );
  }
  const channel = await tx.pushChannel.create({ data: { hostId, kind }, select: channelSelect });
  return { channel, pushing: false, created: true };
}

/** A channel opened for a start that then failed: nothing ever ran on it, so it goes. */
export async function dropUnusedChannel(channelId: string): Promise<void> {
  await db.pushChannel.deleteMany({ where: { id: channelId, egresses: { none: {} }, destinations: { none: {} } } });
}

/** Reclaims channels whose hold is over (the limit's check does it too; this keeps the table tidy). */
export async function reclaimChannels(now = new Date()): Promise<number> {
  const { pushChannelHoldSeconds } = await getSettings();
  const open = await db.pushChannel.findMany({ where: { closedAt: null }, select: channelSelect });
  let closed = 0;
  for (const channel of open) {
    const { state, heldUntil } = channelState(channel, pushChannelHoldSeconds, now);
    if (state !== "CLOSED") continue;
    const { count } = await db.pushChannel.updateMany({ where: { id: channel.id, closedAt: null }, data: { closedAt: heldUntil ?? now } });
    closed += count;
  }
  return closed;
}

export type ChannelView = {
  id: string;
  kind: PushKind;
  state: ChannelState;
  heldUntil: Date | null;
  /** The public watch page of an HLS channel. */
  playbackPath: string | null;
  destinations: { id: string; label: string; status: "STARTING" | "ACTIVE" | "STOPPED" | "FAILED"; error: string | null }[];
};

const SLOT: readonly string[] = ["STARTING", "ACTIVE", "ENDING"];

/** The account's open channels as the studio shows them, each with its state and destinations. */
export async function channelsOfHost(hostId: string, now = new Date()): Promise<ChannelView[]> {
  const { pushChannelHoldSeconds } = await getSettings();
  const channels = await db.pushChannel.findMany({
    where: { hostId, closedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      ...channelSelect,
      destinations: {
        orderBy: { startedAt: "asc" },
        select: { id: true, label: true, status: true, error: true, egressId: true },
        where: { status: { in: ["STARTING", "ACTIVE", "FAILED"] } },
      },
    },
  });
  const views: ChannelView[] = [];
  for (const channel of channels) {
    const { state, heldUntil } = channelState(channel, pushChannelHoldSeconds, now);
    if (state === "CLOSED" || (channel.kind !== "HLS" && channel.kind !== "RTMP")) continue;
    const running = new Set(channel.egresses.filter((e) => SLOT.includes(e.status)).map((e) => e.id));
    views.push({
      id: channel.id,
      kind: channel.kind,
      state,
      heldUntil,
      playbackPath: channel.kind === "HLS" ? `/play/${channel.id}` : null,
      // A destination of a job that ended is shown as ended, even before the webhook's details came in.
      destinations: channel.destinations
        .filter((d) => d.status === "FAILED" || !d.egressId || running.has(d.egressId))
        .map(({ id, label, status, error }) => ({ id, label, status, error })),
    });
  }
  return views;
}
