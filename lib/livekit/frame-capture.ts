import "server-only";
import {
  type RemoteTrack,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  TrackKind,
  TrackSource,
  VideoBufferType,
  VideoStream,
} from "@livekit/rtc-node";
import { randomBytes } from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import { livekitConfig } from "@/lib/livekit/config";

// Server-side frame capture: a short-lived, hidden, subscribe-only participant joins the room,
// subscribes to every camera in it (the host's, and each stage guest's), keeps the first decoded
// frame of each and leaves. It never trusts what a browser says it shows, and it costs nothing
// between samples (no connection, no decoding). Measured in bench/screening.

/** One decoded camera frame, as RGB bytes (3 per pixel, row by row). */
export type CapturedFrame = {
  participantIdentity: string;
  trackSid: string;
  width: number;
  height: number;
  rgb: Uint8Array;
  capturedAt: Date;
};

export type CaptureResult = {
  frames: CapturedFrame[];
  /** cameras that were published but gave no frame in time (muted, stalled…) */
  missed: { participantIdentity: string; trackSid: string }[];
};

// Never a user id, so presence (webhooks, reconcile) ignores these connections.
const IDENTITY_PREFIX = "suixin-screening~";

async function captureToken(roomName: string): Promise<string> {
  const { apiKey, apiSecret } = livekitConfig();
  const token = new AccessToken(apiKey, apiSecret, {
    identity: `${IDENTITY_PREFIX}${randomBytes(4).toString("hex")}`,
    name: "Screening",
    ttl: 60,
  });
  // hidden: not in anyone's member list; no publishing of any kind.
  token.addGrant({ room: roomName, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true });
  return token.toJwt();
}

function isCamera(publication: RemoteTrackPublication): boolean {
  return publication.kind === TrackKind.KIND_VIDEO && publication.source === TrackSource.SOURCE_CAMERA && !publication.muted;
}

async function firstFrame(track: RemoteTrack, signal: AbortSignal): Promise<{ width: number; height: number; rgb: Uint8Array } | null> {
  const stream = new VideoStream(track);
  const reader = stream.getReader();
  const abort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener("abort", abort, { once: true });
  try {
    const { value, done } = await reader.read();
    if (done || !value) return null;
    const rgb = value.frame.convert(VideoBufferType.RGB24);
    return { width: rgb.width, height: rgb.height, rgb: rgb.data };
  } finally {
    signal.removeEventListener("abort", abort);
    // Stop decoding at once: one frame is all we came for.
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * One frame of every unmuted camera in `roomName`, within `timeoutMs` overall. A room without
 * cameras gives no frames; a camera that sends nothing in time is listed in `missed`. Throws
 * only when LiveKit cannot be reached or refuses the connection.
 */
export async function captureCameraFrames(roomName: string, { timeoutMs = 8_000, maxTracks = 8 } = {}): Promise<CaptureResult> {
  const room = new Room();
  const deadline = AbortSignal.timeout(timeoutMs);
  const pending = new Map<string, { participantIdentity: string; trackSid: string }>();
  const frames: CapturedFrame[] = [];
  const grabs: Promise<void>[] = [];
  let allDone: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (allDone = resolve));

  const settleIfDone = () => {
    if (pending.size === 0) allDone();
  };
  room.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
    const sid = publication.sid;
    if (!sid || !pending.has(sid)) return;
    grabs.push(
      firstFrame(track, deadline)
        .then((frame) => {
          if (frame) frames.push({ participantIdentity: participant.identity, trackSid: sid, ...frame, capturedAt: new Date() });
        })
        .catch(() => undefined)
        .finally(() => {
          if (frames.some((f) => f.trackSid === sid)) pending.delete(sid);
          settleIfDone();
        }),
    );
  });

  try {
    const { wsUrl } = livekitConfig();
    await Promise.race([
      room.connect(wsUrl, await captureToken(roomName), { autoSubscribe: false, dynacast: false }),
      new Promise<never>((_, reject) => deadline.addEventListener("abort", () => reject(new Error("LiveKit connection timed out")), { once: true })),
    ]);
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        if (!isCamera(publication) || !publication.sid || pending.size >= maxTracks) continue;
        pending.set(publication.sid, { participantIdentity: participant.identity, trackSid: publication.sid });
        publication.setSubscribed(true);
      }
    }
    settleIfDone();
    await Promise.race([finished, new Promise<void>((resolve) => deadline.addEventListener("abort", () => resolve(), { once: true }))]);
    await Promise.allSettled(grabs);
    return { frames, missed: [...pending.values()] };
  } finally {
    await room.disconnect().catch(() => undefined);
  }
}
