import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { SessionUser } from "@/lib/auth/session";
import { showForBroadcaster } from "@/lib/egress/broadcasts";
import { HLS_LIVE_PLAYLIST, HLS_PLAYLIST, HLS_SEGMENT_PREFIX, hlsRunDir, recordingsDir } from "@/lib/egress/paths";
import { fillReservation, releaseReservation, reserveEgress } from "@/lib/egress/record-egress";
import { titleSlug } from "@/lib/recording/names";
import type { EgressOutputs } from "@/lib/egress/schema";
import { signOverlay } from "@/lib/egress/overlay-token";
import { compositePageUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { EgressKind } from "@/lib/generated/prisma/enums";
import { type EgressJob, startAudioMp4, startHlsComposite, startParticipantMp4, startRtmpComposite } from "@/lib/livekit/egress";
import { microphoneTrackOf } from "@/lib/livekit/rooms";
import { maskPushUrl } from "@/lib/push/redact";
import { roomNameFor } from "@/lib/shows/room-name";

/** 1 s segments: hls.js then plays ~3 segments behind live, which keeps the delay near 4 s. */
const HLS_SEGMENT_SECONDS = 1;

const LABEL: Record<EgressKind, string> = { HLS: "The HLS stream", RTMP: "The RTMP push", MP4: "The recording" };

/** What to start: RTMP pushes name their (already checked) destinations. */
export type OutputSpec = { kind: "HLS"; overlay: boolean } | { kind: "MP4"; audioOnly: boolean } | { kind: "RTMP"; urls: string[]; overlay: boolean };

/** The composite with the show's chat and gifts over it (app/egress/layout?overlay=…), or Egress's default page (camera only). */
function compositePage(show: LiveShow, overlay: boolean): string | undefined {
  if (!overlay) return undefined;
  const page = new URL(compositePageUrl());
  page.searchParams.set("overlay", signOverlay(show.id));
  return page.toString();
}

export type LiveShow = { id: string; roomNumber: number; title: string; hostId: string };

async function start(spec: OutputSpec, show: LiveShow) {
  const roomName = roomNameFor(show.roomNumber);
  if (spec.kind === "HLS") {
    const runId = randomBytes(8).toString("hex");
    const dir = hlsRunDir(show.roomNumber, runId);
    await fs.mkdir(dir, { recursive: true });
    const job = await startHlsComposite({
      roomName,
      filenamePrefix: path.join(dir, HLS_SEGMENT_PREFIX),
      playlistName: HLS_PLAYLIST,
      livePlaylistName: HLS_LIVE_PLAYLIST,
      segmentSeconds: HLS_SEGMENT_SECONDS,
      page: compositePage(show, spec.overlay),
    });
    return { job, outputs: { hls: { runId, playlist: HLS_LIVE_PLAYLIST }, overlay: spec.overlay } };
  }
  if (spec.kind === "RTMP") {
    const job = await startRtmpComposite(roomName, spec.urls, compositePage(show, spec.overlay));
    return { job, outputs: { rtmp: { urls: spec.urls.map(maskPushUrl) }, overlay: spec.overlay } };
  }
  const dir = recordingsDir(show.roomNumber);
  await fs.mkdir(dir, { recursive: true });
  // {time} is filled in by Egress; the file is cut into parts named <title>_<start>_<end>.mp4 when it completes.
  const filepath = path.join(dir, `${titleSlug(show.title)}_{time}.mp4`);
  if (!spec.audioOnly) return { job: await startParticipantMp4(roomName, show.hostId, filepath), outputs: { files: [] } };
  const track = await microphoneTrackOf(roomName, show.hostId);
  if (!track) throw new AppError("VALIDATION", "Turn your microphone on to record audio.");
  return { job: await startAudioMp4(roomName, track, filepath), outputs: { files: [] } };
}

/** A push Egress could not start: the original's "push timed out", with the reason. */
function pushTimeout(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code === "VALIDATION") return error;
  return new AppError("PUSH_TIMEOUT", `Push timed out, retry in 30 s. ${error.message}`, undefined, 30);
}

/**
 * Starts one Egress job for a live show, one of each kind at a time: the slot first (a database
 * constraint), then Egress, so two concurrent starts cannot both pass. `channelId` ties a push
 * to its channel (lib/push). Returns the job as Egress answered.
 */
export async function startOutput(show: LiveShow, spec: OutputSpec, channelId: string | null = null): Promise<EgressJob> {
  const placeholder = await reserveEgress(show.id, spec.kind, channelId);
  if (!placeholder) throw new AppError("EGRESS_RUNNING", `${LABEL[spec.kind]} is already running. Stop it first.`);
  let started: { job: EgressJob; outputs: EgressOutputs };
  try {
    started = await start(spec, show);
  } catch (error) {
    await releaseReservation(placeholder);
    throw spec.kind === "MP4" ? error : pushTimeout(error);
  }
  await fillReservation(placeholder, show.id, spec.kind, started.job, started.outputs, channelId);
  return started.job;
}

/** Starts the host's recording of a live show: camera and microphone, or the microphone only. */
export async function startRecording(user: SessionUser, input: { roomNumber: number; audioOnly: boolean }): Promise<void> {
  const show = await showForBroadcaster(user, input.roomNumber);
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  await startOutput(show, { kind: "MP4", audioOnly: input.audioOnly });
}
