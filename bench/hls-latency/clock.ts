// A clock drawn into video frames as a barcode, and its reader. Both run inside pages
// (serialized by Playwright), so they use nothing but browser APIs and their arguments.

/** 32 bits of Date.now() (ms, wraps every ~49 days) + 8 check bits, as black/white bars. */
export const BARS = 40;

/**
 * Init script for the host's page: getUserMedia returns a 640×360 canvas whose top half shows
 * the barcode of the current time (redrawn every 20 ms), plus the fake microphone.
 */
export function installClockCamera(bars: number): void {
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    if (!constraints?.video) return original(constraints);
    const canvas = document.createElement("canvas");
    canvas.width = 640;
    canvas.height = 360;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context");
    const draw = () => {
      const now = Date.now() % 2 ** 32;
      let check = 0;
      for (let byte = 0; byte < 4; byte++) check ^= Math.floor(now / 2 ** (8 * byte)) & 0xff;
      const w = canvas.width / bars;
      ctx.fillStyle = "#808080";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < bars; i++) {
        const bit = i < 32 ? Math.floor(now / 2 ** (31 - i)) & 1 : (check >> (39 - i)) & 1;
        ctx.fillStyle = bit ? "#ffffff" : "#000000";
        ctx.fillRect(i * w, 0, w, canvas.height / 2);
      }
    };
    draw();
    setInterval(draw, 20);
    const stream = canvas.captureStream(30);
    if (constraints.audio) {
      const mic = await original({ audio: constraints.audio });
      for (const track of mic.getAudioTracks()) stream.addTrack(track);
    }
    return stream;
  };
}

/**
 * In a viewer's page: waits for the next decodable frame of the <video> matched by `selector`
 * and returns now − the time drawn in it (ms), or null when no frame decoded within 5 s.
 */
export async function readClockDelay([selector, bars]: [string, number]): Promise<number | null> {
  const video = document.querySelector<HTMLVideoElement>(selector);
  if (!video) return null;
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return null;
  const decode = (): number | null => {
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (!w || !h) return null;
    canvas.width = w;
    canvas.height = h;
    ctx.drawImage(video, 0, 0, w, h);
    const bits: number[] = [];
    for (let i = 0; i < bars; i++) {
      const [r = 0, g = 0, b = 0] = ctx.getImageData(Math.floor(((i + 0.5) * w) / bars), Math.floor(h / 4), 1, 1).data;
      const luma = 0.299 * r + 0.587 * g + 0.114 * b;
      if (luma > 96 && luma < 160) return null; // grey: not our frame (or blurred)
      bits.push(luma >= 128 ? 1 : 0);
    }
    let value = 0;
    for (let i = 0; i < 32; i++) value = value * 2 + (bits[i] ?? 0);
    let check = 0;
    for (let i = 32; i < bars; i++) check = check * 2 + (bits[i] ?? 0);
    let expected = 0;
    for (let byte = 0; byte < 4; byte++) expected ^= Math.floor(value / 2 ** (8 * byte)) & 0xff;
    return check === expected ? value : null;
  };
  const deadline = performance.now() + 5_000;
  while (performance.now() < deadline) {
    const frame = await new Promise<{ at: number; shown: number | null }>((resolve) =>
      video.requestVideoFrameCallback(() => {
        const at = Date.now() % 2 ** 32; // when this frame is on screen
        resolve({ at, shown: decode() });
      }),
    );
    if (frame.shown !== null) return frame.at - frame.shown;
  }
  return null;
}
