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
import { hasPublishedCamera } from "@/lib/livekit/rooms";

// Server-side frame capture: a hidden, subscribe-only participant per screened room. It stays
// connected between samples but subscribed to nothing, so it receives and decodes no video in
// between; for a sample it subscribes to every camera in the room (the host's and each stage
// guest's), keeps the first decoded frame of each and unsubscribes again. Measured against a
// fresh connection per sample (signalling, ICE, DTLS and two webhooks each time) in
// bench/screening: see bench/README.md. It never trusts what a browser says it shows.

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

type Watcher = { room: Room; connected: Promise<void>; busy: boolean };

const state = globalThis as unknown as { suixinCaptureRooms?: Map<string, Watcher> };
const watchers = (state.suixinCaptureRooms ??= new Map());

async function captureToken(roomName: string): Promise<string> {
  const { apiKey, apiSecret } = livekitConfig();
  const token = new AccessToken(apiKey, apiSecret, {
    identity: `${IDENTITY_PREFIX}${randomBytes(4).toString("hex")}`,
    name: "Screening",
    // Only for joining: LiveKit renews a connected participant's token itself.
    ttl: 60,
  });
  // hidden: not in anyone's member list; no publishing of any kind.
  token.addGrant({ room: roomName, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true });
  return token.toJwt();
}

function isCamera(publication: RemoteTrackPublication): boolean {
  return publication.kind === TrackKind.KIND_VIDEO && publication.source === TrackSource.SOURCE_CAMERA && !publication.muted;
}

function watcherFor(roomName: string): Watcher {
  const existing = watchers.get(roomName);
  if (existing) return existing;
  const room = new Room();
  const watcher: Watcher = {
    room,
    busy: false,
    connected: captureToken(roomName).then((token) => room.connect(livekitConfig().wsUrl, token, { autoSubscribe: false, dynacast: false })),
  };
  // A failed or dropped connection is forgotten: the next sample connects again.
  const forget = () => {
    if (watchers.get(roomName) === watcher) watchers.delete(roomName);
  };
  watcher.connected.catch(() => {
    forget();
    void room.disconnect().catch(() => undefined);
  });
  room.on(RoomEvent.Disconnected, forget);
  watchers.set(roomName, watcher);
  return watcher;
}

function until(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));
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
    await reader.cancel().catch(() => undefined);
  }
}

/** The subscribed track of a publication, once LiveKit has delivered it. */
function subscribedTrack(room: Room, publication: RemoteTrackPublication, signal: AbortSignal): Promise<RemoteTrack | null> {
  if (publication.track) return Promise.resolve(publication.track);
  return new Promise((resolve) => {
    const onSubscribed = (track: RemoteTrack, pub: RemoteTrackPublication) => {
      if (pub.sid !== publication.sid) return;
      done(track);
    };
    const done = (track: RemoteTrack | null) => {
      room.off(RoomEvent.TrackSubscribed, onSubscribed);
      signal.removeEventListener("abort", onAbort);
      resolve(track);
    };
    const onAbort = () => done(null);
    room.on(RoomEvent.TrackSubscribed, onSubscribed);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * One frame of every unmuted camera in `roomName` (at most `maxTracks`), within `timeoutMs`
 * overall. A room without cameras gives no frames; a camera that sends nothing in time is listed
 * in `missed`. Throws only when LiveKit cannot be reached or refuses the connection. One capture
 * per room at a time (a second one while the first runs gets nothing).
 */
export async function captureCameraFrames(roomName: string, { timeoutMs = 8_000, maxTracks = 8 } = {}): Promise<CaptureResult> {
  // Joining is a WebRTC connection (measured in bench:admin: 100 live shows whose rooms had no
  // camera kept the app 15–45 % of a core busy joining them); one server API call says whether
  // there is any camera to take (no room yet, host away or audio only).
  if (!watchers.has(roomName) && !(await hasPublishedCamera(roomName))) return { frames: [], missed: [] };
  const watcher = watcherFor(roomName);
  if (watcher.busy) return { frames: [], missed: [] };
  watcher.busy = true;
  const deadline = AbortSignal.timeout(timeoutMs);
  const subscribed = new Set<RemoteTrackPublication>();
  try {
    await Promise.race([
      watcher.connected,
      until(deadline).then(() => Promise.reject(new Error("LiveKit connection timed out"))),
    ]);
    const cameras: { participantIdentity: string; publication: RemoteTrackPublication }[] = [];
    for (const participant of watcher.room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        if (isCamera(publication) && publication.sid && cameras.length < maxTracks) cameras.push({ participantIdentity: participant.identity, publication });
      }
    }
    const frames: CapturedFrame[] = [];
    const missed: CaptureResult["missed"] = [];
    await Promise.all(
      cameras.map(async ({ participantIdentity, publication }) => {
        const trackSid = publication.sid ?? "";
        publication.setSubscribed(true);
        subscribed.add(publication);
        const track = await subscribedTrack(watcher.room, publication, deadline);
        const frame = track ? await firstFrame(track, deadline).catch(() => null) : null;
        // Unsubscribed at once: between samples nothing is forwarded or decoded.
        publication.setSubscribed(false);
        subscribed.delete(publication);
        if (frame) frames.push({ participantIdentity, trackSid, ...frame, capturedAt: new Date() });
        else missed.push({ participantIdentity, trackSid });
      }),
    );
    return { frames, missed };
  } finally {
    for (const publication of subscribed) publication.setSubscribed(false);
    watcher.busy = false;
  }
}

/** Leaves every screened room not in `keep` (shows that ended, or this instance stopped leading). */
export async function leaveCaptureRooms(keep: ReadonlySet<string> = new Set()): Promise<void> {
  const leaving = [...watchers.entries()].filter(([name, watcher]) => !keep.has(name) && !watcher.busy);
  for (const [name] of leaving) watchers.delete(name);
  await Promise.all(leaving.map(([, watcher]) => watcher.room.disconnect().catch(() => undefined)));
}
