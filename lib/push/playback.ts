import "server-only";
import { db } from "@/lib/db";
import { currentHlsPlaylist } from "@/lib/egress/hls";
import { AppError } from "@/lib/errors";
import { channelState } from "@/lib/push/channel-state";
import { newViewerId, signPlayback, verifyPlayback } from "@/lib/push/playback-token";
import { consume } from "@/lib/rate-limit";
import { getSettings } from "@/lib/settings";
import { getShowByRoomNumber } from "@/lib/shows/get-show";

/** What a watch page needs to play a show's HLS push: the playlist and this viewer's signed link. */
export type Playback = { roomNumber: number; playlistPath: string; token: string; expiresAt: string; renewEverySeconds: number };

async function sign(show: { id: string; roomNumber: number }, viewer: string): Promise<Playback | null> {
  const playlistPath = await currentHlsPlaylist(show);
  if (!playlistPath) return null;
  const { playbackLinkSeconds } = await getSettings();
  const { token, expiresAt } = signPlayback(show.id, viewer, playbackLinkSeconds);
  // Renewed at half its life: a page that loses one renewal still has time for the next.
  return { roomNumber: show.roomNumber, playlistPath, token, expiresAt: expiresAt.toISOString(), renewEverySeconds: Math.max(5, Math.floor(playbackLinkSeconds / 2)) };
}

/** A new viewer's link to a show's running HLS push, or null when it is not pushing. */
export async function playbackOfShow(show: { id: string; roomNumber: number }): Promise<Playback | null> {
  return sign(show, newViewerId());
}

export type ChannelPlayback =
  | { state: "playing"; title: string; hostName: string; playback: Playback }
  | { state: "waiting"; hostName: string; heldUntil: Date | null };

/**
 * The public page of an HLS channel (/play/<id>): the push running on it now, whichever show it
 * is, or "waiting" while the channel is held between pushes. Null when there is no such open
 * channel (never was, or reclaimed after its hold).
 */
export async function playbackOfChannel(channelId: string): Promise<ChannelPlayback | null> {
  const channel = await db.pushChannel.findUnique({
    where: { id: channelId },
    select: {
      kind: true,
      createdAt: true,
      closedAt: true,
      host: { select: { name: true } },
      egresses: { select: { status: true, startedAt: true, endedAt: true, show: { select: { id: true, roomNumber: true, title: true, status: true } } } },
    },
  });
  if (!channel || channel.kind !== "HLS") return null;
  const { pushChannelHoldSeconds } = await getSettings();
  const { state, heldUntil } = channelState(channel, pushChannelHoldSeconds);
  if (state === "CLOSED") return null;
  const running = channel.egresses.find((e) => e.status === "STARTING" || e.status === "ACTIVE");
  const playback = running && running.show.status === "LIVE" ? await playbackOfShow(running.show) : null;
  if (!running || !playback) return { state: "waiting", hostName: channel.host.name, heldUntil };
  return { state: "playing", title: running.show.title, hostName: channel.host.name, playback };
}

/**
 * A fresh link for a watch page that is playing: the same viewer, a new expiry. Only a link this
 * app signed for this show is renewed (an expired one too, for one more lifetime: a tab that slept
 * reconnects; a link scraped long ago does not); anything else is refused, and a show that stopped
 * pushing answers "ended".
 */
export async function renewPlayback(roomNumber: number, token: string): Promise<Playback> {
  const show = await getShowByRoomNumber(roomNumber);
  if (!show) throw new AppError("NOT_FOUND", `There is no show in room ${roomNumber}.`);
  const check = verifyPlayback(token, show.id);
  if (!check.ok && check.reason === "invalid") throw new AppError("FORBIDDEN", "This playback link is not valid. Reload the page.");
  // A tab that slept through one renewal gets a new link; a link scraped long ago does not.
  const { playbackLinkSeconds } = await getSettings();
  if (!check.ok && Date.now() - check.expiresAt.getTime() > playbackLinkSeconds * 1000) {
    throw new AppError("FORBIDDEN", "This playback link has expired. Reload the page.");
  }
  const { viewer } = check;
  await consume("playback.renew", viewer);
  const playback = show.status === "LIVE" ? await sign(show, viewer) : null;
  if (!playback) throw new AppError("SHOW_ENDED", "This stream has ended.");
  return playback;
}
