import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { SessionUser } from "@/lib/auth/session";
import { type Broadcast, broadcastsOfShow, showForBroadcaster } from "@/lib/egress/broadcasts";
import { HLS_LIVE_PLAYLIST, HLS_PLAYLIST, HLS_SEGMENT_PREFIX, hlsRunDir, recordingsDir } from "@/lib/egress/paths";
import { fillReservation, releaseReservation, reserveEgress } from "@/lib/egress/record-egress";
import { titleSlug } from "@/lib/egress/recording-name";
import type { EgressOutputs, StartBroadcastInput } from "@/lib/egress/schema";
import { AppError } from "@/lib/errors";
import type { EgressKind } from "@/lib/generated/prisma/enums";
import { type EgressJob, startHlsComposite, startParticipantMp4, startRtmpComposite } from "@/lib/livekit/egress";
import { assertPushDestination } from "@/lib/push/destination";
import { roomNameFor } from "@/lib/shows/room-name";

/** 1 s segments: hls.js then plays ~3 segments behind live, which keeps the delay near 4 s. */
const HLS_SEGMENT_SECONDS = 1;

const LABEL: Record<EgressKind, string> = { HLS: "The HLS stream", RTMP: "The RTMP push", MP4: "The recording" };

/** The stream key is a secret of the host's: keep only the host and app in what we store and show. */
export function maskPushUrl(raw: string): string {
  const url = new URL(raw);
  const [app] = url.pathname.split("/").filter(Boolean);
  return `${url.protocol}//${url.host}/${app ?? ""}/…`;
}

async function start(input: StartBroadcastInput, show: { roomNumber: number; title: string; hostId: string }) {
  const roomName = roomNameFor(show.roomNumber);
  if (input.kind === "HLS") {
    const runId = randomBytes(8).toString("hex");
    const dir = hlsRunDir(show.roomNumber, runId);
    await fs.mkdir(dir, { recursive: true });
    const job = await startHlsComposite({
      roomName,
      filenamePrefix: path.join(dir, HLS_SEGMENT_PREFIX),
      playlistName: HLS_PLAYLIST,
      livePlaylistName: HLS_LIVE_PLAYLIST,
      segmentSeconds: HLS_SEGMENT_SECONDS,
    });
    return { job, outputs: { hls: { runId, playlist: HLS_LIVE_PLAYLIST } } };
  }
  if (input.kind === "RTMP") {
    await assertPushDestination(input.url); // resolved now, right before Egress connects
    const job = await startRtmpComposite(roomName, [input.url]);
    return { job, outputs: { rtmp: { urls: [maskPushUrl(input.url)] } } };
  }
  const dir = recordingsDir(show.roomNumber);
  await fs.mkdir(dir, { recursive: true });
  // {time} is filled in by Egress; the part is renamed <title>_<start>_<end>.mp4 when it completes.
  const job = await startParticipantMp4(roomName, show.hostId, path.join(dir, `${titleSlug(show.title)}_{time}.mp4`));
  return { job, outputs: { files: [] } };
}

/** Starts one output of a live show (HLS, RTMP push or MP4 recording); one of each kind at a time. */
export async function startBroadcast(user: SessionUser, input: StartBroadcastInput): Promise<Broadcast[]> {
  const show = await showForBroadcaster(user, input.roomNumber);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  // The slot first (a database constraint), then Egress: two concurrent starts cannot both pass.
  const placeholder = await reserveEgress(show.id, input.kind);
  if (!placeholder) throw new AppError("EGRESS_RUNNING", `${LABEL[input.kind]} is already running. Stop it first.`);
  let started: { job: EgressJob; outputs: EgressOutputs };
  try {
    started = await start(input, show);
  } catch (error) {
    await releaseReservation(placeholder);
    throw error;
  }
  await fillReservation(placeholder, show.id, input.kind, started.job, started.outputs);
  return broadcastsOfShow(show.id);
}
