// Code that runs inside the pages (serialized by Playwright): it must not use anything from
// this module's scope, and it reads one clock, performance.timeOrigin + performance.now(),
// so a click, a fetch and a frame of the same page compare directly.

/** What the viewer page records during one join; epoch milliseconds. */
export type JoinProbe = {
  clickAt?: number;
  /** LiveKit's signal WebSocket (/rtc, /rtc/v1) was created, and opened */
  signalAt?: number;
  signalOpenAt?: number;
  /** the first peer connection of the join reached "connected" (ICE + DTLS done) */
  peerAt?: number;
  /** the <video data-testid=host-video> element appeared (the host's track is subscribed) */
  videoAt?: number;
  /** first frame of that element: requestVideoFrameCallback's presentationTime, or polling */
  frameAt?: number;
  how?: "rvfc" | "poll";
};

/** What the baseline's receiving page records; epoch milliseconds. */
export type BaselineProbe = { frameAt?: number; how?: "rvfc" | "poll" };

/**
 * Viewer pages (init script, so it also survives a full navigation): remembers when a room card
 * is clicked and when the host's video shows its first frame.
 */
export function installJoinProbe(): void {
  const w = window as unknown as { __join: JoinProbe };
  const now = (): number => performance.timeOrigin + performance.now();
  const saved = sessionStorage.getItem("bench-click-at");
  w.__join = saved ? { clickAt: Number(saved) } : {};

  // Capture phase, so the time is taken before the app's own click handling starts.
  document.addEventListener(
    "click",
    (event) => {
      if (!(event.target instanceof Element) || !event.target.closest("[data-testid=show-card]")) return;
      const at = now();
      w.__join = { clickAt: at };
      sessionStorage.setItem("bench-click-at", String(at)); // in case the app does a full navigation
    },
    { capture: true },
  );

  // LiveKit's connection steps, seen from the page: its signal socket and its peer connection(s).
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      if (!/\/rtc(\/|$)/.test(new URL(url).pathname)) return;
      const probe = w.__join;
      probe.signalAt ??= now();
      this.addEventListener("open", () => (probe.signalOpenAt ??= now()), { once: true });
    }
  };
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(config?: RTCConfiguration) {
      super(config);
      const probe = w.__join;
      this.addEventListener("connectionstatechange", () => {
        if (this.connectionState === "connected") probe.peerAt ??= now();
      });
    }
  };

  const watched = new WeakSet<HTMLVideoElement>();
  const watch = (video: HTMLVideoElement): void => {
    if (watched.has(video)) return;
    watched.add(video);
    const probe = w.__join;
    probe.videoAt ??= now();
    const finish = (at: number, how: "rvfc" | "poll"): void => {
      if (probe.frameAt !== undefined) return;
      probe.frameAt = at;
      probe.how = how;
    };
    // presentationTime: when the decoded frame was handed to the compositor.
    video.requestVideoFrameCallback((_now, meta) => finish(performance.timeOrigin + meta.presentationTime, "rvfc"));
    // A fallback in case no frame is ever composited (e.g. a hidden page): decoded frames count too.
    const poll = (): void => {
      if (probe.frameAt !== undefined) return;
      if (video.getVideoPlaybackQuality().totalVideoFrames > 0) finish(now(), "poll");
      else setTimeout(poll, 4);
    };
    poll();
  };
  new MutationObserver(() => {
    for (const video of document.querySelectorAll<HTMLVideoElement>("video[data-testid=host-video]")) watch(video);
  }).observe(document, { childList: true, subtree: true });
}

/** Baseline receiver: a fresh peer connection and <video>; returns the start time. */
export function startBaselineReceiver(): number {
  const w = window as unknown as { __pc?: RTCPeerConnection; __video?: HTMLVideoElement; __probe: BaselineProbe };
  const startAt = performance.timeOrigin + performance.now();
  w.__pc?.close();
  w.__video?.remove();
  const probe: BaselineProbe = {};
  const pc = new RTCPeerConnection();
  const video = document.createElement("video");
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.width = 640;
  video.height = 360;
  document.body.append(video);
  w.__pc = pc;
  w.__video = video;
  w.__probe = probe;
  const finish = (at: number, how: "rvfc" | "poll"): void => {
    if (probe.frameAt !== undefined) return;
    probe.frameAt = at;
    probe.how = how;
  };
  pc.ontrack = (event) => {
    video.srcObject = event.streams[0] ?? new MediaStream([event.track]);
    video.requestVideoFrameCallback((_now, meta) => finish(performance.timeOrigin + meta.presentationTime, "rvfc"));
    const poll = (): void => {
      if (probe.frameAt !== undefined) return;
      if (video.getVideoPlaybackQuality().totalVideoFrames > 0) finish(performance.timeOrigin + performance.now(), "poll");
      else setTimeout(poll, 4);
    };
    poll();
  };
  return startAt;
}

/** Baseline sender: a fresh peer connection with the (already open) fake camera; returns the offer. */
export async function senderOffer(): Promise<RTCSessionDescriptionInit> {
  const w = window as unknown as { __pc?: RTCPeerConnection; __camera: MediaStream };
  w.__pc?.close();
  const pc = new RTCPeerConnection();
  w.__pc = pc;
  for (const track of w.__camera.getVideoTracks()) pc.addTrack(track, w.__camera);
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === "complete") return resolve();
    pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
  });
  return pc.localDescription?.toJSON() ?? { type: "offer" };
}

export async function receiverAnswer(offer: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> {
  const w = window as unknown as { __pc: RTCPeerConnection };
  const pc = w.__pc;
  await pc.setRemoteDescription(offer);
  await pc.setLocalDescription(await pc.createAnswer());
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === "complete") return resolve();
    pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
  });
  return pc.localDescription?.toJSON() ?? { type: "answer" };
}

export async function senderAccept(answer: RTCSessionDescriptionInit): Promise<void> {
  const w = window as unknown as { __pc: RTCPeerConnection };
  await w.__pc.setRemoteDescription(answer);
}

/** Opens the fake camera once, before any measured run (the app's host is already live too), at livekit-client's default capture size. */
export async function openCamera(): Promise<void> {
  const w = window as unknown as { __camera: MediaStream };
  w.__camera = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 }, audio: false });
}
