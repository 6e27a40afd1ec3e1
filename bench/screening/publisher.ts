// Headless publishers for bench:screening: an rtc-node participant per show publishing a
// generated camera picture (a moving colour gradient with a bar), so N live shows cost the
// machine far less than N Chromium fake cameras and the app's own cost stands out.
import { LocalVideoTrack, Room, TrackPublishOptions, TrackSource, VideoBufferType, VideoFrame, VideoSource } from "@livekit/rtc-node";

export type Publisher = { identity: string; stop: () => Promise<void> };

export type PublisherOptions = { width?: number; height?: number; fps?: number };

function paint(frame: Uint8Array, width: number, height: number, t: number): void {
  const bar = Math.floor((t * 4) % width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const onBar = Math.abs(x - bar) < 8;
      frame[i] = onBar ? 255 : (x + t) & 0xff;
      frame[i + 1] = onBar ? 255 : (y * 2) & 0xff;
      frame[i + 2] = onBar ? 255 : (x + y + t * 3) & 0xff;
      frame[i + 3] = 255;
    }
  }
}

/** Joins `roomName` with `token` and publishes a camera track until stopped. */
export async function startPublisher(wsUrl: string, token: string, options: PublisherOptions = {}): Promise<Publisher> {
  const { width = 320, height = 180, fps = 5 } = options;
  const room = new Room();
  await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
  const source = new VideoSource(width, height);
  const track = LocalVideoTrack.createVideoTrack("camera", source);
  const publishOptions = new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA, simulcast: false });
  await room.localParticipant!.publishTrack(track, publishOptions);
  const data = new Uint8Array(width * height * 4);
  let t = 0;
  const timer = setInterval(() => {
    paint(data, width, height, t++);
    source.captureFrame(new VideoFrame(data, width, height, VideoBufferType.RGBA));
  }, 1000 / fps);
  return {
    identity: room.localParticipant!.identity,
    async stop() {
      clearInterval(timer);
      await source.close().catch(() => undefined);
      await room.disconnect().catch(() => undefined);
    },
  };
}
