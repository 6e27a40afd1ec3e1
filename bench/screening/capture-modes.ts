// Four ways to take one frame of a camera every interval, measured side by side in
// bench:screening (the app uses "paused", in lib/livekit/frame-capture.ts):
// - "connect": a fresh hidden participant per sample (connect, subscribe, one frame, leave);
// - "toggle": one connection per room kept open, subscribed only while sampling;
// - "paused": one connection per room, subscribed all the time but forwarding paused by LiveKit
//   between samples (no renegotiation, the decoder kept);
// - "subscribed": one connection per room, subscribed all the time (every frame is received
//   and decoded), a frame read when a sample is due.
import { AccessToken } from "livekit-server-sdk";
import {
  type RemoteTrack,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  TrackKind,
  TrackSource,
  VideoBufferType,
  type VideoFrame,
  VideoStream,
} from "@livekit/rtc-node";
import sharp from "sharp";
import { setForwarding } from "../../lib/livekit/frame-capture";

export const CAPTURE_MODES = ["connect", "toggle", "paused", "subscribed"] as const;
export type CaptureMode = (typeof CAPTURE_MODES)[number];

type Credentials = { wsUrl: string; apiKey: string; apiSecret: string };

async function token(creds: Credentials, room: string): Promise<string> {
  const t = new AccessToken(creds.apiKey, creds.apiSecret, { identity: `suixin-screening~bench${Math.random().toString(36).slice(2, 8)}`, ttl: 600 });
  t.addGrant({ room, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true });
  return t.toJwt();
}

function cameras(room: Room): RemoteTrackPublication[] {
  return [...room.remoteParticipants.values()].flatMap((p) =>
    [...p.trackPublications.values()].filter((pub) => pub.kind === TrackKind.KIND_VIDEO && pub.source === TrackSource.SOURCE_CAMERA),
  );
}

function trackOf(room: Room, publication: RemoteTrackPublication): Promise<RemoteTrack> {
  if (publication.track) return Promise.resolve(publication.track);
  return new Promise((resolve) => {
    const on = (track: RemoteTrack, pub: RemoteTrackPublication) => {
      if (pub.sid !== publication.sid) return;
      room.off(RoomEvent.TrackSubscribed, on);
      resolve(track);
    };
    room.on(RoomEvent.TrackSubscribed, on);
  });
}

async function oneFrame(track: RemoteTrack) {
  const reader = new VideoStream(track).getReader();
  try {
    const { value } = await reader.read();
    if (!value) throw new Error("no frame");
    return value.frame.convert(VideoBufferType.RGB24);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** What the app does with each frame besides the model: the 224×224 input and the stored JPEG. */
export async function prepareFrame(frame: { data: Uint8Array; width: number; height: number }): Promise<void> {
  const raw = () => sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } });
  await raw().resize(224, 224, { fit: "fill" }).raw().toBuffer();
  await raw().resize({ width: Math.min(frame.width, 480), withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
}

export type Sampler = { sample: () => Promise<number>; close: () => Promise<void> };

/** A sampler of one room in the given mode; `sample` resolves to the ms from asking to the frame. */
export async function startSampler(mode: CaptureMode, creds: Credentials, roomName: string): Promise<Sampler> {
  if (mode === "connect") {
    return {
      async sample() {
        const t = performance.now();
        const room = new Room();
        try {
          await room.connect(creds.wsUrl, await token(creds, roomName), { autoSubscribe: false, dynacast: false });
          for (const pub of cameras(room)) {
            pub.setSubscribed(true);
            await prepareFrame(await oneFrame(await trackOf(room, pub)));
          }
          return performance.now() - t;
        } finally {
          await room.disconnect().catch(() => undefined);
        }
      },
      close: async () => undefined,
    };
  }
  const room = new Room();
  await room.connect(creds.wsUrl, await token(creds, roomName), { autoSubscribe: mode === "subscribed", dynacast: false });
  if (mode === "paused") {
    const waiting = new Map<string, (frame: VideoFrame) => void>();
    const readers: { cancel: () => Promise<void> }[] = [];
    const follow = async (pub: RemoteTrackPublication) => {
      pub.setSubscribed(true);
      const reader = new VideoStream(await trackOf(room, pub)).getReader();
      readers.push(reader);
      setForwarding(pub, false);
      for (;;) {
        const { value, done } = await reader.read();
        if (done || !value) return;
        const resolve = waiting.get(pub.sid ?? "");
        waiting.delete(pub.sid ?? "");
        resolve?.(value.frame);
      }
    };
    for (const pub of cameras(room)) void follow(pub).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return {
      async sample() {
        const t = performance.now();
        for (const pub of cameras(room)) {
          const frame = new Promise<VideoFrame>((resolve) => waiting.set(pub.sid ?? "", resolve));
          setForwarding(pub, true);
          const got = await frame;
          setForwarding(pub, false);
          await prepareFrame(got.convert(VideoBufferType.RGB24));
        }
        return performance.now() - t;
      },
      async close() {
        for (const reader of readers) await reader.cancel().catch(() => undefined);
        await room.disconnect().catch(() => undefined);
      },
    };
  }
  if (mode === "subscribed") {
    // Subscribed all the time: every frame is received and decoded, the latest one kept per
    // camera (one stream per track for the sampler's life; a second VideoStream on one track
    // gave no frames).
    const latest = new Map<string, VideoFrame>();
    const readers: { cancel: () => Promise<void> }[] = [];
    const follow = async (pub: RemoteTrackPublication) => {
      const reader = new VideoStream(await trackOf(room, pub)).getReader();
      readers.push(reader);
      for (;;) {
        const { value, done } = await reader.read();
        if (done || !value) return;
        latest.set(pub.sid ?? "", value.frame);
      }
    };
    for (const pub of cameras(room)) void follow(pub).catch(() => undefined);
    return {
      async sample() {
        const t = performance.now();
        for (const pub of cameras(room)) {
          while (!latest.has(pub.sid ?? "")) await new Promise((resolve) => setTimeout(resolve, 50));
          await prepareFrame(latest.get(pub.sid ?? "")!.convert(VideoBufferType.RGB24));
        }
        return performance.now() - t;
      },
      async close() {
        for (const reader of readers) await reader.cancel().catch(() => undefined);
        await room.disconnect().catch(() => undefined);
      },
    };
  }
  return {
    async sample() {
      const t = performance.now();
      for (const pub of cameras(room)) {
        pub.setSubscribed(true);
        await prepareFrame(await oneFrame(await trackOf(room, pub)));
        if (mode === "toggle") pub.setSubscribed(false);
      }
      return performance.now() - t;
    },
    close: () => room.disconnect().catch(() => undefined),
  };
}
