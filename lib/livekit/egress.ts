import "server-only";
import { type EgressInfo, StreamInfo_Status } from "@livekit/protocol";
import {
  EgressClient,
  EgressStatus as SdkEgressStatus,
  EncodedFileOutput,
  ServerError,
  EncodedFileType,
  SegmentedFileOutput,
  SegmentedFileProtocol,
  StreamOutput,
  StreamProtocol,
} from "livekit-server-sdk";
import type { EgressKind, EgressStatus } from "@/lib/generated/prisma/enums";
import { livekitConfig } from "@/lib/livekit/config";
import { EGRESS_REQUEST_TIMEOUT_SECONDS, toEgressError } from "@/lib/livekit/egress-errors";

// The one place that starts, lists and stops LiveKit egresses. Callers get app types only.

/** One egress job as the app sees it. `kind` is null for jobs the app did not start. */
export type EgressJob = {
  egressId: string;
  roomName: string;
  kind: EgressKind | null;
  status: EgressStatus;
  error?: string;
  startedAt?: Date;
  endedAt?: Date;
  files: { path: string; durationSeconds: number; sizeBytes: number; startedAt?: Date; endedAt?: Date }[];
  /** Push targets as LiveKit reports them: `url` is redacted by Egress (stream key shortened, see lib/push/redact). */
  streams: { url: string; status: StreamStatus; error?: string; startedAt?: Date; endedAt?: Date }[];
  segments: { playlistPath: string; livePlaylistPath: string; count: number; durationSeconds: number }[];
};

/** ACTIVE without startedAt: added, not connected yet. */
export type StreamStatus = "ACTIVE" | "FINISHED" | "FAILED";

const STREAM_STATUS: Record<StreamInfo_Status, StreamStatus> = {
  [StreamInfo_Status.ACTIVE]: "ACTIVE",
  [StreamInfo_Status.FINISHED]: "FINISHED",
  [StreamInfo_Status.FAILED]: "FAILED",
};

let client: EgressClient | undefined;

function egressClient(): EgressClient {
  const { apiUrl, apiKey, apiSecret } = livekitConfig();
  // Short timeout: without Egress, LiveKit only answers after ~20 s (see lib/livekit/egress-errors).
  client ??= new EgressClient(apiUrl, apiKey, apiSecret, { requestTimeout: EGRESS_REQUEST_TIMEOUT_SECONDS });
  return client;
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toEgressError(error);
  }
}

const STATUS: Record<SdkEgressStatus, EgressStatus> = {
  [SdkEgressStatus.EGRESS_STARTING]: "STARTING",
  [SdkEgressStatus.EGRESS_ACTIVE]: "ACTIVE",
  [SdkEgressStatus.EGRESS_ENDING]: "ENDING",
  [SdkEgressStatus.EGRESS_COMPLETE]: "COMPLETE",
  [SdkEgressStatus.EGRESS_FAILED]: "FAILED",
  [SdkEgressStatus.EGRESS_ABORTED]: "ABORTED",
  // a time limit ended it; what was written is finalized like a normal stop
  [SdkEgressStatus.EGRESS_LIMIT_REACHED]: "COMPLETE",
};

/** Nanoseconds since the epoch (0 = not yet) → Date. */
function nsDate(ns: bigint): Date | undefined {
  return ns > 0n ? new Date(Number(ns / 1_000_000n)) : undefined;
}

function kindOf(info: EgressInfo): EgressKind | null {
  const request = info.request;
  if (request.case === "participant") return request.value.fileOutputs.length > 0 ? "MP4" : null;
  if (request.case === "roomComposite") {
    const r = request.value;
    if (r.segmentOutputs.length > 0 || r.output.case === "segments") return "HLS";
    if (r.streamOutputs.length > 0 || r.output.case === "stream") return "RTMP";
    if (r.fileOutputs.length > 0 || r.output.case === "file") return "MP4";
  }
  if (request.case === "trackComposite") return request.value.fileOutputs.length > 0 ? "MP4" : null; // audio-only recording
  return null;
}

/** SDK EgressInfo → the app's view. Also used for webhooks (lib/livekit/webhook). */
export function toEgressJob(info: EgressInfo): EgressJob {
  return {
    egressId: info.egressId,
    roomName: info.roomName,
    kind: kindOf(info),
    status: STATUS[info.status] ?? "FAILED",
    error: info.error || undefined,
    startedAt: nsDate(info.startedAt),
    endedAt: nsDate(info.endedAt),
    files: info.fileResults.map((f) => ({
      path: f.location || f.filename,
      durationSeconds: Number(f.duration) / 1e9,
      sizeBytes: Number(f.size),
      startedAt: nsDate(f.startedAt),
      endedAt: nsDate(f.endedAt),
    })),
    streams: info.streamResults.map((s) => ({
      url: s.url,
      status: STREAM_STATUS[s.status] ?? "FAILED",
      error: s.error || undefined,
      startedAt: nsDate(s.startedAt),
      endedAt: nsDate(s.endedAt),
    })),
    segments: info.segmentResults.map((s) => ({
      playlistPath: s.playlistLocation || s.playlistName,
      livePlaylistPath: s.livePlaylistLocation || s.livePlaylistName,
      count: Number(s.segmentCount),
      durationSeconds: Number(s.duration) / 1e9,
    })),
  };
}

export type HlsRequest = {
  roomName: string;
  /** absolute path + prefix of the segment files, e.g. /data/egress/hls/10001/<run>/seg */
  filenamePrefix: string;
  playlistName: string;
  livePlaylistName: string;
  segmentSeconds: number;
  /** The composite page to load instead of Egress's template_base (e.g. with the overlay), query included. */
  page?: string;
};

/** Egress's own template_base, or the page the job names (Egress adds url, token and layout to its query). */
function compositeOptions(page: string | undefined) {
  return page ? { layout: "speaker", customBaseUrl: page } : { layout: "speaker" };
}

/** The room's composite (our layout page, rendered by Egress's Chromium) as live HLS segments. */
export async function startHlsComposite(req: HlsRequest): Promise<EgressJob> {
  const segments = new SegmentedFileOutput({
    protocol: SegmentedFileProtocol.HLS_PROTOCOL,
    filenamePrefix: req.filenamePrefix,
    playlistName: req.playlistName,
    livePlaylistName: req.livePlaylistName,
    segmentDuration: req.segmentSeconds,
  });
  const info = await call(() => egressClient().startRoomCompositeEgress(req.roomName, { segments }, compositeOptions(req.page)));
  return toEgressJob(info);
}

/** The room's composite pushed to RTMP(S) URLs. */
export async function startRtmpComposite(roomName: string, urls: string[], page?: string): Promise<EgressJob> {
  const stream = new StreamOutput({ protocol: StreamProtocol.RTMP, urls });
  const info = await call(() => egressClient().startRoomCompositeEgress(roomName, { stream }, compositeOptions(page)));
  return toEgressJob(info);
}

/** One participant's camera + microphone to an MP4 file (no browser involved). */
export async function startParticipantMp4(roomName: string, identity: string, filepath: string): Promise<EgressJob> {
  const file = new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath });
  const info = await call(() => egressClient().startParticipantEgress(roomName, identity, { file }));
  return toEgressJob(info);
}

/** Adds push URLs to, or removes them from, a running RTMP job (multistream); removing the last one ends it. */
export async function updateStreamUrls(egressId: string, add: string[], remove: string[]): Promise<EgressJob> {
  return toEgressJob(await call(() => egressClient().updateStream(egressId, add, remove)));
}

/** One audio track (the host's microphone) to an MP4 file with no video stream. */
export async function startAudioMp4(roomName: string, audioTrackId: string, filepath: string): Promise<EgressJob> {
  const file = new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath });
  const info = await call(() => egressClient().startTrackCompositeEgress(roomName, { file }, { audioTrackId }));
  return toEgressJob(info);
}

export async function stopEgress(egressId: string): Promise<EgressJob> {
  return toEgressJob(await call(() => egressClient().stopEgress(egressId)));
}

/** Egress jobs as LiveKit last recorded them (its store keeps ended jobs for a day). */
export async function listEgresses(filter: { roomName?: string; active?: boolean } = {}): Promise<EgressJob[]> {
  const infos = await call(() => egressClient().listEgress(filter));
  return infos.map(toEgressJob);
}

/** LiveKit found no Egress handler subscribed for the job (psrpc's "no response from servers"). */
function isNoHandler(error: unknown): boolean {
  return error instanceof ServerError && /no response from servers/i.test(error.message);
}

/**
 * Whether the Egress process that runs this job still answers for it. LiveKit's own record stays
 * ACTIVE forever when Egress dies without reporting (a crash, a kill), so we ask the job itself:
 * an empty stream update reaches the job's handler (and changes nothing). LiveKit answers "no
 * response from servers" (after ~1–3 s) when no handler is there: false. Any answer from the
 * handler, even "not a stream" for a recording, means it is alive: true. A handler that took the
 * request but has not answered yet (one still starting waits until its pipeline is up) is alive
 * too, so a timeout is not "gone": null, like any other failure to ask (LiveKit unreachable).
 */
export async function egressAnswers(egressId: string): Promise<boolean | null> {
  try {
    await egressClient().updateStream(egressId, [], []);
    return true;
  } catch (error) {
    if (isNoHandler(error)) return false;
    if (error instanceof ServerError) {
      if (error.status === 404 || error.code === "not_found") return false; // LiveKit does not know it
      if (error.status === 503 || error.status >= 500) return null; // e.g. LiveKit without Redis
      return true; // the handler answered (e.g. "non-streaming pipeline")
    }
    return null;
  }
}
