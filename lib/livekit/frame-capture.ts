import "server-only";
import {
  type RemoteTrack,
  type RemoteTrackPublication,
  type VideoFrame,
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
// connected between samples and subscribed to every camera it has sampled, but with LiveKit's
// forwarding of those tracks paused, so between samples nothing is sent to it or decoded; for a
// sample it resumes each camera, keeps the first decoded frame and pauses it again (no
// renegotiation, the decoder kept). Measured against a fresh connection per sample and against
// subscribing per sample in bench/screening: see bench/README.md. It never trusts what a browser
// says it shows.

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

/** A subscribed camera: one stream of its decoded frames for the subscription's life. */
type Feed = { publication: RemoteTrackPublication; ready: Promise<void>; waiter: ((frame: VideoFrame) => void) | null };
type Watcher = { room: Room; connected: Promise<void>; busy: boolean; feeds: Map<string, Feed> };

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
    feeds: new Map(),
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
  room.on(RoomEvent.TrackUnpublished, (publication) => watcher.feeds.delete(publication.sid ?? ""));
  watchers.set(roomName, watcher);
  return watcher;
}

function until(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));
}

/**
 * Resumes or pauses LiveKit's forwarding of a subscribed track (UpdateTrackSettings.disabled, as
 * browsers do for hidden videos). rtc-node 1.1 wraps only `setSubscribed`; its native library
 * (`@livekit/rtc-ffi-bindings`, the FFI every rtc-node call goes through) has this request too, so
 * it is sent through the SDK's own FFI client. Covered by e2e/screening (a second sample of a
 * show needs it to resume).
 */
export function setForwarding(publication: RemoteTrackPublication, enabled: boolean): void {
  const ffi = globalThis._ffiClientInstance;
  if (!ffi) throw new Error("rtc-node's FFI client is not loaded");
  ffi.request({ message: { case: "enableRemoteTrackPublication", value: { trackPublicationHandle: publication.ffiHandle.handle, enabled } } });
}

/**
 * The camera's feed: subscribed once, then one stream read for the subscription's life (frames
 * are handed to a waiting sample, the rest dropped). A second stream on one track gives no frames.
 */
function feedFor(watcher: Watcher, publication: RemoteTrackPublication, signal: AbortSignal): Feed {
  const sid = publication.sid ?? "";
  const existing = watcher.feeds.get(sid);
  if (existing) return existing;
  const feed: Feed = { publication, ready: Promise.resolve(), waiter: null };
  const forget = () => {
    if (watcher.feeds.get(sid) === feed) watcher.feeds.delete(sid);
  };
  publication.setSubscribed(true);
  feed.ready = subscribedTrack(watcher.room, publication, signal).then((track) => {
    if (!track) throw new Error("camera not subscribed in time");
    const reader = new VideoStream(track).getReader();
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const waiter = feed.waiter;
        feed.waiter = null;
        waiter?.(value.frame);
      }
    })()
      .catch(() => undefined)
      .finally(forget);
  });
  feed.ready.catch(() => {
    forget();
    publication.setSubscribed(false);
  });
  watcher.feeds.set(sid, feed);
  return feed;
}

/** The next frame of a camera: forwarding resumed for it, paused again once it is here. */
async function nextFrame(feed: Feed, signal: AbortSignal): Promise<{ width: number; height: number; rgb: Uint8Array } | null> {
  await feed.ready;
  const frame = new Promise<VideoFrame>((resolve) => (feed.waiter = resolve));
  setForwarding(feed.publication, true);
  try {
    const got = await Promise.race([frame, until(signal).then(() => null)]);
    if (!got) return null;
    const rgb = got.convert(VideoBufferType.RGB24);
    return { width: rgb.width, height: rgb.height, rgb: rgb.data };
  } finally {
    feed.waiter = null;
    setForwarding(feed.publication, false);
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
        const frame = await nextFrame(feedFor(watcher, publication, deadline), deadline).catch(() => null);
        if (frame) frames.push({ participantIdentity, trackSid, ...frame, capturedAt: new Date() });
        else missed.push({ participantIdentity, trackSid });
      }),
    );
    return { frames, missed };
  } finally {
    watcher.busy = false;
  }
}

/** Leaves every screened room not in `keep` (shows that ended, or this instance stopped leading). */
export async function leaveCaptureRooms(keep: ReadonlySet<string> = new Set()): Promise<void> {
  const leaving = [...watchers.entries()].filter(([name, watcher]) => !keep.has(name) && !watcher.busy);
  for (const [name] of leaving) watchers.delete(name);
  await Promise.all(leaving.map(([, watcher]) => watcher.room.disconnect().catch(() => undefined)));
}
